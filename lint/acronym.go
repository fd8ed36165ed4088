package lint

import (
	"fmt"
	"strings"
)

// maxAcronyms is how many different abbreviations a page may use before
// readers lose track.
const maxAcronyms = 4

// knownAcronyms need no definition on a parent's page.
var knownAcronyms = map[string]bool{"ID": true, "OK": true, "U.S": true, "USA": true, "TV": true, "AM": true,
	"PM": true, "PDF": true, "PO": true, "ZIP": true, "ATM": true, "FAQ": true, "PIN": true, "TTY": true,
	"EE.UU": true, "II": true, "III": true, "IV": true, "A": true, "AA": true, "AAA": true}

// acronym reports an abbreviation used before it is spelled out
// ("Social Security number (SSN)"), and pages with too many.
func acronym(d *doc) {
	defined := map[string]bool{}
	seen := map[string]bool{}
	for _, s := range d.sentences {
		text := s.Block.Text
		for i, w := range s.Words {
			a := strings.TrimSuffix(w.Text, "s") // plural: IDs
			if !isInitialism(a) || knownAcronyms[a] || (i+1 < len(s.Words) && isZIP(s.Words[i+1].Text)) {
				continue // a state's code in an address ("RL 00000") is no abbreviation to spell out
			}
			if definedAt(text, s.Words, i) {
				defined[a] = true
			}
			if !defined[a] && !seen[a] {
				d.report("plain.acronym", s.Block, w.Start, w.End,
					fmt.Sprintf("%q is not spelled out before it is used: write the words first, with the letters after them in brackets", a), "")
			}
			if !seen[a] {
				seen[a] = true
				if len(seen) == maxAcronyms+1 {
					d.report("plain.acronym", s.Block, w.Start, w.End,
						fmt.Sprintf("this page uses more than %d abbreviations: write the words out", maxAcronyms), "")
				}
			}
		}
	}
}

func isZIP(w string) bool {
	return (len(w) == 5 || len(w) == 10) && isNumber(w)
}

// definedAt reports an abbreviation in brackets right after words
// (its definition), or followed by its words in brackets.
func definedAt(text string, words []Word, i int) bool {
	w := words[i]
	before := strings.TrimRight(text[:w.Start], " ")
	after := strings.TrimLeft(text[w.End:], " ")
	return (strings.HasSuffix(before, "(") && i >= 2) || strings.HasPrefix(after, "(")
}
