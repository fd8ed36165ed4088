package lint

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/jdkato/prose/v2"
)

// function words are never nouns: a sentence needs three words in a row
// that could be nouns before it is worth tagging.
var function = setOf(`the a an of to and or nor in for on with at by from into onto over under up
down out off about after before between through during without within until upon against among
per via than then so because while since though although if unless whether as not no yes
you we your our it its this that these those they them their he she him his her i me my us
who whom whose what which when where why how there here
is are was were be been being am do does did done have has had having
can could will would shall should may might must
all any each every some more most other such same own only just also very too even still now
please new one two three four five six seven eight nine ten first last next
get gets got send sends ask asks apply applies tell tells give gives take takes go goes come comes
know knows want wants see sees find finds keep keeps let lets say says think`)

// nounsInLy end like adverbs but are nouns ("family law clinic").
var nounsInLy = setOf(`family supply assembly reply ally rally anomaly monopoly butterfly jelly belly bully lily holly`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// maybeNoun says whether the tagger could call the i-th word of a
// sentence a common noun. Words it cannot (function words, numbers,
// adverbs in -ly, names written with a capital inside the sentence) end
// a run without tagging.
func maybeNoun(words []Word, i int) bool {
	w := words[i].Text
	lower := strings.ToLower(w)
	switch {
	case function[lower]:
		return false
	case len(w) > 4 && strings.HasSuffix(lower, "ly") && !nounsInLy[lower]:
		return false
	case i > 0 && w != lower:
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// compounds are two nouns a parent reads as one thing: "child support
// services" is two, not three.
var compounds = map[string]bool{"child support": true, "health insurance": true, "tax refund": true,
	"social security": true, "birth certificate": true, "bank account": true, "case number": true,
	"phone number": true, "pay stub": true, "court order": true, "payment card": true, "health care": true,
	"driver license": true, "income withholding": true, "support order": true, "email address": true}

// nounString reports three or more nouns in a row ("child support
// payment processing center"), which readers must untangle. Only the
// words around runs that could be nouns are tagged, unless the sentence
// is tagged already.
func nounString(d *doc) {
	for _, s := range d.sentences {
		if s.Block.Kind == Heading {
			continue
		}
		from, to, ok := candidateSpan(s.Words, 3)
		if !ok {
			continue
		}
		toks, base := d.tagged[s], 0
		if toks == nil {
			from, to = max(0, from-2), min(len(s.Words), to+2)
			base = from
			toks = tag(s.Block.Text[s.Words[from].Start:s.Words[to-1].End])
		}
		d.nounRuns(s, toks, base)
	}
}

// candidateSpan is the words [from, to) from the first run of n words that
// could be nouns to the end of the last such run.
func candidateSpan(words []Word, n int) (from, to int, ok bool) {
	run := 0
	for i := range words {
		if !maybeNoun(words, i) {
			run = 0
			continue
		}
		if run++; run >= n {
			if !ok {
				from, ok = i-run+1, true
			}
			to = i + 1
		}
	}
	return from, to, ok
}

// nounRuns reports the runs of nouns in tagged tokens that start at word
// base of the sentence.
func (d *doc) nounRuns(s *Sentence, toks []prose.Token, base int) {
	at := align(s, toks, base)
	run, units := 0, 0 // nouns in the run, and how many of them count
	flush := func(end int) {
		if units >= 3 && at[end-run] >= 0 && at[end-1] >= 0 {
			d.reportNounRun(s, at[end-run], at[end-1], run)
		}
		run, units = 0, 0
	}
	for i, t := range toks {
		if (t.Tag == "NN" || t.Tag == "NNS") && !function[strings.ToLower(t.Text)] {
			run++
			if run == 1 || !compounds[strings.ToLower(toks[i-1].Text+" "+t.Text)] {
				units++
			}
			continue
		}
		flush(i)
	}
	flush(len(toks))
}

// align maps each token to the index of its word in the sentence, or -1
// for a token that is not a word (punctuation), reading both in order
// from word base.
func align(s *Sentence, toks []prose.Token, base int) []int {
	at := make([]int, len(toks))
	w := base
	for i, t := range toks {
		at[i] = -1
		for k := w; k < len(s.Words) && k < w+3; k++ {
			if strings.EqualFold(s.Words[k].Text, t.Text) {
				at[i], w = k, k+1
				break
			}
		}
	}
	return at
}

func (d *doc) reportNounRun(s *Sentence, from, to, n int) {
	text := s.Block.Text[s.Words[from].Start:s.Words[to].End]
	d.report("plain.noun-string", s.Block, s.Words[from].Start, s.Words[to].End,
		fmt.Sprintf("%q is %d nouns in a row: say it with a verb or a preposition (\"the center that handles payments\")", text, n), "")
}
