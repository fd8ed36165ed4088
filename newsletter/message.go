package newsletter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"path"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Envelope is who the newsletter comes from and the list it belongs to.
type Envelope struct {
	From    string // "The Child Support Report <report@example.gov>"
	ReplyTo string
	ListID  string // report.example.gov
	DKIM    *DKIM  // nil: unsigned
}

// Recipient is one subscriber, with their own unsubscribe link.
type Recipient struct {
	Email, Name string
	Unsubscribe string // https://…/unsubscribe?token=…
}

// Message is the edition addressed to one subscriber: multipart/
// alternative with the text first, the list headers with their own
// unsubscribe link, and a DKIM signature added last when a key is set.
func (ed *Edition) Message(env Envelope, to Recipient, now time.Time) ([]byte, error) {
	m, from, err := env.start(to, ed.Subject, now)
	if err != nil {
		return nil, err
	}
	m.SetMessageIDWithValue(ed.messageID(to.Email, from))
	m.SetGenHeader(gomail.HeaderContentLang, ed.Lang)
	if ed.Archive != "" {
		m.SetGenHeaderPreformatted("List-Archive", "<"+ed.Archive+">")
	}
	if env.ListID != "" {
		m.SetGenHeaderPreformatted("List-Id", fmt.Sprintf("\"%s\" <%s>", strings.ReplaceAll(ed.ListName, `"`, ""), env.ListID))
	}
	m.SetGenHeaderPreformatted(gomail.HeaderListUnsubscribe, "<"+to.Unsubscribe+">")
	m.SetGenHeaderPreformatted(gomail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	m.SetBodyString(gomail.TypeTextPlain, strings.ReplaceAll(ed.Text, UnsubscribeMark, to.Unsubscribe))
	m.AddAlternativeString(gomail.TypeTextHTML, strings.ReplaceAll(ed.HTML, UnsubscribeMark, to.Unsubscribe))
	return env.finish(m)
}

// Notice is a short plain-text message from the list to one person,
// such as the link that confirms a sign-up.
func (env Envelope) Notice(to, lang, subject, text string, now time.Time) ([]byte, error) {
	m, _, err := env.start(Recipient{Email: to}, subject, now)
	if err != nil {
		return nil, err
	}
	m.SetMessageID()
	m.SetGenHeader(gomail.HeaderContentLang, lang)
	m.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	m.SetBodyString(gomail.TypeTextPlain, text)
	return env.finish(m)
}

// start is a message with the headers every message has: From,
// Reply-To, To, Subject, Date. It returns the sender's address too.
func (env Envelope) start(to Recipient, subject string, now time.Time) (*gomail.Msg, string, error) {
	from, err := mail.ParseAddress(env.From)
	if err != nil {
		return nil, "", fmt.Errorf("newsletter.from %q: %v", env.From, err)
	}
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	m.FromMailAddress(from)
	if err := m.AddToFormat(to.Name, to.Email); err != nil {
		return nil, "", fmt.Errorf("to %q: %w", to.Email, err)
	}
	if env.ReplyTo != "" {
		if err := m.ReplyTo(env.ReplyTo); err != nil {
			return nil, "", fmt.Errorf("newsletter.replyTo %q: %w", env.ReplyTo, err)
		}
	}
	m.Subject(subject)
	m.SetDateWithValue(now)
	return m, from.Address, nil
}

// finish writes the message out and signs it, last, when a key is set.
func (env Envelope) finish(m *gomail.Msg) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return nil, err
	}
	if env.DKIM == nil {
		return buf.Bytes(), nil
	}
	return env.DKIM.sign(buf.Bytes())
}

// messageID is the same for an issue and a subscriber every time, so a
// message sent again after a crash is one message to the receiver.
func (ed *Edition) messageID(to, from string) string {
	key := ed.Issue.File + "\x00" + strings.ToLower(to)
	if ed.test {
		key += "\x00test"
	}
	sum := sha256.Sum256([]byte(key))
	domain := from[strings.LastIndex(from, "@")+1:]
	return fmt.Sprintf("%s.%s@%s", path.Base(path.Dir(ed.Issue.File)), hex.EncodeToString(sum[:12]), domain)
}
