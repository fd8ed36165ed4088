package site

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/plainpress/plainpress/content"
)

// markdownRenderer turns a page's parsed document into HTML. Links are
// written as the site paths they resolve to. One renderer serves one
// goroutine: it holds the page being rendered.
type markdownRenderer struct {
	md     renderer.Renderer
	s      *state
	page   *content.Page
	shift  int // added to heading levels (articles inside an issue)
	unsafe bool
}

func newMarkdownRenderer(s *state) *markdownRenderer {
	r := &markdownRenderer{s: s, unsafe: s.proj.Config.Markup.UnsafeHTML}
	var opts []renderer.Option
	if r.unsafe {
		opts = append(opts, ghtml.WithUnsafe())
	}
	r.md = content.NewRenderer(r, opts...)
	return r
}

// render returns the HTML of a page's body.
func (r *markdownRenderer) render(pg *content.Page, shift int) ([]byte, error) {
	r.page, r.shift = pg, shift
	var buf bytes.Buffer
	buf.Grow(len(pg.Body) * 3 / 2)
	err := r.md.Render(&buf, pg.Body, pg.Doc)
	return buf.Bytes(), err
}

// RegisterFuncs replaces goldmark's renderers for the nodes whose output
// depends on the site: links, images, headings, raw HTML.
func (r *markdownRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	reg.Register(ast.KindHeading, r.heading)
	if r.s.opts.Marks != nil { // the preview: findings marked in the text
		reg.Register(ast.KindText, r.text)
	}
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.rawHTML)
		reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	}
}

func (r *markdownRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	url, _ := r.s.resolve(r.page, string(n.Destination))
	_, _ = w.WriteString(`<a href="`)
	writeURL(w, url)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.WriteString(html.EscapeString(string(n.Title)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *markdownRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	url, _ := r.s.resolve(r.page, string(n.Destination))
	_, _ = w.WriteString(`<img src="`)
	writeURL(w, url)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.WriteString(html.EscapeString(content.PlainText(n, src)))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.WriteString(html.EscapeString(string(n.Title)))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// writeURL writes a URL into an attribute; javascript: and other
// dangerous schemes become "#" so a page cannot run script through a link.
func writeURL(w util.BufWriter, url string) {
	if ghtml.IsDangerousURL([]byte(url)) {
		url = "#"
	}
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(url), false)))
}

func (r *markdownRenderer) heading(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := min(n.Level+r.shift, 6)
	tag := "h" + string(rune('0'+level))
	if entering {
		_, _ = w.WriteString("<" + tag)
		if n.Attributes() != nil {
			ghtml.RenderAttributes(w, node, ghtml.HeadingAttributeFilter)
		}
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</" + tag + ">\n")
	}
	return ast.WalkContinue, nil
}

// rawHTML shows inline HTML as text, so a writer sees it was not used;
// comments (lint directives, notes to reviewers) are left out.
func (r *markdownRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := node.(*ast.RawHTML).Segments
	var raw strings.Builder
	for i := range segs.Len() {
		seg := segs.At(i)
		raw.Write(seg.Value(src))
	}
	if !strings.HasPrefix(raw.String(), "<!--") {
		_, _ = w.WriteString(html.EscapeString(raw.String()))
	}
	return ast.WalkSkipChildren, nil
}

func (r *markdownRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	var raw strings.Builder
	for i := range n.Lines().Len() {
		line := n.Lines().At(i)
		raw.Write(line.Value(src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(src))
	}
	if n.HTMLBlockType != ast.HTMLBlockType2 { // type 2 is a comment
		_, _ = w.WriteString("<pre class=\"raw-html\">" + html.EscapeString(raw.String()) + "</pre>\n")
	}
	return ast.WalkSkipChildren, nil
}

// text writes a text node, with the page's marks (the preview's
// findings) wrapped around the bytes they cover.
func (r *markdownRenderer) text(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	seg := n.Segment
	pos := seg.Start
	write := ghtml.DefaultWriter.Write // resolves escapes and entities, as goldmark does
	if n.IsRaw() {
		write = ghtml.DefaultWriter.RawWrite
	}
	for _, m := range r.s.opts.Marks[r.page.File] {
		start, end := max(m.Start, seg.Start), min(m.End, seg.Stop)
		if start >= end || start < pos {
			continue
		}
		write(w, src[pos:start])
		fmt.Fprintf(w, `<mark class="pp-finding pp-%s" title="%s">`, m.Severity, html.EscapeString(m.Message))
		write(w, src[start:end])
		_, _ = w.WriteString("</mark>")
		pos = end
	}
	write(w, src[pos:seg.Stop])
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak():
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}
