package newsletter

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCleanAddress(t *testing.T) {
	good := map[string]string{"Ana@Example.ORG": "ana@example.org", " ben.o'neil+news@mail.example.gov ": "ben.o'neil+news@mail.example.gov"}
	for in, want := range good {
		if got, err := CleanAddress(in); err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	bad := []string{"", "ana", "ana@", "@example.org", "ana@example", "Ana <ana@example.org>", "ana@example.org, ben@example.org",
		"ana@example.org\r\nBcc: all@example.org", "ana@example.org\nX: y", strings.Repeat("a", 250) + "@example.org", "ana\x00@example.org"}
	for _, in := range bad {
		if got, err := CleanAddress(in); err == nil {
			t.Errorf("%q: accepted as %q", in, got)
		}
	}
}

func TestSQLiteStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), ".plainpress", "subscribers.db")
	s, err := OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	ana := Subscriber{Email: "ana@example.org", Name: "Ana", Lists: []string{"report"}, Status: Pending}
	if err := s.Add(ctx, ana, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(ctx, ana, false); !errors.Is(err, ErrExists) {
		t.Fatalf("adding twice: %v", err)
	}
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if err := s.SetStatus(ctx, "ana@example.org", Confirmed, now); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// The file keeps it.
	s, err = OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(ctx, "ana@example.org")
	if err != nil || got.Status != Confirmed || !got.Confirmed.Equal(now) || got.Name != "Ana" || got.Lists[0] != "report" {
		t.Fatalf("got %+v %v", got, err)
	}
	if err := s.SetStatus(ctx, "nobody@example.org", Unsubscribed, now); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown address: %v", err)
	}
	// Each pages through a long list in address order.
	for i := range 1234 {
		if err := s.Add(ctx, Subscriber{Email: fmt.Sprintf("p%04d@example.org", i), Status: Confirmed}, false); err != nil {
			t.Fatal(err)
		}
	}
	n, last := 0, ""
	err = s.Each(ctx, Confirmed, func(sub Subscriber) error {
		if sub.Email <= last {
			t.Fatalf("out of order: %s after %s", sub.Email, last)
		}
		last = sub.Email
		n++
		return nil
	})
	if err != nil || n != 1235 {
		t.Fatalf("Each: %d, %v", n, err)
	}
	if err := s.Remove(ctx, "ana@example.org"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "ana@example.org"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after remove: %v", err)
	}
}
