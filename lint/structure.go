package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/plainpress/plainpress/content"
)

// vagueLinks are link texts that do not say where a link goes.
var vagueLinks = map[string]bool{"click here": true, "here": true, "read more": true, "more": true,
	"learn more": true, "this link": true, "link": true, "this page": true, "click": true, "go": true,
	"aquí": true, "haga clic aquí": true, "más": true, "leer más": true}

var urlLike = regexp.MustCompile(`^(https?://|www\.)\S+$`)

// nodeBlock makes a block for a node, so structure rules report through
// the same path as text rules.
func nodeBlock(n ast.Node, src []byte) *Block {
	b := &Block{Node: n, Text: content.PlainText(n, src)}
	if off := content.NodeOffset(n); off >= 0 {
		b.spans = []span{{text: 0, src: off, n: len(b.Text)}}
	}
	return b
}

func (d *doc) walk(fn func(n ast.Node)) {
	if d.page.Doc == nil {
		return // plain text has no links, images or headings
	}
	_ = ast.Walk(d.page.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fn(n)
		}
		return ast.WalkContinue, nil
	})
}

func linkText(d *doc) {
	d.walk(func(n ast.Node) {
		l, ok := n.(*ast.Link)
		if !ok {
			return
		}
		text := strings.TrimSpace(content.PlainText(l, d.page.Body))
		lower := strings.ToLower(strings.Trim(text, ".!:"))
		b := nodeBlock(l, d.page.Body)
		switch {
		case vagueLinks[lower]:
			d.report("plain.link-text", b, 0, 1, fmt.Sprintf("link text %q does not say where the link goes: use words that name the page, such as \"how to pay\"", text), "")
		case urlLike.MatchString(text):
			d.report("plain.link-text", b, 0, 1, "a web address as link text is hard to read aloud: use words that name the page", "")
		}
	})
}

// altText and headingOrder report what content.Trips finds, which the
// build warns about too: one check serves both.
func altText(d *doc)      { d.trips(content.TripAltText, "plain.alt-text") }
func headingOrder(d *doc) { d.trips(content.TripHeading, "plain.heading-order") }

func (d *doc) trips(kind content.TripKind, id string) {
	for _, t := range content.Trips(d.page) {
		if t.Kind == kind {
			b := nodeBlock(t.Node, d.page.Body)
			d.report(id, b, 0, 1, t.Msg, "")
		}
	}
}
