package newsletter

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/vanng822/go-premailer/premailer"

	"github.com/plainpress/plainpress/content"
)

// maxHTML is the size Gmail clips a message's HTML at (102 KB), less room
// for each subscriber's own links.
const maxHTML = 100 << 10

//go:embed email.html
var emailPage string

var emailTmpl = template.Must(template.New("email").Parse(emailPage))

// words are the e-mail's own words, by language.
var words = map[string]map[string]string{
	"en": {"web": "Read this issue on the web", "issue": "Issue", "inside": "In this issue:",
		"why": "You get this e-mail because you signed up for it.", "unsubscribe": "Unsubscribe",
		"archive": "All issues", "webText": "Read it on the web", "unsubscribeText": "To stop getting these e-mails, unsubscribe"},
	"es": {"web": "Lea este número en la web", "issue": "Número", "inside": "En este número:",
		"why": "Recibe este correo porque se suscribió.", "unsubscribe": "Cancelar la suscripción",
		"archive": "Todos los números", "webText": "Léalo en la web", "unsubscribeText": "Para dejar de recibir estos correos, cancele la suscripción"},
}

type emailView struct {
	Lang, Subject, Preheader, Title, ListName, Date string
	Number                                          int
	WebURL, Archive, Unsubscribe                    string
	Intro                                           template.HTML
	Articles                                        []articleView
	Agency                                          *content.Agency
	T                                               map[string]string
}

type articleView struct {
	Title string
	Body  template.HTML
	Text  string
}

// Compose renders an issue for e-mail, once for all subscribers.
func Compose(proj *content.Project, issue *content.Page) (*Edition, error) {
	if issue.Kind != content.KindIssue {
		return nil, fmt.Errorf("%s is not a newsletter issue", issue.File)
	}
	lang := proj.Config.Language(issue.Lang)
	t := words[issue.Lang]
	if t == nil {
		t = words["en"]
	}
	ed := &Edition{Issue: issue, Lang: issue.Lang, Subject: firstOf(issue.Meta.Subject, issue.Meta.Title),
		Preheader: firstOf(issue.Meta.Preheader, issue.Meta.Description), WebURL: permalink(proj, issue.URL)}
	v := emailView{Lang: issue.Lang, Subject: ed.Subject, Preheader: ed.Preheader, Title: issue.Meta.Title,
		Number: issue.Meta.Number, Date: longDate(issue), WebURL: ed.WebURL, Unsubscribe: UnsubscribeMark, T: t,
		ListName: lang.Title, Agency: agency(proj, lang)}
	if issue.Parent != nil {
		ed.Archive = permalink(proj, issue.Parent.URL)
		v.ListName = issue.Parent.Meta.Title
	}
	ed.ListName = v.ListName
	v.Archive = firstOf(ed.Archive, permalink(proj, proj.Config.Prefix(issue.Lang)+"/"))
	intro, err := bodyHTML(issue, linker(proj, issue))
	if err != nil {
		return nil, err
	}
	v.Intro = template.HTML(intro)
	for _, a := range issue.Children {
		body, err := bodyHTML(a, linker(proj, a))
		if err != nil {
			return nil, err
		}
		v.Articles = append(v.Articles, articleView{Title: a.Meta.Title, Body: template.HTML(body), Text: plainText(a, linker(proj, a))})
	}
	if ed.HTML, err = inline(v); err != nil {
		return nil, err
	}
	if len(ed.HTML) > maxHTML {
		return nil, fmt.Errorf("%s: the e-mail's HTML is %d KB, and Gmail cuts off messages over 102 KB: make the issue shorter, or move an article to the web", issue.File, len(ed.HTML)>>10)
	}
	ed.Text = textPart(v, plainText(issue, linker(proj, issue)))
	return ed, nil
}

// inline renders the e-mail and moves its CSS into style attributes, as
// mail readers that drop <style> need; the dark-mode rules stay in <style>.
func inline(v emailView) (string, error) {
	var buf bytes.Buffer
	if err := emailTmpl.Execute(&buf, v); err != nil {
		return "", err
	}
	opts := premailer.NewOptions()
	opts.KeepBangImportant = true
	pm, err := premailer.NewPremailerFromBytes(buf.Bytes(), opts)
	if err != nil {
		return "", fmt.Errorf("inline the e-mail's CSS: %w", err)
	}
	out, err := pm.Transform()
	if err != nil {
		return "", fmt.Errorf("inline the e-mail's CSS: %w", err)
	}
	return out, nil
}

// textPart is the plain-text twin: the same issue, from the Markdown.
func textPart(v emailView, intro string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s %d · %s\n\n%s: %s\n\n", strings.ToUpper(v.ListName), v.T["issue"], v.Number, v.Date, v.T["webText"], v.WebURL)
	fmt.Fprintf(&b, "%s\n%s\n\n%s\n", v.Title, strings.Repeat("=", min(len([]rune(v.Title)), textWidth)), intro)
	for _, a := range v.Articles {
		fmt.Fprintf(&b, "\n%s\n%s\n\n%s", a.Title, strings.Repeat("-", min(len([]rune(a.Title)), textWidth)), a.Text)
	}
	fmt.Fprintf(&b, "\n-- \n%s\n%s: %s\n%s: %s\n", v.T["why"], v.T["unsubscribeText"], v.Unsubscribe, v.T["archive"], v.Archive)
	if v.Agency != nil {
		fmt.Fprintf(&b, "%s\n", v.Agency.Name)
		if v.Agency.Address != "" {
			fmt.Fprintf(&b, "%s\n", v.Agency.Address)
		}
	}
	return b.String()
}

// linker turns a link written in a page into a full address.
func linker(proj *content.Project, from *content.Page) func(string) string {
	return func(dest string) string {
		t, _ := proj.Resolve(from, dest)
		if t.External {
			return t.URL
		}
		return permalink(proj, t.URL)
	}
}

func agency(proj *content.Project, lang *content.Language) *content.Agency {
	if lang.Agency != nil && lang.Agency.Name != "" {
		return lang.Agency
	}
	if proj.Config.Agency.Name != "" {
		return &proj.Config.Agency
	}
	return nil
}

func longDate(pg *content.Page) string {
	d := pg.Meta.Date
	if d.IsZero() {
		return ""
	}
	if pg.Lang == "es" {
		return fmt.Sprintf("%d de %s de %d", d.Day(), spanishMonths[d.Month()-1], d.Year())
	}
	return d.Format("January 2, 2006")
}

var spanishMonths = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
