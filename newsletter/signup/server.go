// Package signup is the newsletter's subscription service: a sign-up
// form with double opt-in, the confirmation link, and the one-click
// unsubscribe link that every issue carries (RFC 8058).
//
// Bad requests get a 4xx and a short page, never a 5xx, and change
// nothing. Nobody can learn from the answers who subscribes: a sign-up
// for a known address gets the same page as one for a new address.
package signup

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/plainpress/plainpress/newsletter"
)

// Store is what the service needs of the subscriber store.
type Store interface {
	Add(ctx context.Context, s newsletter.Subscriber, update bool) error
	Get(ctx context.Context, email string) (newsletter.Subscriber, error)
	SetStatus(ctx context.Context, email string, st newsletter.Status, at time.Time) error
}

// Server answers the sign-up, confirm and unsubscribe addresses under
// Base.
type Server struct {
	Store    Store
	Tokens   *newsletter.Tokens
	Envelope newsletter.Envelope // who the confirmation e-mails come from
	// Mail hands one message to the mail server.
	Mail func(ctx context.Context, from, to string, msg []byte) error
	// Base is the service's public address, such as
	// https://news.example.gov/; links in e-mails start with it.
	Base *url.URL
	// Names is the newsletter's name in each language ("en" at least).
	Names  map[string]string
	Agency string // who sends it, for the e-mails' sign-off
	Site   string // the agency's site, linked from every page

	ConfirmFor time.Duration // how long a confirmation link works (default 72 hours)
	// PerClient is how many sign-ups one client address may make in a
	// burst; after that, one each Every (defaults 5 and 1 minute).
	PerClient int
	Every     time.Duration
	// TrustProxy takes the client's address from X-Forwarded-For, for a
	// service behind a reverse proxy that sets it.
	TrustProxy bool
	Now        func() time.Time
	Log        *log.Logger // faults that are ours, not the client's

	once    sync.Once
	limits  *limiter
	recent  *limiter // confirmation e-mails per address
	pages   *template.Template
	handler http.Handler
}

// maxBody is the largest request body taken: a sign-up form is small.
const maxBody = 8 << 10

func (s *Server) init() {
	if s.ConfirmFor <= 0 {
		s.ConfirmFor = 72 * time.Hour
	}
	if s.PerClient <= 0 {
		s.PerClient = 5
	}
	if s.Every <= 0 {
		s.Every = time.Minute
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Log == nil {
		s.Log = log.Default()
	}
	s.limits = newLimiter(s.PerClient, s.Every)
	s.recent = newLimiter(2, 10*time.Minute) // at most 2 e-mails to one address in 10 minutes
	s.pages = pages
	mux := http.NewServeMux()
	p := s.Base.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	mux.HandleFunc(p+"{$}", s.subscribe) // the form at the service's own address, too
	mux.HandleFunc(p+"subscribe", s.subscribe)
	mux.HandleFunc(p+"confirm", s.confirm)
	mux.HandleFunc(p+"unsubscribe", s.unsubscribe)
	s.handler = mux
}

// ServeHTTP answers every request: unknown paths with 404, and a panic,
// which would be a bug of ours, with a plain 500 and a line in the log.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.once.Do(s.init)
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	defer func() {
		if v := recover(); v != nil {
			s.Log.Printf("signup: %s %s: %v", r.Method, r.URL.Path, v)
			http.Error(w, "Something went wrong on our side. Please try again later.", http.StatusInternalServerError)
		}
	}()
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	}
	if _, pattern := s.handler.(*http.ServeMux).Handler(r); pattern == "" || path.Clean(r.URL.Path) != strings.TrimSuffix(r.URL.Path, "/") && r.URL.Path != "/" {
		s.page(w, r, http.StatusNotFound, "notFound", nil)
		return
	}
	s.handler.ServeHTTP(w, r)
}

// subscribe shows the form (GET) or takes a sign-up (POST).
func (s *Server) subscribe(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead, http.MethodPost) {
		return
	}
	if r.Method != http.MethodPost {
		s.form(w, r, http.StatusOK, "", "", "")
		return
	}
	if !s.limits.allow(s.client(r), s.Now()) {
		w.Header().Set("Retry-After", fmt.Sprint(int(s.Every.Seconds())))
		s.page(w, r, http.StatusTooManyRequests, "tooMany", nil)
		return
	}
	if status, ok := readForm(r); !ok {
		s.page(w, r, status, "badRequest", nil)
		return
	}
	if r.PostForm.Get("website") != "" {
		// The field people do not see, filled in: a robot. It gets the
		// answer a person gets, and nothing happens.
		s.checkEmail(w, r, r.PostForm.Get("email"))
		return
	}
	email, err := newsletter.CleanAddress(r.PostForm.Get("email"))
	if err != nil {
		s.form(w, r, http.StatusBadRequest, r.PostForm.Get("email"), r.PostForm.Get("name"), "badEmail")
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	if utf8.RuneCountInString(name) > 100 || strings.ContainsFunc(name, func(c rune) bool { return c < 0x20 || c == 0x7f }) {
		s.form(w, r, http.StatusBadRequest, email, "", "badName")
		return
	}
	if err := s.signUp(r.Context(), lang(r), email, name); err != nil {
		s.Log.Printf("signup: %v", err)
		s.page(w, r, http.StatusServiceUnavailable, "unavailable", nil)
		return
	}
	s.checkEmail(w, r, email)
}

// signUp records a new address as pending and mails the link that
// confirms it. A known address gets an e-mail too (a link to confirm,
// or, if already subscribed, a note saying so), so the answer is the
// same either way.
func (s *Server) signUp(ctx context.Context, lang, email, name string) error {
	now := s.Now()
	sub, err := s.Store.Get(ctx, email)
	switch {
	case errors.Is(err, newsletter.ErrNotFound):
		sub = newsletter.Subscriber{Email: email, Name: name, Status: newsletter.Pending, Created: now, Updated: now}
		if err := s.Store.Add(ctx, sub, false); err != nil && !errors.Is(err, newsletter.ErrExists) {
			return err
		}
	case err != nil:
		return err
	}
	if !s.recent.allow(email, now) {
		return nil // mailed twice lately: a third e-mail would be a nuisance
	}
	var msg []byte
	if sub.Status == newsletter.Confirmed {
		msg, err = s.alreadyMail(lang, sub)
	} else {
		msg, err = s.confirmMail(lang, sub, now)
	}
	if err != nil {
		return err
	}
	from, _ := s.fromAddress()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return s.Mail(ctx, from, email, msg)
}

// confirm turns a pending address into a subscriber.
func (s *Server) confirm(w http.ResponseWriter, r *http.Request) {
	email, _, ok := s.token(w, r, newsletter.Confirm)
	if !ok {
		return
	}
	if r.Method == http.MethodHead {
		s.page(w, r, http.StatusOK, "confirmed", nil)
		return
	}
	now := s.Now()
	err := s.Store.SetStatus(r.Context(), email, newsletter.Confirmed, now)
	if errors.Is(err, newsletter.ErrNotFound) { // removed since: the link still shows they want it
		err = s.Store.Add(r.Context(), newsletter.Subscriber{Email: email, Status: newsletter.Confirmed, Created: now, Updated: now, Confirmed: now}, true)
	}
	if err != nil {
		s.Log.Printf("signup: confirm: %v", err)
		s.page(w, r, http.StatusServiceUnavailable, "unavailable", nil)
		return
	}
	s.page(w, r, http.StatusOK, "confirmed", nil)
}

// unsubscribe shows a button (GET: mail scanners open links, so a GET
// changes nothing) or unsubscribes at once (POST: the button, or a mail
// program's one-click List-Unsubscribe=One-Click).
func (s *Server) unsubscribe(w http.ResponseWriter, r *http.Request) {
	email, token, ok := s.token(w, r, newsletter.Unsubscribe)
	if !ok {
		return
	}
	if r.Method != http.MethodPost {
		s.page(w, r, http.StatusOK, "unsubscribeAsk", map[string]string{"Email": email, "Token": token})
		return
	}
	err := s.Store.SetStatus(r.Context(), email, newsletter.Unsubscribed, s.Now())
	if err != nil && !errors.Is(err, newsletter.ErrNotFound) {
		s.Log.Printf("signup: unsubscribe: %v", err)
		s.page(w, r, http.StatusServiceUnavailable, "unavailable", nil)
		return
	}
	s.page(w, r, http.StatusOK, "unsubscribed", email)
}

// token reads a link's token and checks it is genuine, for this
// purpose and not expired; if not, it answers the request and says so.
func (s *Server) token(w http.ResponseWriter, r *http.Request, p newsletter.Purpose) (email, token string, ok bool) {
	if !allow(w, r, http.MethodGet, http.MethodHead, http.MethodPost) {
		return "", "", false
	}
	if status, ok := readForm(r); !ok {
		s.page(w, r, status, "badRequest", nil)
		return "", "", false
	}
	token = r.Form.Get("token")
	email, err := s.Tokens.Check(p, token, s.Now())
	switch {
	case errors.Is(err, newsletter.ErrExpired):
		s.page(w, r, http.StatusGone, "expired", s.days())
	case err != nil:
		s.page(w, r, http.StatusBadRequest, "badLink", nil)
	}
	return email, token, err == nil
}

// allow answers 405 to any other method.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	http.Error(w, "This address does not take "+r.Method+" requests.", http.StatusMethodNotAllowed)
	return false
}

// readForm parses the query and a form body, and says which 4xx a
// request gets that cannot be read: too large, not a form, or garbled.
func readForm(r *http.Request) (int, bool) {
	if r.Method == http.MethodPost && r.ContentLength != 0 {
		ct := r.Header.Get("Content-Type")
		if !strings.HasPrefix(ct, "application/x-www-form-urlencoded") && !strings.HasPrefix(ct, "multipart/form-data") {
			return http.StatusUnsupportedMediaType, false
		}
	}
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(maxBody)
	} else {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, false
	case err != nil:
		return http.StatusBadRequest, false
	}
	for _, vs := range r.Form {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return http.StatusBadRequest, false
			}
		}
	}
	return 0, true
}

// client is the address sign-ups are counted by.
func (s *Server) client(r *http.Request) string {
	if s.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			parts := strings.Split(f, ",")
			return strings.TrimSpace(parts[len(parts)-1])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

func (s *Server) fromAddress() (string, error) { return parseFrom(s.Envelope.From) }

// link is an address under Base with a query.
func (s *Server) link(path string, q url.Values) string {
	u := *s.Base
	u.Path = strings.TrimSuffix(u.Path, "/") + "/" + path
	u.RawQuery = q.Encode()
	return u.String()
}
