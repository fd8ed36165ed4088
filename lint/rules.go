package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// rule is one check: a stable id, its default level, and the check.
type rule struct {
	id      string
	level   Severity
	check   func(d *doc)
	english bool // reads English words or tags: not run on other languages
}

// rules are every rule, in the order their findings are listed.
var rules = []rule{
	{"plain.sentence-length", Warning, sentenceLength, false},
	{"plain.paragraph-length", Warning, paragraphLength, false},
	{"readability.grade", Warning, grade, false},
	{"plain.passive", Suggestion, passiveVoice, true},
	{"plain.shall", Warning, shall, true},
	{"plain.wordy", Suggestion, func(d *doc) {
		listRule("plain.wordy", wordy, "%q is a long way to say it")(d)
		if d.cfg.extra != nil {
			listRule("plain.wordy", d.cfg.extra, "%q: your project asks for plainer words")(d)
		}
	}, true},
	{"plain.hidden-verb", Suggestion, listRule("plain.hidden-verb", hiddenVerbs, "%q hides the verb in a noun"), true},
	{"plain.legalese", Warning, listRule("plain.legalese", legalese, "%q is legal language a parent will not use"), true},
	{"respect.terms", Warning, listRule("respect.terms", respect, "%q judges parents or is jargon a parent will not know"), true},
	{"plain.double-negative", Warning, listRule("plain.double-negative", doubleNegatives, "%q is a double negative"), true},
	{"plain.and-or", Warning, andOr, false},
	{"plain.noun-string", Suggestion, nounString, true},
	{"plain.acronym", Warning, acronym, false},
	{"plain.link-text", Warning, linkText, false},
	{"plain.alt-text", Warning, altText, false},
	{"plain.heading-order", Warning, headingOrder, false},
}

var (
	wordy       = loadPhrases("plain-words.tsv")
	hiddenVerbs = loadPhrases("hidden-verbs.tsv")
	legalese    = loadPhrases("legalese.tsv")
	respect     = loadPhrases("respect.tsv")

	doubleNegatives = loadPhrases("double-negatives.tsv")
)

// Limits of the length rules.
const (
	longSentence      = 25
	veryLongSentence  = 40
	longParagraph     = 150
	paragraphMaxSents = 8
)

func sentenceLength(d *doc) {
	for _, s := range d.sentences {
		n := len(s.Words)
		if n <= longSentence || s.Block.Kind == TableCell || s.Block.Kind == AltText {
			continue
		}
		sev := Severity("")
		if n > veryLongSentence {
			sev = Error
		}
		d.reportAs(sev, "plain.sentence-length", s.Block, s.Start, s.End,
			fmt.Sprintf("this sentence has %d words: split it into sentences of %d words or fewer", n, longSentence), "")
	}
}

func paragraphLength(d *doc) {
	for _, b := range d.blocks {
		if b.Kind != Paragraph {
			continue
		}
		words, n := 0, 0
		for _, s := range d.byBlock[b] {
			words += len(s.Words)
			n++
		}
		if words > longParagraph || n > paragraphMaxSents {
			d.report("plain.paragraph-length", b, 0, min(len(b.Text), firstLineEnd(b.Text)),
				fmt.Sprintf("this paragraph has %d words in %d sentences: break it up (at most %d words or %d sentences)", words, n, longParagraph, paragraphMaxSents), "")
		}
	}
}

func firstLineEnd(s string) int {
	if i := strings.IndexAny(s, ".?!"); i > 0 {
		return i + 1
	}
	return len(s)
}

func shall(d *doc) {
	for _, s := range d.sentences {
		for _, w := range s.Words {
			if strings.EqualFold(w.Text, "shall") {
				d.report("plain.shall", s.Block, w.Start, w.End,
					`"shall" is unclear: write "must" for what someone has to do, or "will" for what we promise`, "must")
			}
		}
	}
}

// listRule reports the phrases of a list with their alternatives.
func listRule(id string, list *phraseList, format string) func(d *doc) {
	return func(d *doc) {
		for _, s := range d.sentences {
			for _, m := range list.find(s.Words) {
				start, end := s.Words[m.from].Start, s.Words[m.to-1].End
				text := s.Block.Text[start:end]
				if d.accepted(text) {
					continue
				}
				msg := fmt.Sprintf(format, text)
				alt := m.alternative
				if alt == "(omit)" {
					msg += ": leave it out"
					alt = ""
				} else {
					msg += ": try " + quoteAlternatives(alt)
				}
				d.report(id, s.Block, start, end, msg, firstAlternative(alt))
				if m.fix != "" {
					d.findings[len(d.findings)-1].Fix = m.fix
				}
			}
		}
	}
}

func quoteAlternatives(alt string) string {
	parts := strings.Split(alt, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "(omit)" {
			parts[i] = "leaving it out"
		} else {
			parts[i] = fmt.Sprintf("%q", p)
		}
	}
	return strings.Join(parts, " or ")
}

func firstAlternative(alt string) string {
	first, _, _ := strings.Cut(alt, ",")
	if first = strings.TrimSpace(first); first == "(omit)" {
		return ""
	}
	return first
}

// slashPair is "and/or" or two words joined by a slash ("mother/father");
// dates and fractions are numbers and do not match.
var slashPair = regexp.MustCompile(`(?i)\b([a-z][a-z'-]*)/([a-z][a-z'-]*)\b`)

func andOr(d *doc) {
	for _, b := range d.blocks {
		if !strings.Contains(b.Text, "/") {
			continue // the regexp is slow to find nothing
		}
		for _, m := range slashPair.FindAllStringSubmatchIndex(b.Text, -1) {
			text := b.Text[m[0]:m[1]]
			if strings.EqualFold(text, "and/or") {
				d.report("plain.and-or", b, m[0], m[1], `"and/or" is unclear: write "or", or "A or B or both"`, "or")
				continue
			}
			d.report("plain.and-or", b, m[0], m[1],
				fmt.Sprintf("%q: a slash makes the reader guess; write %q or %q", text, b.Text[m[2]:m[3]]+" or "+b.Text[m[4]:m[5]], b.Text[m[2]:m[3]]+" and "+b.Text[m[4]:m[5]]),
				b.Text[m[2]:m[3]]+" or "+b.Text[m[4]:m[5]])
		}
	}
}
