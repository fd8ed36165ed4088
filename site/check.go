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
		case *ast.RawHTML, *ast.HTMLBlock:
			if !s.proj.Config.Markup.UnsafeHTML && !isComment(n, pg.Body) {
				add(n, content.Warning, "raw HTML is shown as text on the page: write it in Markdown, or allow HTML with markup.unsafeHTML in plainpress.yaml")
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range content.Trips(pg) {
		add(t.Node, content.Warning, "%s", t.Msg)
	}
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
