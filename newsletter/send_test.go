package newsletter

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"
	gosmtp "github.com/emersion/go-smtp"

	"github.com/plainpress/plainpress/internal/smtptest"
)

const starterFrom = "The Child Support Report <report@childsupport.example.gov>"

// testStore is a real SQLite file with confirmed subscribers.
func testStore(t testing.TB, emails ...string) *SQLite {
	t.Helper()
	s, err := OpenSQLite(filepath.Join(t.TempDir(), "subscribers.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, e := range emails {
		name := strings.ToUpper(e[:1]) + e[1:strings.Index(e, "@")]
		if err := s.Add(context.Background(), Subscriber{Email: e, Name: name, Status: Confirmed}, false); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// newSend sends the starter's November issue through srv, fast.
func newSend(t testing.TB, ed *Edition, store *SQLite, srv *smtptest.Server) *Send {
	t.Helper()
	cfg, err := ParseSMTP(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	if srv.CertPool != nil {
		cfg.TLS = &tls.Config{RootCAs: srv.CertPool, ServerName: "127.0.0.1"}
	}
	tokens, _ := NewTokens(bytes.Repeat([]byte{7}, 32))
	return &Send{
		Edition:     ed,
		Envelope:    Envelope{From: starterFrom, ReplyTo: "help@childsupport.example.gov", ListID: "report.childsupport.example.gov"},
		Log:         store,
		Dial:        cfg.Dial,
		Unsubscribe: func(e string) string { return tokens.UnsubscribeURL("https://childsupport.example.gov/subscribe/", e) },
		Backoff:     time.Millisecond,
	}
}

func TestSendToThreeSubscribers(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	srv := smtptest.Start(t, smtptest.Options{})
	store := testStore(t, "ana@example.org", "ben@example.org", "cruz@example.net")
	store.Add(context.Background(), Subscriber{Email: "left@example.org", Status: Unsubscribed}, false)
	store.Add(context.Background(), Subscriber{Email: "new@example.org", Status: Pending}, false)
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	send := newSend(t, ed, store, srv)
	send.Envelope.DKIM, _ = NewDKIM(key, "childsupport.example.gov", "report")

	rep, err := send.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total != 3 || rep.Sent != 3 || rep.Done != 3 || rep.Failed+rep.Deferred+rep.Unsure != 0 {
		t.Fatalf("report %+v", rep)
	}
	pub, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
	txt := "v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(pub)
	got := map[string]bool{}
	for _, m := range srv.Messages() {
		got[m.To] = true
		if m.From != "report@childsupport.example.gov" {
			t.Errorf("MAIL FROM %q", m.From)
		}
		vs, err := dkim.VerifyWithOptions(bytes.NewReader(m.Data), &dkim.VerifyOptions{LookupTXT: func(string) ([]string, error) { return []string{txt}, nil }})
		if err != nil || len(vs) != 1 || vs[0].Err != nil {
			t.Errorf("%s: DKIM does not verify: %v %+v", m.To, err, vs)
		}
		name := strings.ToUpper(m.To[:1]) + m.To[1:strings.Index(m.To, "@")]
		checkMessage(t, m.Data, Recipient{Email: m.To, Name: name, Unsubscribe: send.Unsubscribe(m.To)})
	}
	if len(got) != 3 || !got["ana@example.org"] || !got["cruz@example.net"] {
		t.Fatalf("delivered to %v", got)
	}
	tally, _ := store.SendTally(context.Background(), send.Issue)
	if tally.Sent != 3 || tally.Total() != 3 {
		t.Fatalf("send log %+v", tally)
	}

	// Again: nobody is left, and nothing goes out.
	rep, err = send.Run(context.Background())
	if err != nil || rep.Total != 0 || srv.Count() != 3 {
		t.Fatalf("second run: %+v %v, %d messages", rep, err, srv.Count())
	}
}

func TestSendRetriesBouncesAndDefers(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	srv := smtptest.Start(t, smtptest.Options{})
	store := testStore(t, "grey@example.org", "gone@example.org", "relay@example.org", "slow@example.org", "ok@example.org")
	srv.TempFail("grey@example.org", 2)
	srv.Reject("gone@example.org", 550, gosmtp.EnhancedCode{5, 1, 1}, "No such user")
	srv.Reject("relay@example.org", 554, gosmtp.EnhancedCode{5, 7, 1}, "Relay access denied")
	srv.TempFail("slow@example.org", 100)
	send := newSend(t, ed, store, srv)
	send.Connections = 2

	rep, err := send.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sent != 2 || rep.Failed != 2 || rep.Bounced != 1 || rep.Deferred != 1 || rep.Retried != 2+3 {
		t.Fatalf("report %+v", rep)
	}
	ctx := context.Background()
	for email, want := range map[string]Status{"gone@example.org": Bounced, "relay@example.org": Confirmed, "grey@example.org": Confirmed} {
		if sub, _ := store.Get(ctx, email); sub.Status != want {
			t.Errorf("%s is %s, want %s", email, sub.Status, want)
		}
	}
	// The next run tries only the deferred address.
	srv.TempFail("slow@example.org", 0)
	rep, err = send.Run(ctx)
	if err != nil || rep.Total != 1 || rep.Sent != 1 {
		t.Fatalf("second run: %+v %v", rep, err)
	}
	per := map[string]int{}
	for _, m := range srv.Messages() {
		per[m.To]++
	}
	if per["grey@example.org"] != 1 || per["slow@example.org"] != 1 || per["ok@example.org"] != 1 || len(per) != 3 {
		t.Fatalf("deliveries %v", per)
	}
}

// A send that stopped mid-way left marks in the log; the next run
// skips who had it and sends again, with the same Message-ID, to whom
// the stopped send was handing it off.
func TestSendResumesFromTheLog(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	srv := smtptest.Start(t, smtptest.Options{})
	var emails []string
	for i := range 30 {
		emails = append(emails, fmt.Sprintf("p%02d@example.org", i))
	}
	store := testStore(t, emails...)
	send := newSend(t, ed, store, srv)
	send.defaults()
	now := time.Now()
	var marks []SendMark
	for _, e := range emails[:10] {
		marks = append(marks, SendMark{Email: e, State: Sent, At: now})
	}
	marks = append(marks, SendMark{Email: emails[10], State: Sending, At: now}, SendMark{Email: emails[11], State: Deferred, At: now})
	if err := store.LogSends(context.Background(), send.Issue, marks); err != nil {
		t.Fatal(err)
	}
	rep, err := send.Run(context.Background())
	if err != nil || rep.Total != 20 || rep.Sent != 20 || rep.Unsure != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	ids := map[string]string{}
	for _, m := range srv.Messages() {
		if ids[m.To] != "" {
			t.Errorf("%s got the issue twice", m.To)
		}
		ids[m.To] = m.MessageID
	}
	if len(ids) != 20 || ids[emails[0]] != "" || ids[emails[10]] == "" {
		t.Fatalf("delivered to %d: %v", len(ids), ids)
	}
	if want := "<" + ed.messageID(emails[10], "report@childsupport.example.gov") + ">"; ids[emails[10]] != want {
		t.Errorf("the resent message's ID %q, want the first try's %q", ids[emails[10]], want)
	}
}

func TestSendOverTLSWithLogin(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	for _, mode := range []string{"starttls", "implicit"} {
		t.Run(mode, func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Options{TLS: mode, User: "news", Password: "s3cret"})
			store := testStore(t, "ana@example.org")
			send := newSend(t, ed, store, srv)
			if rep, err := send.Run(context.Background()); err != nil || rep.Sent != 1 {
				t.Fatalf("%+v %v", rep, err)
			}

			// A wrong password stops the send before anyone is marked.
			store2 := testStore(t, "ben@example.org")
			cfg, _ := ParseSMTP(strings.Replace(srv.URL(), "s3cret", "wrong", 1))
			cfg.TLS = &tls.Config{RootCAs: srv.CertPool, ServerName: "127.0.0.1"}
			send = newSend(t, ed, store2, srv)
			send.Dial = cfg.Dial
			_, err := send.Run(context.Background())
			var se *SendError
			if !errors.As(err, &se) || se.Kind != Fatal || !strings.Contains(err.Error(), "logging in") {
				t.Fatalf("wrong password: %v", err)
			}
			if tally, _ := store2.SendTally(context.Background(), send.Issue); tally.Total() != 0 {
				t.Fatalf("marked after a failed login: %+v", tally)
			}

			// A certificate nobody trusts is refused.
			cfg.TLS = nil
			if _, err := cfg.Dial(context.Background()); err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Fatalf("untrusted certificate: %v", err)
			}
		})
	}
}

// A relay that refuses every recipient stops the send instead of
// failing the whole list, and marks nobody bounced.
func TestSendStopsWhenEverythingIsRefused(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	srv := smtptest.Start(t, smtptest.Options{})
	var emails []string
	for i := range 60 {
		e := fmt.Sprintf("p%02d@example.org", i)
		emails = append(emails, e)
		srv.Reject(e, 554, gosmtp.EnhancedCode{5, 7, 1}, "Relay access denied")
	}
	store := testStore(t, emails...)
	send := newSend(t, ed, store, srv)
	send.Connections = 1
	rep, err := send.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "refused the first 20") {
		t.Fatalf("want the send stopped: %v", err)
	}
	if rep.Done >= 60 || rep.Bounced != 0 {
		t.Fatalf("report %+v", rep)
	}
}

func TestSendUnreachableServer(t *testing.T) {
	store := testStore(t, "ana@example.org")
	cfg, _ := ParseSMTP("smtp://127.0.0.1:1")
	send := newSend(t, starterEdition(t, "2026-11"), store, smtptest.Start(t, smtptest.Options{}))
	send.Dial = cfg.Dial
	_, err := send.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "cannot reach the SMTP server at 127.0.0.1:1") {
		t.Fatalf("%v", err)
	}
	if tally, _ := store.SendTally(context.Background(), send.Issue); tally.Total() != 0 {
		t.Fatalf("marked: %+v", tally)
	}
}

func TestParseSMTP(t *testing.T) {
	for raw, want := range map[string]string{
		"smtp://127.0.0.1:2525":                   "smtp://127.0.0.1:2525",
		"smtps://news:pw@mail.example.gov":        "smtps://news@mail.example.gov:465",
		"smtp+starttls://news@mail.example.gov":   "smtp+starttls://news@mail.example.gov:587",
		"SMTP://relay.example.gov":                "smtp://relay.example.gov:25",
		"http://mail.example.gov":                 "starts with smtp://",
		"smtp://":                                 "no server name",
		"smtp://mail.example.gov/inbox":           "no path",
		"smtps://news:pw@mail.example.gov:bad:25": "not an address",
	} {
		got, err := ParseSMTP(raw)
		s := fmt.Sprint(err)
		if err == nil {
			s = got.String()
		}
		if !strings.Contains(s, want) || strings.Contains(s, "pw") {
			t.Errorf("%s: %s, want %s", raw, s, want)
		}
	}
	// A password in clear text over the network is refused before dialing.
	cfg, _ := ParseSMTP("smtp://news:pw@mail.example.gov")
	if _, err := cfg.Dial(context.Background()); err == nil || !strings.Contains(err.Error(), "unencrypted") {
		t.Fatalf("clear-text password: %v", err)
	}
}

// --list sends only to the subscribers on that list.
func TestSendToOneList(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{})
	store := testStore(t)
	ctx := context.Background()
	for email, lists := range map[string][]string{"a@example.org": {"report", "employers"}, "b@example.org": {"employers"}, "c@example.org": {"report"}, "d@example.org": nil, "e@example.org": {"employers-extra"}} {
		store.Add(ctx, Subscriber{Email: email, Lists: lists, Status: Confirmed}, false)
	}
	send := newSend(t, starterEdition(t, "2026-11"), store, srv)
	send.List = "employers"
	if n, _ := store.CountUnsent(ctx, send.Edition.Issue.File, "employers"); n != 2 {
		t.Fatalf("CountUnsent: %d", n)
	}
	rep, err := send.Run(ctx)
	if err != nil || rep.Sent != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	got := map[string]bool{}
	for _, m := range srv.Messages() {
		got[m.To] = true
	}
	if !got["a@example.org"] || !got["b@example.org"] || len(got) != 2 {
		t.Fatalf("sent to %v", got)
	}
}
