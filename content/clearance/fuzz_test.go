package clearance

import (
	"testing"
	"time"
)

// FuzzDecodeEvent reads any bytes as an event file: no panic, and an
// event that is accepted is whole and named by its own hash.
func FuzzDecodeEvent(f *testing.F) {
	e := &Event{Doc: "content/en/apply.md", Kind: KindPage, Action: Approve, Hash: hashOf([]byte("x")), Role: "legal",
		By: "lee@example.gov", At: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Policy: hashOf([]byte("p"))}
	b := e.encode()
	id := hashOf(b)
	name := fileName(e, id)[len(eventsDir)+1:]
	f.Add(name, b)
	f.Add(name, []byte(`{"doc": "x", "action": "approve"}`))
	f.Add("20260101T000000Z-submit-0123456789abcdef.json", []byte(`{"at": "not a time"}`))
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		e, err := decodeEvent("clearance/events/"+name, name, b)
		if err != nil {
			return
		}
		if e.ID != hashOf(b) || e.Doc == "" || e.By == "" || e.At.IsZero() || !actions[e.Action] {
			t.Fatalf("accepted a bad event: %+v", e)
		}
	})
}

// FuzzParseManifest reads any bytes as an issue's list of files.
func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(hashOf([]byte("a")) + " content/en/newsletter/2026-03/index.md\n"))
	f.Add([]byte("\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, err := parseManifest(b)
		for _, m := range entries {
			if err == nil && (len(m.hash) != 64 || m.file == "") {
				t.Fatalf("accepted a bad line: %+v", m)
			}
		}
	})
}
