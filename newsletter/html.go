package newsletter

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/plainpress/plainpress/content"
)

// bodyHTML renders a page's Markdown for e-mail from the shared parse:
// every link and image is a full address (a mail reader has no site to
// be relative to), and raw HTML is left out.
func bodyHTML(pg *content.Page, link func(string) string) (string, error) {
	r := content.NewRenderer(&absolute{link: link})
	var buf bytes.Buffer
	if err := r.Render(&buf, pg.Body, pg.Doc); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// absolute renders links and images with full addresses.
type absolute struct{ link func(string) string }

func (a *absolute) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, a.renderLink)
	reg.Register(ast.KindImage, a.renderImage)
}

func (a *absolute) renderLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	l := n.(*ast.Link)
	_, _ = w.WriteString(`<a href="` + html.EscapeString(a.link(string(l.Destination))) + `">`)
	return ast.WalkContinue, nil
}

func (a *absolute) renderImage(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	img := n.(*ast.Image)
	alt := content.PlainText(img, src)
	_, _ = w.WriteString(`<img src="` + html.EscapeString(a.link(string(img.Destination))) + `" alt="` + html.EscapeString(alt) +
		`" style="max-width:100%;height:auto">`)
	return ast.WalkSkipChildren, nil
}
