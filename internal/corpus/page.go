package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Page is one Markdown page with YAML front matter (title, description,
// date, weight, tags) and a body of about words words: an introduction,
// three sections of one or two paragraphs under "## " headings, and a
// bulleted list in one of them. The project writers also add a link to
// another page of the same section; Page alone links nowhere, as it
// cannot know which pages exist.
func Page(r *rand.Rand, i, words int) []byte {
	return page(r, i, words, "")
}

// page is Page with a relative link to the page file named link, if any.
func page(r *rand.Rand, i, words int, link string) []byte {
	var b strings.Builder
	writeFrontMatter(&b, r, i)
	writeBody(&b, r, words, link)
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

func writeFrontMatter(b *strings.Builder, r *rand.Rand, i int) {
	title := strings.TrimSpace(pick(r, topics) + " " + pick(r, audiences))
	// %q quotes are valid YAML double-quoted strings for ASCII text.
	fmt.Fprintf(b, "---\ntitle: %q\ndescription: %q\n", title, Sentence(r))
	// Past dates only: Hugo leaves out future-dated pages, and the two
	// builds must hold the same pages.
	fmt.Fprintf(b, "date: %d-%02d-%02d\nweight: %d\n", 2023+r.IntN(3), 1+r.IntN(12), 1+r.IntN(28), i+1)
	t1, t2 := r.IntN(len(tags)), r.IntN(len(tags))
	if r.IntN(2) == 0 || t1 == t2 {
		fmt.Fprintf(b, "tags: [%q]\n---\n\n", tags[t1])
	} else {
		fmt.Fprintf(b, "tags: [%q, %q]\n---\n\n", tags[t1], tags[t2])
	}
}

// layout is the shape of a page body, chosen before any prose so the
// paragraphs can share what is left of the word budget.
type layout struct {
	headings [3]string
	paras    [3]int // paragraphs under each heading
	list     []string
	listAt   int    // the section that holds the list
	linkAt   int    // the paragraph, counted from the introduction, that ends with the link
	linkText string // the sentence holding the link
}

func newLayout(r *rand.Rand, link string) layout {
	var l layout
	hs := r.Perm(len(headings))
	total := 1
	for s := range 3 {
		l.headings[s] = headings[hs[s]]
		l.paras[s] = 1 + r.IntN(2)
		total += l.paras[s]
	}
	l.listAt = r.IntN(3)
	for range 3 + r.IntN(3) {
		l.list = append(l.list, listItem(r))
	}
	if link != "" {
		l.linkAt = r.IntN(total)
		l.linkText = fmt.Sprintf(" Read more about [%s](%s).", strings.ToLower(pick(r, topics)), link)
	}
	return l
}

// listItem is a thing to bring or a short step, as agency lists hold.
func listItem(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return capital(pick(r, objects))
	}
	return capital(pick(r, verbs)) + " " + pick(r, objects) + " " + pick(r, tails)
}

// fixedWords counts the words that are not paragraphs.
func (l layout) fixedWords() int {
	return countWords(strings.Join(l.headings[:], " ")+" "+strings.Join(l.list, " ")) + countWords(l.linkText)
}

func writeBody(b *strings.Builder, r *rand.Rand, words int, link string) {
	l := newLayout(r, link)
	left := words - l.fixedWords()
	paras := 1 + l.paras[0] + l.paras[1] + l.paras[2]
	k := 0 // paragraphs written
	para := func() {
		p, n := paragraph(r, max(left/(paras-k), 6))
		left -= n
		b.WriteString(p)
		if k == l.linkAt {
			b.WriteString(l.linkText)
		}
		b.WriteString("\n\n")
		k++
	}
	para()
	for s := range 3 {
		fmt.Fprintf(b, "## %s\n\n", l.headings[s])
		for j := range l.paras[s] {
			para()
			if s == l.listAt && j == 0 {
				for _, item := range l.list {
					fmt.Fprintf(b, "- %s\n", item)
				}
				b.WriteString("\n")
			}
		}
	}
}
