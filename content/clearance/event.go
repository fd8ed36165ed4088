package clearance

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/mail"
	"regexp"
	"time"
)

// Action is what an event does.
type Action string

const (
	Submit         Action = "submit"          // a writer asks for clearance of this version
	Approve        Action = "approve"         // a reviewer signs off for a role
	RequestChanges Action = "request-changes" // a reviewer sends it back, saying why
	Withdraw       Action = "withdraw"        // the writer takes the submission back
	Review         Action = "review"          // a reviewer checked cleared text is still right
)

var actions = map[Action]bool{Submit: true, Approve: true, RequestChanges: true, Withdraw: true, Review: true}

// Event is one file of the ledger. Its name holds the start of the
// SHA-256 of its bytes, and the next event of the same document names
// the whole hash in Prev: an edited, renamed or removed event breaks one
// or the other.
type Event struct {
	Doc       string    `json:"doc"`            // the document's ID
	Kind      Kind      `json:"kind"`           // page or issue
	Action    Action    `json:"action"`         //
	Hash      string    `json:"hash"`           // SHA-256 of the content it is about
	Role      string    `json:"role,omitempty"` // for approve, request-changes and review
	By        string    `json:"by"`             // the person's e-mail address
	At        time.Time `json:"at"`             // UTC
	Comment   string    `json:"comment,omitempty"`
	Prev      string    `json:"prev"`   // ID of the document's previous event; "" for its first
	Policy    string    `json:"policy"` // hash of the policy it was made under (kept in objects/)
	Signature string    `json:"signature,omitempty"`

	ID   string `json:"-"` // SHA-256 of the file's bytes
	File string `json:"-"` // its path from the project root
}

// encode is the event's file. payload is what a signature signs: the
// same, without the signature.
func (e *Event) encode() []byte {
	b, _ := json.MarshalIndent(e, "", "  ")
	return append(b, '\n')
}

func (e *Event) payload() []byte {
	c := *e
	c.Signature = ""
	return c.encode()
}

// fileName is where an event is kept: its time, action and hash, so a
// listing reads in order.
func fileName(e *Event, id string) string {
	return fmt.Sprintf("%s/%s-%s-%s.json", eventsDir, e.At.UTC().Format("20060102T150405Z"), e.Action, id[:16])
}

var eventName = regexp.MustCompile(`^(\d{8}T\d{6}Z)-([a-z-]+)-([0-9a-f]{16})\.json$`)
var hexHash = regexp.MustCompile(`^[0-9a-f]{64}$`)

// decodeEvent reads and checks one event file.
func decodeEvent(file, name string, b []byte) (*Event, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var e Event
	if err := dec.Decode(&e); err != nil {
		return nil, fmt.Errorf("not a clearance event: %v", err)
	}
	sum := sha256.Sum256(b)
	e.ID, e.File = hex.EncodeToString(sum[:]), file
	m := eventName.FindStringSubmatch(name)
	switch {
	case m == nil:
		return nil, fmt.Errorf("the name is not TIME-ACTION-HASH.json, as plainpress writes it")
	case !actions[e.Action]:
		return nil, fmt.Errorf("action %q is not one of submit, approve, request-changes, withdraw, review", e.Action)
	case e.Doc == "":
		return nil, fmt.Errorf("doc is missing")
	case e.Kind != KindPage && e.Kind != KindIssue:
		return nil, fmt.Errorf("kind %q is not page or issue", e.Kind)
	case !hexHash.MatchString(e.Hash):
		return nil, fmt.Errorf("hash %q is not a SHA-256", e.Hash)
	case !hexHash.MatchString(e.Policy):
		return nil, fmt.Errorf("policy %q is not a SHA-256", e.Policy)
	case e.Prev != "" && !hexHash.MatchString(e.Prev):
		return nil, fmt.Errorf("prev %q is not an event's SHA-256", e.Prev)
	case e.At.IsZero():
		return nil, fmt.Errorf("at (the time) is missing")
	case (e.Action == Approve || e.Action == RequestChanges || e.Action == Review) && e.Role == "":
		return nil, fmt.Errorf("%s without a role", e.Action)
	case e.Action == RequestChanges && e.Comment == "":
		return nil, fmt.Errorf("request-changes without a comment saying what to change")
	}
	if a, err := mail.ParseAddress(e.By); err != nil || a.Address != e.By {
		return nil, fmt.Errorf("by %q is not an e-mail address", e.By)
	}
	if m[3] != e.ID[:16] || m[2] != string(e.Action) || m[1] != e.At.UTC().Format("20060102T150405Z") {
		return nil, fmt.Errorf("changed after it was written: its name says %s-%s-%s, but its content is %s-%s-%s",
			m[1], m[2], m[3], e.At.UTC().Format("20060102T150405Z"), e.Action, e.ID[:16])
	}
	return &e, nil
}
