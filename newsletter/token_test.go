package newsletter

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTokens(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".plainpress", "secret")
	secret, err := LoadSecret(path)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := LoadSecret(path); string(again) != string(secret) {
		t.Fatal("the secret changed between loads")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Fatalf("secret mode %v", info.Mode())
	}
	tk, err := NewTokens(secret)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	c := tk.Make(Confirm, "ana@example.org", now.Add(48*time.Hour))
	if got, err := tk.Check(Confirm, c, now); err != nil || got != "ana@example.org" {
		t.Fatalf("a good token: %q %v", got, err)
	}
	if _, err := tk.Check(Confirm, c, now.Add(49*time.Hour)); !errors.Is(err, ErrExpired) {
		t.Fatalf("expired: %v", err)
	}
	if _, err := tk.Check(Unsubscribe, c, now); !errors.Is(err, ErrBadToken) {
		t.Fatalf("a confirm token used to unsubscribe: %v", err)
	}
	u := tk.Make(Unsubscribe, "ana@example.org", time.Time{})
	if got, err := tk.Check(Unsubscribe, u, now.AddDate(10, 0, 0)); err != nil || got != "ana@example.org" {
		t.Fatalf("unsubscribe tokens do not expire: %q %v", got, err)
	}
	other, _ := NewTokens([]byte(strings.Repeat("x", 32)))
	for _, forged := range []string{"", ".", "abc", u + "x", u[:len(u)-2], other.Make(Unsubscribe, "ana@example.org", time.Time{}),
		strings.Replace(u, u[:4], "AAAA", 1), strings.Repeat("a", 5000)} {
		if got, err := tk.Check(Unsubscribe, forged, now); err == nil {
			t.Errorf("forged token %q accepted for %q", forged, got)
		}
	}
}

func FuzzTokenCheck(f *testing.F) {
	tk, _ := NewTokens([]byte(strings.Repeat("k", 32)))
	f.Add(tk.Make(Unsubscribe, "ana@example.org", time.Time{}))
	f.Add("e30.e30")
	f.Fuzz(func(t *testing.T, token string) {
		if email, err := tk.Check(Unsubscribe, token, time.Now()); err == nil && tk.Make(Unsubscribe, email, time.Time{}) != token {
			t.Fatalf("accepted a token it did not make: %q", token)
		}
	})
}
