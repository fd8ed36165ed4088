package content

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is the one goldmark configuration of the project: every page
// is parsed by it, once. The parser is safe for concurrent use.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
)

// Markdown returns the project's goldmark configuration, so the site can
// render with the same extensions the parse used.
func Markdown() goldmark.Markdown { return markdown }

// NewRenderer is a renderer for the project's parse, with the same
// extensions, and with node renderers of the caller's own (links that
// resolve, text marks) ahead of goldmark's. Renderers keep state, so
// each goroutine makes its own.
func NewRenderer(own renderer.NodeRenderer, opts ...renderer.Option) renderer.Renderer {
	opts = append([]renderer.Option{renderer.WithNodeRenderers(util.Prioritized(own, 100))}, opts...)
	return goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(opts...)).Renderer()
}

// parseMarkdown parses a page body. Heading IDs are made per document.
func parseMarkdown(body []byte) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))
	return markdown.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
}

// headingIDs makes readable anchors. goldmark's own generator drops every
// non-ASCII letter ("¿Cómo pago?" becomes "cmo-pago"); ours folds accents
// so Spanish headings get "como-pago".
type headingIDs struct{ used map[string]bool }

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// Slug turns text into a lower-case, ASCII, dash-separated name for
// anchors and URLs: "¿Cómo pago?" → "como-pago".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		r = foldAccent(r)
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '/' || r == '.':
			dash = true
		}
	}
	return b.String()
}

var accents = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a',
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i',
	'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u',
	'ñ': 'n', 'ç': 'c', 'ý': 'y', 'ÿ': 'y',
}

func foldAccent(r rune) rune {
	if f, ok := accents[r]; ok {
		return f
	}
	return r
}

// NodeOffset is the byte offset in the page body where a node starts, or
// -1 when the node has no place in the source (a node made by a
// transform).
func NodeOffset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if o := NodeOffset(c); o >= 0 {
			return o
		}
	}
	return -1
}
