package lint

import (
	"fmt"
	"strings"
)

// function words never start or sit in a noun string; a sentence needs
// three other words in a row before it is worth tagging.
var function = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "and": true,
	"or": true, "in": true, "for": true, "on": true, "with": true, "at": true, "by": true, "from": true,
	"you": true, "we": true, "your": true, "our": true, "is": true, "are": true, "be": true, "it": true,
	"this": true, "that": true, "if": true, "can": true, "will": true, "may": true, "must": true, "not": true,
	"as": true, "do": true, "does": true, "have": true, "has": true, "they": true, "their": true, "he": true,
	"she": true, "his": true, "her": true, "i": true, "my": true, "was": true, "were": true, "but": true}

// compounds are two nouns a parent reads as one thing: "child support
// services" is two, not three.
var compounds = map[string]bool{"child support": true, "health insurance": true, "tax refund": true,
	"social security": true, "birth certificate": true, "bank account": true, "case number": true,
	"phone number": true, "pay stub": true, "court order": true, "payment card": true, "health care": true,
	"driver license": true, "income withholding": true, "support order": true, "email address": true}

// nounString reports three or more nouns in a row ("child support
// payment processing center"), which readers must untangle.
func nounString(d *doc) {
	for _, s := range d.sentences {
		if s.Block.Kind == Heading || !hasRun(s.Words, 3) {
			continue
		}
		toks := tag(s.Text())
		run, units := 0, 0 // nouns in the run, and how many of them count
		for i, t := range toks {
			if (t.Tag == "NN" || t.Tag == "NNS") && !function[strings.ToLower(t.Text)] {
				run++
				if run == 1 || !compounds[strings.ToLower(toks[i-1].Text+" "+t.Text)] {
					units++
				}
				continue
			}
			if units >= 3 {
				d.reportNounRun(s, toks[i-run].Text, toks[i-1].Text, run)
			}
			run, units = 0, 0
		}
		if units >= 3 {
			d.reportNounRun(s, toks[len(toks)-run].Text, toks[len(toks)-1].Text, run)
		}
	}
}

func (d *doc) reportNounRun(s *Sentence, first, last string, n int) {
	from := wordIndex(s, first, 0)
	to := -1
	if from >= 0 {
		to = wordIndex(s, last, from+n-1)
	}
	if from < 0 || to < 0 {
		return
	}
	text := s.Block.Text[s.Words[from].Start:s.Words[to].End]
	d.report("plain.noun-string", s.Block, s.Words[from].Start, s.Words[to].End,
		fmt.Sprintf("%q is %d nouns in a row: say it with a verb or a preposition (\"the center that handles payments\")", text, n), "")
}

func hasRun(words []Word, n int) bool {
	run := 0
	for _, w := range words {
		if function[strings.ToLower(w.Text)] {
			run = 0
			continue
		}
		if run++; run >= n {
			return true
		}
	}
	return false
}
