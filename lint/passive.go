package lint

import (
	"fmt"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// passiveMatch is where a passive verb is in its sentence: the be-verb
// and the past participle (words [be, participle]), and whether the
// sentence names who acts ("by the court").
type passiveMatch struct {
	be, participle int
	by             bool
}

var beVerbs = map[string]bool{"am": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "being": true, "isn't": true, "aren't": true, "wasn't": true, "weren't": true}

// adjectival are past participles that, after a be-verb, describe a
// state rather than an action: "the office is closed", "I am tired".
var adjectival = map[string]bool{"closed": true, "tired": true, "married": true, "divorced": true,
	"located": true, "based": true, "worried": true, "excited": true, "interested": true, "pleased": true,
	"supposed": true, "used": true, "concerned": true, "scared": true, "finished": true, "done": true,
	"separated": true, "qualified": true, "allowed": false, "involved": true, "engaged": true,
	"prepared": true, "satisfied": true, "disabled": true, "unemployed": true, "employed": true,
	"open": true, "gone": true, "born": true, "confused": true, "surprised": true, "known": false}

// irregular participles the tagger often calls adjectives ("is kept").
var irregular = map[string]bool{"kept": true, "held": true, "sent": true, "paid": true, "made": true,
	"taken": true, "given": true, "told": true, "found": true, "put": true, "set": true, "cut": true,
	"sold": true, "lost": true, "left": true, "brought": true, "bought": true, "built": true,
	"chosen": true, "written": true, "shown": true, "seen": true, "spent": true, "withheld": true}

// model is prose's part-of-speech model, loaded once. Tagging only reads
// it, so pages are tagged on every core at once. Tagging is slow, so
// only sentences a rule needs are tagged, and each only once (doc.tags).
var (
	modelOnce sync.Once
	model     *prose.Model
)

func tag(text string) []prose.Token {
	modelOnce.Do(func() {
		doc, err := prose.NewDocument("start", prose.WithExtraction(false), prose.WithSegmentation(false))
		if err != nil {
			panic(err) // the model is compiled in; it cannot be missing
		}
		model = doc.Model
	})
	doc, err := prose.NewDocument(text, prose.UsingModel(model), prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	return doc.Tokens()
}

// tags is a sentence's part-of-speech tags, tagged on first use.
func (d *doc) tags(s *Sentence) []prose.Token {
	if t, ok := d.tagged[s]; ok {
		return t
	}
	t := tag(s.Text())
	d.tagged[s] = t
	return t
}

// findPassive finds be-verb + past participle in the sentences that have
// a be-verb, with adverbs and "not" allowed between.
func (d *doc) findPassive() map[*Sentence]passiveMatch {
	out := map[*Sentence]passiveMatch{}
	for _, s := range d.sentences {
		if !hasBeVerb(s) {
			continue
		}
		if m, ok := passiveIn(s, d.tags(s)); ok {
			out[s] = m
		}
	}
	return out
}

func hasBeVerb(s *Sentence) bool {
	for _, w := range s.Words {
		if beVerbs[strings.ToLower(w.Text)] {
			return true
		}
	}
	return false
}

// passiveIn finds the pattern in the tagged tokens and maps it back to
// the sentence's words by their text, in order.
func passiveIn(s *Sentence, toks []prose.Token) (passiveMatch, bool) {
	for i := 0; i < len(toks); i++ {
		if !beVerbs[strings.ToLower(toks[i].Text)] {
			continue
		}
		j := i + 1
		for j < len(toks) && (strings.HasPrefix(toks[j].Tag, "RB") || toks[j].Text == "been" || toks[j].Text == "being") {
			j++
		}
		// After a be-verb a past tense is a participle the tagger misread
		// ("is kept"). A state word is passive only with its doer ("was
		// closed by the court").
		if j >= len(toks) || !(toks[j].Tag == "VBN" || toks[j].Tag == "VBD" || irregular[strings.ToLower(toks[j].Text)]) {
			continue
		}
		if adjectival[strings.ToLower(toks[j].Text)] && !hasBy(toks[j+1:]) {
			continue
		}
		be, part := wordIndex(s, toks[i].Text, 0), -1
		if be >= 0 {
			part = wordIndex(s, toks[j].Text, be+1)
		}
		if be < 0 || part < 0 {
			continue
		}
		m := passiveMatch{be: be, participle: part}
		for _, w := range s.Words[part+1:] {
			if strings.EqualFold(w.Text, "by") {
				m.by = true
			}
		}
		return m, true
	}
	return passiveMatch{}, false
}

func hasBy(toks []prose.Token) bool {
	for _, t := range toks {
		if strings.EqualFold(t.Text, "by") {
			return true
		}
	}
	return false
}

func wordIndex(s *Sentence, text string, from int) int {
	for k := from; k < len(s.Words); k++ {
		if strings.EqualFold(s.Words[k].Text, text) {
			return k
		}
	}
	return -1
}

func passiveVoice(d *doc) {
	for _, s := range d.sentences {
		m, ok := d.passive[s]
		if !ok {
			continue
		}
		be, part := s.Words[m.be], s.Words[m.participle]
		phrase := s.Block.Text[be.Start:part.End]
		msg := fmt.Sprintf("%q is passive: say who does it", phrase)
		if m.by {
			msg += `, and start with them ("the court sends the order", not "the order is sent by the court")`
		} else {
			msg += ` ("we review your case", not "your case is reviewed")`
		}
		d.report("plain.passive", s.Block, be.Start, part.End, msg, "")
	}
}
