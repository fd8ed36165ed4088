package newsletter

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Purpose is what a token may be used for: a confirmation token cannot
// unsubscribe, and the other way round.
type Purpose string

const (
	Confirm     Purpose = "confirm"     // expires
	Unsubscribe Purpose = "unsubscribe" // never expires: old issues keep working links
)

var (
	ErrBadToken = errors.New("this link is not valid: it may be cut short or changed")
	ErrExpired  = errors.New("this link has expired: sign up again to get a new one")
)

// Tokens signs and checks the links in e-mails, with a secret of the
// project's (HMAC-SHA256).
type Tokens struct{ secret []byte }

// NewTokens uses a secret of at least 32 bytes.
func NewTokens(secret []byte) (*Tokens, error) {
	if len(secret) < 32 {
		return nil, fmt.Errorf("the token secret has %d bytes: it needs 32 or more", len(secret))
	}
	return &Tokens{secret: secret}, nil
}

// LoadSecret reads the project's secret from path, making one the first
// time (readable by its owner only). Keep it out of git: anyone with it
// can unsubscribe anyone.
func LoadSecret(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		s, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil {
			return nil, fmt.Errorf("%s: not a secret that plainpress wrote (64 hex digits)", path)
		}
		return s, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	s := make([]byte, 32)
	if _, err := rand.Read(s); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) { // another process made it first
			return LoadSecret(path)
		}
		return nil, err
	}
	if _, err := f.WriteString(hex.EncodeToString(s) + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return s, f.Close()
}

// Make signs a token for an address and purpose; expires is zero for a
// token that does not expire.
func (t *Tokens) Make(p Purpose, email string, expires time.Time) string {
	exp := int64(0)
	if !expires.IsZero() {
		exp = expires.Unix()
	}
	payload := string(p) + "|" + email + "|" + strconv.FormatInt(exp, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(payload)) + "." + base64.RawURLEncoding.EncodeToString(t.mac(payload))
}

// Check returns the address a token was made for, if it is genuine, for
// this purpose, and not expired.
func (t *Tokens) Check(p Purpose, token string, now time.Time) (string, error) {
	if len(token) > 1024 {
		return "", ErrBadToken
	}
	body, sig, ok := strings.Cut(token, ".")
	payload, err1 := base64.RawURLEncoding.DecodeString(body)
	mac, err2 := base64.RawURLEncoding.DecodeString(sig)
	if !ok || err1 != nil || err2 != nil || !hmac.Equal(mac, t.mac(string(payload))) {
		return "", ErrBadToken
	}
	parts := strings.Split(string(payload), "|")
	if len(parts) != 3 || Purpose(parts[0]) != p {
		return "", ErrBadToken
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return "", ErrBadToken
	}
	if exp != 0 && now.Unix() > exp {
		return "", ErrExpired
	}
	return parts[1], nil
}

func (t *Tokens) mac(payload string) []byte {
	h := hmac.New(sha256.New, t.secret)
	h.Write([]byte(payload))
	return h.Sum(nil)
}

// UnsubscribeURL is a subscriber's one-click link under the
// subscription service's base address.
func (t *Tokens) UnsubscribeURL(base, email string) string {
	return strings.TrimSuffix(base, "/") + "/unsubscribe?token=" + t.Make(Unsubscribe, email, time.Time{})
}
