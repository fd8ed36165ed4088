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
	from, err := mail.ParseAddress(env.From)
	if err != nil {
		return nil, fmt.Errorf("newsletter.from %q: %v", env.From, err)
	}
	m := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	m.FromMailAddress(from)
	if err := m.AddToFormat(to.Name, to.Email); err != nil {
		return nil, fmt.Errorf("to %q: %w", to.Email, err)
	}
	if env.ReplyTo != "" {
		if err := m.ReplyTo(env.ReplyTo); err != nil {
			return nil, fmt.Errorf("newsletter.replyTo %q: %w", env.ReplyTo, err)
		}
	}
	m.Subject(ed.Subject)
	m.SetDateWithValue(now)
	m.SetMessageIDWithValue(ed.messageID(to.Email, from.Address))
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
