package lint

import (
	"fmt"
	"path"
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

// uselessAlt is alt text that tells a reader nothing.
var uselessAlt = map[string]bool{"image": true, "picture": true, "photo": true, "graphic": true, "icon": true, "logo": true, "img": true, "imagen": true, "foto": true}

func altText(d *doc) {
	d.walk(func(n ast.Node) {
		img, ok := n.(*ast.Image)
		if !ok {
			return
		}
		alt := strings.TrimSpace(content.PlainText(img, d.page.Body))
		b := nodeBlock(img, d.page.Body)
		switch {
		case alt == "":
			d.report("plain.alt-text", b, 0, 1, "the image has no alt text: say what it shows in the brackets, for readers who cannot see it", "")
		case uselessAlt[strings.ToLower(alt)] || alt == path.Base(string(img.Destination)):
			d.report("plain.alt-text", b, 0, 1, fmt.Sprintf("alt text %q does not say what the image shows", alt), "")
		}
	})
}

func headingOrder(d *doc) {
	level := 1 // the page title is the h1
	for _, b := range d.blocks {
		if b.Kind != Heading {
			continue
		}
		if b.Level > level+1 {
			d.report("plain.heading-order", b, 0, len(b.Text),
				fmt.Sprintf("this heading skips from level %d to %d: use level %d", level, b.Level, level+1), strings.Repeat("#", level+1))
		}
		level = b.Level
	}
}
