package signup

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plainpress/plainpress/internal/smtptest"
	"github.com/plainpress/plainpress/newsletter"
)

type fixture struct {
	srv    *Server
	http   *httptest.Server
	smtp   *smtptest.Server
	store  *newsletter.SQLite
	tokens *newsletter.Tokens
	now    time.Time
}

func setup(t testing.TB) *fixture {
	t.Helper()
	store, err := newsletter.OpenSQLite(filepath.Join(t.TempDir(), "subscribers.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	mailbox := smtptest.Start(t, smtptest.Options{})
	relay, _ := newsletter.ParseSMTP(mailbox.URL())
	tokens, _ := newsletter.NewTokens(bytes.Repeat([]byte{9}, 32))
	f := &fixture{smtp: mailbox, store: store, tokens: tokens, now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	f.srv = &Server{
		Store: store, Tokens: tokens, Mail: relay.SendOne,
		Envelope: newsletter.Envelope{From: "The Child Support Report <report@childsupport.example.gov>"},
		Names:    map[string]string{"en": "The Child Support Report", "es": "El Informe de Manutención"},
		Agency:   "Riverland Child Support Services", Site: "https://childsupport.example.gov/",
		Now: func() time.Time { return f.now },
		Log: log.New(io.Discard, "", 0),
	}
	f.http = httptest.NewServer(f.srv)
	t.Cleanup(f.http.Close)
	f.srv.Base, _ = url.Parse(f.http.URL + "/")
	return f
}

func (f *fixture) do(t *testing.T, method, path, ctype, body string) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, f.http.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (f *fixture) post(t *testing.T, path string, form url.Values) (int, string) {
	code, body, _ := f.do(t, "POST", path, "application/x-www-form-urlencoded", form.Encode())
	return code, body
}

// mailBody is the text of the n-th e-mail the server took.
func (f *fixture) mailBody(t *testing.T, n int) (string, *mail.Message) {
	t.Helper()
	msgs := f.smtp.Messages()
	if len(msgs) <= n {
		t.Fatalf("%d e-mails, want more than %d", len(msgs), n)
	}
	m, err := mail.ReadMessage(bytes.NewReader(msgs[n].Data))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(quotedprintable.NewReader(m.Body))
	return string(b), m
}

var linkRE = regexp.MustCompile(`http://127\.0\.0\.1:\d+/confirm\?\S+`)

func TestDoubleOptInAndOneClickUnsubscribe(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	code, body, _ := f.do(t, "GET", "/subscribe", "", "")
	if code != 200 || !strings.Contains(body, `<label for="email">Your e-mail address</label>`) || !strings.Contains(body, `<html lang="en">`) {
		t.Fatalf("form: %d\n%s", code, body)
	}
	code, body = f.post(t, "/subscribe", url.Values{"email": {"Ana@Example.org"}, "name": {"Ana Pérez"}})
	if code != 200 || !strings.Contains(body, "We sent a message to <strong>ana@example.org</strong>") {
		t.Fatalf("sign-up: %d\n%s", code, body)
	}
	if sub, err := f.store.Get(ctx, "ana@example.org"); err != nil || sub.Status != newsletter.Pending || sub.Name != "Ana Pérez" {
		t.Fatalf("after sign-up: %+v %v", sub, err)
	}
	text, m := f.mailBody(t, 0)
	if m.Header.Get("To") == "" || !strings.Contains(m.Header.Get("Subject"), "Confirm that you want The Child Support Report") {
		t.Fatalf("confirmation headers: %v", m.Header)
	}
	link := linkRE.FindString(text)
	if link == "" || !strings.Contains(text, "Hello Ana Pérez,") {
		t.Fatalf("no link in:\n%s", text)
	}
	u, _ := url.Parse(link)

	// The link confirms; it works for 3 days, not 4.
	code, body, _ = f.do(t, "GET", u.RequestURI(), "", "")
	if code != 200 || !strings.Contains(body, "You are signed up") {
		t.Fatalf("confirm: %d\n%s", code, body)
	}
	if sub, _ := f.store.Get(ctx, "ana@example.org"); sub.Status != newsletter.Confirmed {
		t.Fatalf("after confirm: %+v", sub)
	}
	f.now = f.now.Add(4 * 24 * time.Hour)
	if code, body, _ = f.do(t, "GET", u.RequestURI(), "", ""); code != http.StatusGone || !strings.Contains(body, "This link has expired") {
		t.Fatalf("expired link: %d\n%s", code, body)
	}

	// The unsubscribe link: a GET (a mail scanner) shows a button and
	// changes nothing; the POST of RFC 8058 unsubscribes, 200, no cookie,
	// no redirect.
	unsub, _ := url.Parse(f.tokens.UnsubscribeURL(f.http.URL, "ana@example.org"))
	code, body, _ = f.do(t, "GET", unsub.RequestURI(), "", "")
	if code != 200 || !strings.Contains(body, `<button type="submit">Unsubscribe</button>`) {
		t.Fatalf("unsubscribe page: %d\n%s", code, body)
	}
	if sub, _ := f.store.Get(ctx, "ana@example.org"); sub.Status != newsletter.Confirmed {
		t.Fatalf("a GET unsubscribed: %+v", sub)
	}
	code, body, h := f.do(t, "POST", unsub.RequestURI(), "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
	if code != 200 || h.Get("Set-Cookie") != "" || h.Get("Location") != "" || !strings.Contains(body, "You are unsubscribed") {
		t.Fatalf("one-click: %d %v\n%s", code, h, body)
	}
	if sub, _ := f.store.Get(ctx, "ana@example.org"); sub.Status != newsletter.Unsubscribed {
		t.Fatalf("after one-click: %+v", sub)
	}
	// Again, and by the page's button (multipart, as some mail programs
	// send it): still 200.
	var mp bytes.Buffer
	mp.WriteString("--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n")
	if code, _, _ := f.do(t, "POST", unsub.RequestURI(), "multipart/form-data; boundary=x", mp.String()); code != 200 {
		t.Fatalf("second one-click: %d", code)
	}
}

// The answer to a sign-up does not tell whether the address is known.
func TestSignUpDoesNotTellWhoSubscribes(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.store.Add(ctx, newsletter.Subscriber{Email: "known@example.org", Status: newsletter.Confirmed}, false)
	c1, known := f.post(t, "/subscribe", url.Values{"email": {"known@example.org"}})
	c2, unknown := f.post(t, "/subscribe", url.Values{"email": {"newer@example.org"}})
	if c1 != c2 || strings.ReplaceAll(known, "known@", "newer@") != unknown {
		t.Fatalf("the answers differ:\n%d %s\n%d %s", c1, known, c2, unknown)
	}
	// Each address got an e-mail: the known one a note, not a link.
	text, _ := f.mailBody(t, 0)
	if !strings.Contains(text, "You already get it") || linkRE.MatchString(text) {
		t.Fatalf("note to a subscriber:\n%s", text)
	}
	if sub, _ := f.store.Get(ctx, "known@example.org"); sub.Status != newsletter.Confirmed {
		t.Fatalf("known address changed: %+v", sub)
	}
}

func TestSpanish(t *testing.T) {
	f := setup(t)
	req, _ := http.NewRequest("GET", f.http.URL+"/subscribe", nil)
	req.Header.Set("Accept-Language", "es-US,es;q=0.9,en;q=0.8")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `<html lang="es">`) || !strings.Contains(string(b), "Reciba El Informe de Manutención por correo electrónico") {
		t.Fatalf("Spanish form:\n%s", b)
	}
	code, body := f.post(t, "/subscribe", url.Values{"email": {"luz@example.org"}, "lang": {"es"}})
	if code != 200 || !strings.Contains(body, "Revise su correo") {
		t.Fatalf("%d %s", code, body)
	}
	text, m := f.mailBody(t, 0)
	if !strings.Contains(text, "Para empezar a recibirlo") || m.Header.Get("Content-Language") != "es" || !strings.Contains(text, "lang=es") {
		t.Fatalf("Spanish e-mail: %v\n%s", m.Header, text)
	}
}

// Bad requests get a 4xx and a page, never a 5xx, and store nothing
// and mail nobody.
func TestBadRequests(t *testing.T) {
	f := setup(t)
	f.srv.PerClient = 1000 // this test is about bad input, not the rate
	forged := f.tokens.Make(newsletter.Unsubscribe, "ana@example.org", time.Time{})
	forged = forged[:len(forged)-2] + "xx"
	confirmAsUnsub := f.tokens.Make(newsletter.Confirm, "ana@example.org", f.now.Add(time.Hour))
	other, _ := newsletter.NewTokens(bytes.Repeat([]byte{1}, 32))
	type req struct{ method, path, ctype, body string }
	var reqs []req
	form := func(v url.Values) req {
		return req{"POST", "/subscribe", "application/x-www-form-urlencoded", v.Encode()}
	}
	for _, e := range []string{"", " ", "ana", "ana@", "@example.org", "ana@example", "ana@@example.org", "ana example@x.org",
		"ana@example.org\r\nBcc: all@example.org", "ana@example.org\nBcc: x@y.org", "ana@example.org%0d%0aBcc:x@y.org",
		"Ana <ana@example.org>", "ana@example.org, ben@example.org", strings.Repeat("a", 250) + "@example.org",
		"ana@exa mple.org", "\x00@example.org", "ana@example.org\x7f", "<script>@example.org", "ana@[bad", "\"\"@example.org"} {
		reqs = append(reqs, form(url.Values{"email": {e}}))
	}
	reqs = append(reqs,
		form(url.Values{"email": {"ok@example.org"}, "name": {strings.Repeat("n", 101)}}),
		form(url.Values{"email": {"ok@example.org"}, "name": {"Ana\r\nBcc: x@y.org"}}),
		req{"POST", "/subscribe", "application/x-www-form-urlencoded", "email=%zz"},
		req{"POST", "/subscribe", "application/x-www-form-urlencoded", "email=%ff%fe@example.org"},
		req{"POST", "/subscribe", "application/x-www-form-urlencoded", "email=" + strings.Repeat("a", 20000)},
		req{"POST", "/subscribe", "text/plain", "email=ok@example.org"},
		req{"POST", "/subscribe", "application/json", `{"email":"ok@example.org"}`},
		req{"POST", "/subscribe", "multipart/form-data; boundary=x", "--x\r\nbroken"},
		req{"POST", "/subscribe", "multipart/form-data", "no boundary"},
		req{"PUT", "/subscribe", "", ""},
		req{"DELETE", "/unsubscribe", "", ""},
		req{"PATCH", "/confirm", "", ""},
		req{"POST", "/", "", ""},
	)
	for _, tok := range []string{"", "x", forged, confirmAsUnsub, other.Make(newsletter.Unsubscribe, "ana@example.org", time.Time{}),
		strings.Repeat("A", 5000), "bad.token.here", "%zz", "dW5zdWJzY3JpYmV8YW5hQGV4YW1wbGUub3JnfDA"} {
		q := "?token=" + url.QueryEscape(tok)
		if tok == "%zz" {
			q = "?token=%zz"
		}
		reqs = append(reqs,
			req{"GET", "/unsubscribe" + q, "", ""},
			req{"POST", "/unsubscribe" + q, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"})
		if tok != confirmAsUnsub { // which is good for confirming
			reqs = append(reqs, req{"GET", "/confirm" + q, "", ""}, req{"POST", "/confirm" + q, "", ""})
		}
	}
	unsubAsConfirm := f.tokens.Make(newsletter.Unsubscribe, "ana@example.org", time.Time{})
	reqs = append(reqs, req{"GET", "/confirm?token=" + unsubAsConfirm, "", ""},
		req{"POST", "/unsubscribe?token=" + url.QueryEscape(f.tokens.Make(newsletter.Unsubscribe, "ana@example.org", time.Time{})), "application/x-www-form-urlencoded", strings.Repeat("x", maxBody+1)})
	for _, p := range []string{"/admin", "/subscribe/", "/../etc/passwd", "/subscribe.php", "/.env", "/confirm/extra", "//subscribe", "/%2e%2e/x", "/unsubscribe/x"} {
		reqs = append(reqs, req{"GET", p, "", ""}, req{"POST", p, "application/x-www-form-urlencoded", "email=ok@example.org"})
	}
	// Fill to 200 with generated junk: random paths and garbled forms.
	for i := 0; len(reqs) < 200; i++ {
		reqs = append(reqs,
			req{"POST", "/subscribe", "application/x-www-form-urlencoded", fmt.Sprintf("email=user%d%%40example&name=%d", i, i)},
			req{"GET", fmt.Sprintf("/confirm?token=%d.%d", i, i*7), "", ""})
	}
	for i, r := range reqs[:200] {
		code, body, _ := f.do(t, r.method, r.path, r.ctype, r.body)
		if code < 400 || code >= 500 {
			t.Errorf("%d: %s %s %q: %d, want a 4xx\n%.300s", i, r.method, r.path, r.body, code, body)
		}
	}
	n := 0
	f.store.Each(context.Background(), "", func(newsletter.Subscriber) error { n++; return nil })
	if n != 0 || f.smtp.Count() != 0 {
		t.Fatalf("bad requests stored %d rows and sent %d e-mails", n, f.smtp.Count())
	}
}

func TestRateLimitPerClient(t *testing.T) {
	f := setup(t)
	f.srv.PerClient = 3
	for i := range 3 {
		if code, _ := f.post(t, "/subscribe", url.Values{"email": {fmt.Sprintf("p%d@example.org", i)}}); code != 200 {
			t.Fatalf("sign-up %d: %d", i, code)
		}
	}
	code, body, h := f.do(t, "POST", "/subscribe", "application/x-www-form-urlencoded", "email=p9%40example.org")
	if code != http.StatusTooManyRequests || h.Get("Retry-After") == "" || !strings.Contains(body, "Please wait a minute") {
		t.Fatalf("fourth sign-up: %d %v", code, h)
	}
	if _, err := f.store.Get(context.Background(), "p9@example.org"); err == nil {
		t.Fatal("a refused sign-up was stored")
	}
	// A minute on, one more is let through.
	f.now = f.now.Add(time.Minute)
	if code, _ := f.post(t, "/subscribe", url.Values{"email": {"p9@example.org"}}); code != 200 {
		t.Fatalf("after a minute: %d", code)
	}
}

// When the mail server is down, a sign-up gets a 503 that says so, the
// same for every address.
func TestMailServerDown(t *testing.T) {
	f := setup(t)
	down, _ := newsletter.ParseSMTP("smtp://127.0.0.1:1")
	f.srv.Mail = down.SendOne
	code, body := f.post(t, "/subscribe", url.Values{"email": {"ana@example.org"}})
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "Nothing was changed") {
		t.Fatalf("%d %s", code, body)
	}
}
