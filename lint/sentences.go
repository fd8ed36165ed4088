package lint

import (
	"strings"
	"sync"
	"unicode"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Sentence is a sentence of a block: Text[Start:End] of the block.
type Sentence struct {
	Block      *Block
	Start, End int
	Words      []Word
}

// Text is the sentence as written.
func (s *Sentence) Text() string { return s.Block.Text[s.Start:s.End] }

// Word is a word of a sentence, at Text[Start:End] of its block.
type Word struct {
	Text       string
	Start, End int
}

// The segmenter is prose's own Punkt model (prose/v2 segments with it but
// loads it again for every document and drops the offsets; we need both
// once). Abbreviations that a parent's page uses are added to it.
var (
	segmenterOnce sync.Once
	segmenter     *sentences.DefaultSentenceTokenizer
	segmenterMu   sync.Mutex
)

var abbreviations = []string{"u.s", "dr", "mr", "mrs", "ms", "e.g", "i.e", "a.m", "p.m", "etc", "no", "st", "ave", "jr", "sr", "vs", "dept", "inc", "approx", "u.s.c", "sec", "ft", "oz", "lb"}

func segment(text string) [][2]int {
	segmenterOnce.Do(func() {
		t, err := english.NewSentenceTokenizer(nil)
		if err != nil {
			panic(err) // the model is compiled in; it cannot be missing
		}
		for _, a := range abbreviations {
			t.AbbrevTypes.Add(a)
		}
		segmenter = t
	})
	segmenterMu.Lock()
	found := segmenter.Tokenize(text)
	segmenterMu.Unlock()
	var out [][2]int
	for _, s := range found {
		start, end := s.Start, s.End
		for start < end && unicode.IsSpace(rune(text[start])) {
			start++
		}
		for end > start && unicode.IsSpace(rune(text[end-1])) {
			end--
		}
		if start < end {
			out = append(out, [2]int{start, end})
		}
	}
	return out
}

// Sentences splits a block. A heading or a list item with no end
// punctuation is one sentence; so is a table cell.
func Sentences(b *Block) []*Sentence {
	var spans [][2]int
	if b.Kind == Heading || b.Kind == TableCell || b.Kind == AltText {
		spans = [][2]int{{0, len(b.Text)}}
	} else {
		spans = segment(b.Text)
	}
	var out []*Sentence
	for _, sp := range spans {
		s := &Sentence{Block: b, Start: sp[0], End: sp[1]}
		s.Words = words(b.Text, sp[0], sp[1])
		if len(s.Words) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// words finds the words of Text[start:end]: letters and digits, with
// inner apostrophes, hyphens, and the points and commas of numbers
// ("$1,250.50" is one word, "U.S." is one word).
func words(text string, start, end int) []Word {
	var out []Word
	i := start
	for i < end {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < end {
			c := text[j]
			if isWordByte(c) || (j+1 < end && isWordByte(text[j+1]) && strings.IndexByte("'’-.,", c) >= 0 && !(c == ',' && !isDigit(text[j+1]))) {
				j++
				continue
			}
			if c == 0xE2 && strings.HasPrefix(text[j:], "’") && j+3 < end && isWordByte(text[j+3]) {
				j += 3
				continue
			}
			break
		}
		w := strings.TrimRight(text[i:j], ".,")
		out = append(out, Word{Text: w, Start: i, End: i + len(w)})
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte is a letter, a digit, or a byte of a non-ASCII letter.
func isWordByte(c byte) bool {
	return c >= 0x80 || isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
}
