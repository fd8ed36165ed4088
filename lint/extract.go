package lint

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/plainpress/plainpress/content"
)

// BlockKind is what a block of text is on the page.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	TableCell
	AltText
)

// Block is a run of prose from one Markdown block, with a map from each
// byte of Text back to the page body, so findings get exact positions.
type Block struct {
	Kind  BlockKind
	Level int // heading level
	Text  string
	Node  ast.Node
	spans []span
}

// span says that Text[text:text+n] was copied from Body[src:src+n].
type span struct{ text, src, n int }

// Source is the offset in the page body of byte i of Text.
func (b *Block) Source(i int) int {
	for j := len(b.spans) - 1; j >= 0; j-- {
		s := b.spans[j]
		if i >= s.text {
			if i-s.text < s.n {
				return s.src + i - s.text
			}
			return s.src + s.n // in text added between spans (a space)
		}
	}
	if len(b.spans) > 0 {
		return b.spans[0].src
	}
	return content.NodeOffset(b.Node)
}

// Extract gathers a page's prose into blocks: never code, raw HTML, URLs
// or front matter. Link text stays in its sentence; image alt text is a
// block of its own.
func Extract(pg *content.Page) []*Block {
	if pg.Doc == nil {
		return textBlocks(pg.Body)
	}
	var blocks []*Block
	_ = ast.Walk(pg.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		kind, ok := blockKind(n)
		if !ok {
			return ast.WalkContinue, nil
		}
		b := &Block{Kind: kind, Node: n}
		if h, ok := n.(*ast.Heading); ok {
			b.Level = h.Level
		}
		var alts []*Block
		b.collect(n, pg.Body, &alts)
		b.Text = strings.TrimRight(b.Text, " ")
		if strings.TrimSpace(b.Text) != "" {
			blocks = append(blocks, b)
		}
		blocks = append(blocks, alts...)
		return ast.WalkSkipChildren, nil
	})
	return blocks
}

// blockKind tells which nodes hold a block of prose. A list item's text
// is its own block, apart from its nested lists.
func blockKind(n ast.Node) (BlockKind, bool) {
	switch n.Kind() {
	case ast.KindParagraph:
		if n.Parent() != nil && n.Parent().Kind() == ast.KindListItem {
			return ListItem, true
		}
		return Paragraph, true
	case ast.KindTextBlock:
		return ListItem, true
	case ast.KindHeading:
		return Heading, true
	case east.KindTableCell:
		return TableCell, true
	}
	return 0, false
}

// collect appends the prose under n to the block.
func (b *Block) collect(n ast.Node, src []byte, alts *[]*Block) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.add(c.Segment.Value(src), c.Segment.Start)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.Text += " "
			}
		case *ast.String:
			b.Text += string(c.Value)
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			b.Text += " " // keeps the words on either side apart
		case *ast.Image:
			alt := &Block{Kind: AltText, Node: c}
			alt.collect(c, src, alts)
			if strings.TrimSpace(alt.Text) != "" {
				*alts = append(*alts, alt)
			}
		default:
			b.collect(c, src, alts)
		}
	}
}

func (b *Block) add(text []byte, src int) {
	b.spans = append(b.spans, span{text: len(b.Text), src: src, n: len(text)})
	b.Text += string(text)
}

// textBlocks reads a plain text file (content.ParseText) as paragraphs
// apart by blank lines: all of it is prose, nothing is markup.
func textBlocks(body []byte) []*Block {
	var blocks []*Block
	var b *Block
	pos := 0
	for _, line := range bytes.SplitAfter(body, []byte("\n")) {
		text := bytes.TrimRight(line, "\r\n")
		switch {
		case len(bytes.TrimSpace(text)) == 0:
			b = nil
		case b == nil:
			b = &Block{Kind: Paragraph}
			blocks = append(blocks, b)
			fallthrough
		default:
			if b.Text != "" {
				b.Text += " "
			}
			b.add(text, pos)
		}
		pos += len(line)
	}
	return blocks
}
