package lint

import (
	"math"
	"strings"
	"unicode"
)

// Metrics measure how hard a text is to read. Grades are U.S. school
// grades: 8 means a reader with eight years of school.
type Metrics struct {
	Words              int     `json:"words"`
	Sentences          int     `json:"sentences"`
	Syllables          int     `json:"syllables"`
	FleschReadingEase  float64 `json:"fleschReadingEase"`
	FleschKincaidGrade float64 `json:"fleschKincaidGrade"`
	GunningFog         float64 `json:"gunningFog"`
	SMOG               float64 `json:"smog"`
	ColemanLiau        float64 `json:"colemanLiau"`
	ARI                float64 `json:"ari"`
	AvgSentenceLength  float64 `json:"averageSentenceLength"`
	PassivePercent     float64 `json:"passivePercent"`
	YouPercent         float64 `json:"youPercent"`
	// Grade is the school grade the page's language is judged by:
	// Flesch-Kincaid for English, Crawford for Spanish (Flesch-Kincaid
	// overstates Spanish, whose words have more syllables).
	Grade float64 `json:"grade"`
}

// counts are the raw tallies the formulas use.
type counts struct {
	words, sentences, syllables, complex, letters, passive, you int
}

func (c *counts) addSentence(s *Sentence, passive bool) {
	c.sentences++
	if passive {
		c.passive++
	}
	speaksToYou := false
	for _, w := range s.Words {
		c.words++
		n := syllables(w.Text)
		c.syllables += n
		if n >= 3 && !isNumber(w.Text) && !strings.Contains(w.Text, "-") && !startsUpper(w.Text) {
			c.complex++
		}
		for _, r := range w.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				c.letters++
			}
		}
		switch strings.ToLower(w.Text) {
		case "you", "your", "yours", "yourself", "you're", "you’ll", "you'll", "you’re", "usted", "su", "sus":
			speaksToYou = true
		}
	}
	if speaksToYou {
		c.you++
	}
}

func (c *counts) add(o counts) {
	c.words += o.words
	c.sentences += o.sentences
	c.syllables += o.syllables
	c.complex += o.complex
	c.letters += o.letters
	c.passive += o.passive
	c.you += o.you
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// metrics applies the published formulas to the counts; lang picks the
// grade formula.
func (c counts) metrics(lang string) Metrics {
	m := Metrics{Words: c.words, Sentences: c.sentences, Syllables: c.syllables}
	if c.words == 0 || c.sentences == 0 {
		return m
	}
	w, s := float64(c.words), float64(c.sentences)
	wps, spw := w/s, float64(c.syllables)/w
	m.AvgSentenceLength = round(wps)
	m.FleschReadingEase = round(206.835 - 1.015*wps - 84.6*spw)
	m.FleschKincaidGrade = round(0.39*wps + 11.8*spw - 15.59)
	m.GunningFog = round(0.4 * (wps + 100*float64(c.complex)/w))
	m.SMOG = round(1.0430*math.Sqrt(float64(c.complex)*30/s) + 3.1291)
	m.ColemanLiau = round(0.0588*(100*float64(c.letters)/w) - 0.296*(100*s/w) - 15.8)
	m.ARI = round(4.71*float64(c.letters)/w + 0.5*wps - 21.43)
	m.PassivePercent = round(100 * float64(c.passive) / s)
	m.YouPercent = round(100 * float64(c.you) / s)
	m.Grade = m.FleschKincaidGrade
	if lang == "es" {
		m.Grade = round(-0.205*(100*s/w) + 0.049*(100*float64(c.syllables)/w) - 3.407)
	}
	return m
}

func round(f float64) float64 { return math.Round(f*10) / 10 }
