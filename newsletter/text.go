package newsletter

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/plainpress/plainpress/content"
)

// textWidth is where the plain-text part wraps, as mail readers expect.
const textWidth = 72

// plainText writes a page's Markdown as plain text for e-mail: from the
// parse, not from the HTML. Links keep their words and show where they
// go; images become their alt text; code stays as written.
func plainText(pg *content.Page, link func(dest string) string) string {
	t := &textWriter{src: pg.Body, link: link}
	for n := pg.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		t.block(n, "")
	}
	return strings.TrimRight(t.out.String(), "\n") + "\n"
}

type textWriter struct {
	src  []byte
	link func(string) string
	out  bytes.Buffer
}

func (t *textWriter) block(n ast.Node, indent string) {
	switch n := n.(type) {
	case *ast.Heading:
		text := t.inline(n)
		t.out.WriteString(indent + text + "\n")
		under := "-"
		if n.Level <= 1 {
			under = "="
		}
		t.out.WriteString(indent + strings.Repeat(under, min(len([]rune(text)), textWidth)) + "\n\n")
	case *ast.Paragraph, *ast.TextBlock:
		t.out.WriteString(wrap(t.inline(n), indent, indent) + "\n\n")
	case *ast.List:
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			bullet := "- "
			if n.IsOrdered() {
				bullet = fmt.Sprintf("%d. ", i)
				i++
			}
			t.item(item, indent, bullet)
		}
		t.out.WriteString("\n")
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t.block(c, indent+"> ")
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			t.out.WriteString(indent + "    " + strings.TrimRight(string(seg.Value(t.src)), "\n") + "\n")
		}
		t.out.WriteString("\n")
	case *ast.ThematicBreak:
		t.out.WriteString(indent + strings.Repeat("-", 20) + "\n\n")
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, t.inline(c))
			}
			t.out.WriteString(indent + strings.Join(cells, " | ") + "\n")
		}
		t.out.WriteString("\n")
	case *ast.HTMLBlock:
		// Raw HTML is not shown on the site either.
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t.block(c, indent)
		}
	}
}

// item writes a list item: its first paragraph after the bullet, the
// rest indented under it.
func (t *textWriter) item(item ast.Node, indent, bullet string) {
	pad := indent + strings.Repeat(" ", len(bullet))
	first := true
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			if first {
				t.out.WriteString(wrap(t.inline(c), indent+bullet, pad) + "\n")
				first = false
				continue
			}
			t.out.WriteString(wrap(t.inline(c), pad, pad) + "\n")
		default:
			t.block(c, pad)
		}
	}
}

// inline is a block's text on one line, with links written out.
func (t *textWriter) inline(n ast.Node) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(t.src))
				if c.SoftLineBreak() {
					b.WriteByte(' ')
				}
				if c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				b.WriteString(content.PlainText(c, t.src))
			case *ast.AutoLink:
				b.Write(c.URL(t.src))
			case *ast.Link:
				text := content.PlainText(c, t.src)
				url := t.link(string(c.Destination))
				b.WriteString(text)
				if url != "" && url != text && "mailto:"+text != url {
					b.WriteString(" (" + url + ")")
				}
			case *ast.Image:
				if alt := content.PlainText(c, t.src); alt != "" {
					b.WriteString("[" + alt + "]")
				}
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// wrap breaks text into lines of at most textWidth, the first starting
// with first and the rest with rest. A word longer than a line (a web
// address) gets a line of its own, unbroken.
func wrap(text, first, rest string) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n") {
		prefix := first
		if i > 0 {
			prefix = rest
			b.WriteByte('\n')
		}
		line := prefix
		empty := true
		for _, w := range strings.Fields(para) {
			if !empty && len([]rune(line))+1+len([]rune(w)) > textWidth {
				b.WriteString(line + "\n")
				line, empty = rest, true
			}
			if !empty {
				line += " "
			}
			line += w
			empty = false
		}
		b.WriteString(line)
	}
	return b.String()
}
