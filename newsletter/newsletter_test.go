package newsletter

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-msgauth/dkim"

	"github.com/plainpress/plainpress/content"
)

func starterEdition(t testing.TB, name string) *Edition {
	t.Helper()
	proj, err := content.Load(content.Starter())
	if err != nil {
		t.Fatal(err)
	}
	issue, err := FindIssue(proj, name)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := Compose(proj, issue)
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

func TestComposeTheStarterIssue(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	if ed.Subject != "Holiday hours, payment scams, and a parent's story" {
		t.Errorf("subject %q", ed.Subject)
	}
	h := ed.HTML
	for _, want := range []string{`<html lang="en"`, `role="presentation"`, `<a href="https://childsupport.example.gov/newsletter/2026-11/"`,
		UnsubscribeMark, `prefers-color-scheme: dark`, `style="`} {
		if !strings.Contains(h, want) {
			t.Errorf("the HTML lacks %s", want)
		}
	}
	if len(h) > maxHTML {
		t.Errorf("HTML is %d bytes: Gmail clips it", len(h))
	}
	if n := len(regexp.MustCompile(`<img\b[^>]*>`).FindAllString(h, -1)); n != len(regexp.MustCompile(`<img\b[^>]*\balt="[^"]+"`).FindAllString(h, -1)) {
		t.Error("an image without alt text")
	}
	if strings.Contains(h, `href="/`) || strings.Contains(h, `href="../`) || strings.Contains(h, `.md"`) {
		t.Error("a relative link: mail readers have no site to be relative to")
	}
	if strings.Contains(h, "<script") || regexp.MustCompile(`<img[^>]+width="1"`).MatchString(h) {
		t.Error("no scripts, no tracking pixels")
	}
	// The text part is written from the Markdown: titles underlined, links spelled out.
	for _, want := range []string{"THE CHILD SUPPORT REPORT", "Holidays, scams, and one family's story\n=====", UnsubscribeMark} {
		if !strings.Contains(ed.Text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	for _, line := range strings.Split(ed.Text, "\n") {
		if len([]rune(line)) > textWidth && !strings.Contains(line, "http") {
			t.Errorf("a text line over %d characters: %q", textWidth, line)
		}
	}
	if strings.Contains(ed.Text, "<") && strings.Contains(ed.Text, "</") {
		t.Error("HTML in the text part")
	}
}

func TestSpanishIssueWords(t *testing.T) {
	proj, err := content.Load(content.Starter())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FindIssue(proj, "content/en/newsletter/1999-01"); err == nil || !strings.Contains(err.Error(), "the issues are: content/en/newsletter/2026-09") {
		t.Fatalf("an unknown issue: %v", err)
	}
}

// TestMessageAndDKIM builds a subscriber's message, parses it as a mail
// reader would, and verifies its DKIM signature with RSA-2048 and Ed25519.
func TestMessageAndDKIM(t *testing.T) {
	ed := starterEdition(t, "2026-11")
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	edPub, edKey, _ := ed25519.GenerateKey(rand.Reader)
	rsaPub, _ := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	records := map[string]string{
		"rsa._domainkey.childsupport.example.gov": "v=DKIM1; k=rsa; p=" + base64.StdEncoding.EncodeToString(rsaPub),
		"ed._domainkey.childsupport.example.gov":  "v=DKIM1; k=ed25519; p=" + base64.StdEncoding.EncodeToString(edPub),
	}
	for sel, key := range map[string]crypto.Signer{"rsa": rsaKey, "ed": edKey} {
		d, err := NewDKIM(key, "childsupport.example.gov", sel)
		if err != nil {
			t.Fatal(err)
		}
		env := Envelope{From: "The Child Support Report <report@childsupport.example.gov>", ReplyTo: "help@childsupport.example.gov",
			ListID: "report.childsupport.example.gov", DKIM: d}
		to := Recipient{Email: "ana@example.org", Name: "Ana Pérez", Unsubscribe: "https://childsupport.example.gov/subscribe/unsubscribe?token=abc"}
		raw, err := ed.Message(env, to, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		// DNS cannot run here: the TXT record comes from the map.
		vs, err := dkim.VerifyWithOptions(bytes.NewReader(raw), &dkim.VerifyOptions{LookupTXT: func(domain string) ([]string, error) {
			return []string{records[domain]}, nil
		}})
		if err != nil || len(vs) != 1 || vs[0].Err != nil {
			t.Fatalf("%s: DKIM does not verify: %v %+v", sel, err, vs)
		}
		for _, h := range []string{"from", "subject", "date", "to", "message-id", "list-unsubscribe", "list-unsubscribe-post"} {
			if !contains(vs[0].HeaderKeys, h) {
				t.Errorf("%s: the signature does not cover %s: %v", sel, h, vs[0].HeaderKeys)
			}
		}
		checkMessage(t, raw, to)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func checkMessage(t *testing.T, raw []byte, to Recipient) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := msg.Header
	want := map[string]string{
		"List-Unsubscribe":      "<" + to.Unsubscribe + ">",
		"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		"List-Id":               `"The Child Support Report" <report.childsupport.example.gov>`,
		"List-Archive":          "<https://childsupport.example.gov/newsletter/>",
		"Reply-To":              "<help@childsupport.example.gov>",
		"Content-Language":      "en",
	}
	for k, v := range want {
		if h.Get(k) != v {
			t.Errorf("%s: %q, want %q", k, h.Get(k), v)
		}
	}
	if got, err := h.AddressList("To"); err != nil || got[0].Address != to.Email || got[0].Name != to.Name {
		t.Errorf("To: %v %v", got, err)
	}
	if !strings.HasPrefix(h.Get("Message-Id"), "<2026-11.") {
		t.Errorf("Message-ID %q", h.Get("Message-Id"))
	}
	mt, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q: %v", h.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	var types []string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(p)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		types = append(types, ct)
		if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			body, _ = io.ReadAll(quotedprintable.NewReader(bytes.NewReader(body)))
		}
		if !strings.Contains(string(body), to.Unsubscribe) {
			t.Errorf("%s part lacks the subscriber's unsubscribe link", ct)
		}
	}
	if strings.Join(types, ",") != "text/plain,text/html" {
		t.Errorf("parts %v, want text first, then HTML", types)
	}
}

// BenchmarkCompose builds one issue's e-mail (HTML with CSS inlined, and
// text). The target is under 50 ms.
func BenchmarkCompose(b *testing.B) {
	proj, err := content.Load(content.Starter())
	if err != nil {
		b.Fatal(err)
	}
	issue, _ := FindIssue(proj, "2026-11")
	for b.Loop() {
		if _, err := Compose(proj, issue); err != nil {
			b.Fatal(err)
		}
	}
}
