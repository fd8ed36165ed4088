package lint

import (
	"bufio"
	"embed"
	"strings"
)

//go:embed data/*.tsv
var dataFS embed.FS

// phraseList matches words and phrases of a sentence against a list of
// entries with plainer alternatives, longest phrase first.
type phraseList struct {
	byFirst map[string][]phrase // by first word, lower case
}

type phrase struct {
	words       []string
	alternative string
	fix         string // the replacement --fix may make; "" when no change is safe
	exactCase   bool   // all-capital entries (NCP, IV-D) match only as written
}

func loadPhrases(name string) *phraseList {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		panic(err) // the lists are compiled in
	}
	defer f.Close()
	l := &phraseList{byFirst: map[string][]phrase{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			continue
		}
		l.add(cols[0], cols[1])
		if len(cols) > 2 {
			list := l.byFirst[firstKey(cols[0])]
			for i := range list {
				if strings.EqualFold(strings.Join(list[i].words, " "), cols[0]) {
					list[i].fix = cols[2]
				}
			}
		}
	}
	return l
}

func (l *phraseList) add(k, alternative string) {
	exact := strings.ToUpper(k) == k && strings.ToLower(k) != k
	p := phrase{words: strings.Fields(k), alternative: alternative, exactCase: exact}
	if !exact {
		p.words = strings.Fields(strings.ToLower(k))
	}
	first := firstKey(k)
	l.byFirst[first] = append(l.byFirst[first], p)
	list := l.byFirst[first]
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
}

func firstKey(k string) string { return strings.ToLower(strings.Fields(k)[0]) }

// match is a phrase found in a sentence: words [from, to).
type match struct {
	from, to    int
	alternative string
	fix         string
}

// find lists the phrases of the list in a sentence's words.
func (l *phraseList) find(words []Word) []match {
	var out []match
	for i := 0; i < len(words); i++ {
		for _, p := range l.byFirst[strings.ToLower(words[i].Text)] {
			if p.matches(words[i:]) {
				out = append(out, match{from: i, to: i + len(p.words), alternative: p.alternative, fix: p.fix})
				i += len(p.words) - 1
				break
			}
		}
	}
	return out
}

func (p phrase) matches(words []Word) bool {
	if len(words) < len(p.words) {
		return false
	}
	for j, w := range p.words {
		got := words[j].Text
		if !p.exactCase {
			got = strings.ToLower(got)
		}
		if got != w {
			return false
		}
	}
	return true
}
