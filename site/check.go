package site

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"

	"github.com/plainpress/plainpress/content"
)

// check reports what in a page would reach readers broken: links to
// nowhere, images without alt text, headings that skip a level.
func (s *state) check(pg *content.Page) content.Faults {
	var out content.Faults
	add := func(n ast.Node, sev content.Severity, format string, args ...any) {
		line, col := pg.NodePosition(n)
		out = append(out, content.Fault{File: pg.File, Line: line, Col: col, Severity: sev, Msg: fmt.Sprintf(format, args...)})
	}
	level := 1 // the page title is the h1
	if pg.Kind == content.KindArticle {
		level = 2 // an article's title is an h2 in its issue
	}
	_ = ast.Walk(pg.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if _, problem := s.resolve(pg, string(n.Destination)); problem != "" {
				add(n, content.Error, "broken link: %s", problem)
			}
		case *ast.Image:
			if _, problem := s.resolve(pg, string(n.Destination)); problem != "" {
				add(n, content.Error, "missing image: %s", problem)
			}
			if content.PlainText(n, pg.Body) == "" {
				add(n, content.Warning, "image has no alt text: describe it in the brackets, such as ![Steps to get paid](%s)", n.Destination)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			if !s.proj.Config.Markup.UnsafeHTML && !isComment(n, pg.Body) {
				add(n, content.Warning, "raw HTML is shown as text on the page: write it in Markdown, or allow HTML with markup.unsafeHTML in plainpress.yaml")
			}
		case *ast.Heading:
			l := n.Level
			if pg.Kind == content.KindArticle {
				l++
			}
			switch {
			case l <= 1:
				add(n, content.Warning, "a level-1 heading in the text: the title is the page's only one, so start at ##")
			case l > level+1:
				add(n, content.Warning, "heading skips from level %d to %d: use %s", level, l, hashes(level+1))
			}
			level = l
		}
		return ast.WalkContinue, nil
	})
	return out
}

// isComment reports raw HTML that is only a comment, such as a lint
// directive: it is left out of the page, not shown.
func isComment(n ast.Node, src []byte) bool {
	var first []byte
	switch n := n.(type) {
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			seg := n.Segments.At(0)
			first = seg.Value(src)
		}
	case *ast.HTMLBlock:
		return n.HTMLBlockType == ast.HTMLBlockType2
	}
	return bytes.HasPrefix(first, []byte("<!--"))
}

func hashes(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '#'
	}
	return string(b)
}
