package main

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-msgauth/dkim"
	gosmtp "github.com/emersion/go-smtp"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/plainpress/plainpress/internal/smtptest"
)

// startMailbox gives each script a real SMTP server on loopback, at
// $SMTP_URL.
func startMailbox(env *testscript.Env) error {
	srv, err := smtptest.New(smtptest.Options{})
	if err != nil {
		return err
	}
	env.Setenv("SMTP_URL", srv.URL())
	env.Values["mailbox"] = srv
	env.Defer(srv.Close)
	return nil
}

// mailbox checks and steers the script's SMTP server:
//
//	mailbox count N            it has taken N messages
//	mailbox once [-resent-ok] N
//	                           N addresses have each had exactly one message;
//	                           with -resent-ok, a copy again with the same
//	                           Message-ID is allowed (a hand-off cut by a kill)
//	mailbox atleast N          wait (10 s at most) until it has N messages
//	mailbox dump DIR           write each message to DIR/ADDRESS.eml
//	mailbox dkim RECORD        every message's DKIM signature verifies against the TXT record in file RECORD
//	mailbox hold N             hold back the answer to message N
//	mailbox held               wait (10 s at most) until the held message arrives
//	mailbox release            let the held message go, not kept
//	mailbox reset              forget the messages taken so far
//	mailbox link VAR REGEXP    set $VAR to the first match of REGEXP in the last message's text
//	mailbox reject ADDR CODE X.Y.Z    refuse ADDR at RCPT TO
//	mailbox tempfail ADDR N    answer 451 to ADDR N times
func mailbox(ts *testscript.TestScript, neg bool, args []string) {
	srv := ts.Value("mailbox").(*smtptest.Server)
	if len(args) == 0 {
		ts.Fatalf("usage: mailbox count|once|dump|dkim|hold|release|reject|tempfail ...")
	}
	arg := func(i int) string {
		if len(args) <= i {
			ts.Fatalf("mailbox %s: missing argument", args[0])
		}
		return args[i]
	}
	num := func(i int) int {
		n, err := strconv.Atoi(arg(i))
		ts.Check(err)
		return n
	}
	switch args[0] {
	case "count":
		if got := srv.Count(); (got == num(1)) == neg {
			ts.Fatalf("the server has %d messages, want %s%d", got, map[bool]string{true: "not "}[neg], num(1))
		}
	case "atleast":
		if !srv.WaitFor(num(1), 10*time.Second) {
			ts.Fatalf("the server has %d messages after 10 s, want %d", srv.Count(), num(1))
		}
	case "once":
		resentOK := arg(1) == "-resent-ok"
		if resentOK {
			args = args[1:]
		}
		perAddr, ids := map[string]int{}, map[string]map[string]bool{}
		for _, m := range srv.Messages() {
			perAddr[m.To]++
			if ids[m.To] == nil {
				ids[m.To] = map[string]bool{}
			}
			ids[m.To][m.MessageID] = true
		}
		resent := 0
		for addr, n := range perAddr {
			if resentOK && len(ids[addr]) == 1 {
				resent += n - 1
				continue
			}
			if n != 1 {
				ts.Fatalf("%s had %d messages (%d Message-IDs)", addr, n, len(ids[addr]))
			}
		}
		if len(perAddr) != num(1) {
			ts.Fatalf("%d addresses had the issue, want %d", len(perAddr), num(1))
		}
		fmt.Fprintf(ts.Stdout(), "%d addresses, %d sent again with the same Message-ID\n", len(perAddr), resent)
	case "dump":
		dir := ts.MkAbs(arg(1))
		ts.Check(os.MkdirAll(dir, 0o755))
		for _, m := range srv.Messages() {
			ts.Check(os.WriteFile(filepath.Join(dir, m.To+".eml"), m.Data, 0o644))
		}
	case "dkim":
		record := strings.TrimSpace(ts.ReadFile(arg(1)))
		for _, m := range srv.Messages() {
			vs, err := dkim.VerifyWithOptions(bytes.NewReader(m.Data), &dkim.VerifyOptions{LookupTXT: func(string) ([]string, error) { return []string{record}, nil }})
			if err != nil || len(vs) != 1 || vs[0].Err != nil {
				ts.Fatalf("%s: the DKIM signature does not verify: %v %+v", m.To, err, vs)
			}
		}
	case "hold":
		srv.Hold(num(1))
	case "held":
		held := srv.Held()
		if held == nil {
			ts.Fatalf("mailbox held: no mailbox hold before")
		}
		select {
		case <-held:
		case <-time.After(10 * time.Second):
			ts.Fatalf("the held message did not arrive in 10 s")
		}
	case "link":
		msgs := srv.Messages()
		if len(msgs) == 0 {
			ts.Fatalf("mailbox link: no messages")
		}
		m, err := mail.ReadMessage(bytes.NewReader(msgs[len(msgs)-1].Data))
		ts.Check(err)
		body, err := io.ReadAll(quotedprintable.NewReader(m.Body))
		ts.Check(err)
		found := regexp.MustCompile(arg(2)).FindString(string(body))
		if found == "" {
			ts.Fatalf("mailbox link: no %s in\n%s", arg(2), body)
		}
		ts.Setenv(arg(1), found)
	case "reset":
		srv.Reset()
	case "release":
		srv.Release()
	case "reject":
		var ec gosmtp.EnhancedCode
		_, err := fmt.Sscanf(arg(3), "%d.%d.%d", &ec[0], &ec[1], &ec[2])
		ts.Check(err)
		srv.Reject(arg(1), num(2), ec, "refused by the test")
	case "tempfail":
		srv.TempFail(arg(1), num(2))
	default:
		ts.Fatalf("mailbox: unknown %q", args[0])
	}
}

// dkimkey FILE writes an RSA-2048 private key to FILE and its DNS TXT
// record to FILE.txt.
func dkimkey(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: dkimkey FILE")
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	ts.Check(err)
	der, err := x509.MarshalPKCS8PrivateKey(key)
	ts.Check(err)
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	ts.Check(err)
	path := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
	ts.Check(os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600))
	ts.Check(os.WriteFile(path+".txt", []byte("v=DKIM1; k=rsa; p="+base64.StdEncoding.EncodeToString(pub)+"\n"), 0o644))
}
