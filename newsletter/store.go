package newsletter

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// Status is where a subscriber is.
type Status string

const (
	Pending      Status = "pending"      // signed up, not confirmed yet
	Confirmed    Status = "confirmed"    // gets the newsletter
	Unsubscribed Status = "unsubscribed" // left
	Bounced      Status = "bounced"      // the address failed for good
)

// Subscriber is one address on the list.
type Subscriber struct {
	Email     string    `json:"email"`
	Name      string    `json:"name,omitempty"`
	Lists     []string  `json:"lists,omitempty"`
	Status    Status    `json:"status"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	Confirmed time.Time `json:"confirmed,omitzero"`
}

// Store keeps subscribers and the send log. SQLite is the default; the
// interface is small so that PostgreSQL can stand behind it too.
type Store interface {
	// Add adds a subscriber, or, for a known address, updates the name,
	// lists and status (ErrExists when update is false).
	Add(ctx context.Context, s Subscriber, update bool) error
	Get(ctx context.Context, email string) (Subscriber, error)
	SetStatus(ctx context.Context, email string, st Status, at time.Time) error
	Remove(ctx context.Context, email string) error
	// Each calls fn for each subscriber in address order, a page at a
	// time, so memory stays flat however long the list is.
	Each(ctx context.Context, status Status, fn func(Subscriber) error) error
	SendLog
	Close() error
}

var (
	ErrNotFound = errors.New("no such subscriber")
	ErrExists   = errors.New("already a subscriber")
)

// maxAddress is the longest address SMTP carries (RFC 5321: 254).
const maxAddress = 254

// CleanAddress checks an e-mail address and returns it lower-cased: one
// address, RFC 5322 syntax, no name, no line breaks or other control
// characters (which could add headers to a message), at most 254 bytes.
func CleanAddress(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", fmt.Errorf("the address is empty")
	case len(s) > maxAddress:
		return "", fmt.Errorf("the address is %d characters: at most %d", len(s), maxAddress)
	case strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "", fmt.Errorf("the address has a line break or a control character")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "", fmt.Errorf("%q is not an e-mail address such as name@example.org", s)
	}
	at := strings.LastIndex(s, "@")
	if at < 1 || !strings.Contains(s[at:], ".") {
		return "", fmt.Errorf("%q has no domain such as example.org after the @", s)
	}
	return strings.ToLower(s), nil
}
