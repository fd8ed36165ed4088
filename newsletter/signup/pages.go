package signup

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/plainpress/plainpress/newsletter"
)

//go:embed pages.html
var pagesHTML string

var pages = template.Must(template.New("pages").Funcs(template.FuncMap{
	// say fills a sentence's %s with escaped, bold values.
	"say": func(format string, args ...any) template.HTML {
		esc := make([]any, len(args))
		for i, a := range args {
			esc[i] = template.HTML("<strong>" + template.HTMLEscapeString(fmt.Sprint(a)) + "</strong>")
		}
		return template.HTML(fmt.Sprintf(template.HTMLEscapeString(format), esc...))
	},
}).Parse(pagesHTML))

// view is what every page shows.
type view struct {
	Lang, Name, Title, Site, Agency, Action string
	T                                       map[string]string
	Form                                    form
	Data                                    any
}

type form struct{ Email, Name, Error string }

// page writes one of the pages in pages.html with its status.
func (s *Server) page(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	v := s.view(r, name)
	v.Data = data
	if data == nil {
		v.Data = name // a message page: its text has the page's name
	}
	s.render(w, status, name, v)
}

// days is how long a confirmation link works, in whole days.
func (s *Server) days() string { return fmt.Sprint(int(s.ConfirmFor.Hours()/24 + 0.5)) }

func (s *Server) checkEmail(w http.ResponseWriter, r *http.Request, email string) {
	s.page(w, r, http.StatusOK, "checkEmail", map[string]string{"Email": email, "Days": s.days()})
}

func (s *Server) form(w http.ResponseWriter, r *http.Request, status int, email, name, problem string) {
	v := s.view(r, "form")
	v.Form = form{Email: email, Name: name, Error: problem}
	if problem != "" {
		v.Title = v.T["errorTitle"] + ": " + v.Title
	}
	s.render(w, status, "form", v)
}

func (s *Server) view(r *http.Request, name string) view {
	l := lang(r)
	t := texts[l]
	title := t[name+"Title"]
	if strings.Contains(title, "%s") {
		title = fmt.Sprintf(title, s.name(l))
	}
	return view{Lang: l, T: t, Name: s.name(l), Title: title, Site: s.Site, Agency: s.Agency,
		Action: s.link("subscribe", nil)}
}

func (s *Server) render(w http.ResponseWriter, status int, name string, v view) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, v); err != nil {
		panic(err) // a bug in pages.html; ServeHTTP answers 500
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) name(lang string) string {
	if n := s.Names[lang]; n != "" {
		return n
	}
	return s.Names["en"]
}

// lang is "es" when the request asks for Spanish (lang=es, or Spanish
// first in Accept-Language), otherwise "en".
func lang(r *http.Request) string {
	if l := r.FormValue("lang"); l == "es" || l == "en" {
		return l
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "es"):
			return "es"
		case strings.HasPrefix(tag, "en"):
			return "en"
		}
	}
	return "en"
}

func parseFrom(from string) (string, error) {
	a, err := mail.ParseAddress(from)
	if err != nil {
		return "", err
	}
	return a.Address, nil
}

// confirmMail is the e-mail with the link that confirms a sign-up.
func (s *Server) confirmMail(lang string, sub newsletter.Subscriber, now time.Time) ([]byte, error) {
	t := texts[lang]
	link := s.link("confirm", url.Values{"token": {s.Tokens.Make(newsletter.Confirm, sub.Email, now.Add(s.ConfirmFor))}, "lang": {lang}})
	body := fmt.Sprintf(t["confirmMail"], s.name(lang), link, s.days(), s.Agency)
	return s.Envelope.Notice(sub.Email, lang, fmt.Sprintf(t["confirmSubject"], s.name(lang)), greeting(t, sub.Name)+body, now)
}

// alreadyMail tells a subscriber who signs up again that they already
// get the newsletter.
func (s *Server) alreadyMail(lang string, sub newsletter.Subscriber) ([]byte, error) {
	t := texts[lang]
	body := fmt.Sprintf(t["alreadyMail"], sub.Email, s.name(lang), s.Tokens.UnsubscribeURL(s.Base.String(), sub.Email), s.Agency)
	return s.Envelope.Notice(sub.Email, lang, fmt.Sprintf(t["alreadySubject"], s.name(lang)), greeting(t, sub.Name)+body, s.Now())
}

func greeting(t map[string]string, name string) string {
	if name == "" {
		return t["hello"] + ",\n\n"
	}
	return t["hello"] + " " + name + ",\n\n"
}
