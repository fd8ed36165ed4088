package clearance

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// Verify recomputes the whole ledger: every event's chain, the text and
// policy each one names, who acted and in what order, and signatures.
// It returns every problem found, each naming the event's file.
func (l *Ledger) Verify(p *Policy) content.Faults {
	var out content.Faults
	bad := func(e *Event, format string, args ...any) {
		out = append(out, content.Fault{File: e.File, Msg: fmt.Sprintf(format, args...)})
	}
	policies := map[string]*Policy{}
	for _, doc := range l.Docs() {
		events := l.byDoc[doc]
		for i, e := range events {
			l.verifyChain(e, i, events, bad)
			pol, err := l.policyAt(e.Policy, policies)
			if err != nil {
				bad(e, "%v", err)
				continue
			}
			l.verifyAct(e, events[:i], pol, bad)
			l.verifySignature(e, pol, p, bad)
			if e.Action == Submit {
				if err := l.verifyText(e); err != nil {
					bad(e, "%v", err)
				}
			}
		}
	}
	return out
}

func (l *Ledger) verifyChain(e *Event, i int, events []*Event, bad func(*Event, string, ...any)) {
	if e.Kind != events[0].Kind {
		bad(e, "says %s is a %s, but its first event says %s", e.Doc, e.Kind, events[0].Kind)
	}
	if e.Prev == "" {
		if i > 0 {
			bad(e, "starts the history of %s again: the events before it were removed or replaced", e.Doc)
		}
		return
	}
	prev, ok := l.byID[e.Prev]
	switch {
	case !ok:
		bad(e, "follows event %s…, which is missing: an event of %s was deleted or changed", e.Prev[:16], e.Doc)
	case prev.Doc != e.Doc:
		bad(e, "follows an event of %s, not of %s", prev.Doc, e.Doc)
	case prev.At.After(e.At):
		bad(e, "is dated %s, before the event it follows (%s): events were reordered", e.At.Format("2006-01-02 15:04:05"), prev.At.Format("2006-01-02 15:04:05"))
	}
}

// verifyAct checks an event against the policy it was made under and the
// events before it: the person was a member of the role, not the author,
// and the stages it waits for had approved.
func (l *Ledger) verifyAct(e *Event, before []*Event, pol *Policy, bad func(*Event, string, ...any)) {
	if e.Action != Approve && e.Action != RequestChanges && e.Action != Review {
		return
	}
	if !pol.IsMember(e.Role, e.By) {
		bad(e, "%s was not a member of the %s role under the policy of the time", e.By, e.Role)
	}
	if e.Action != Approve {
		return
	}
	if author := authorOf(before, e.Hash); author == "" {
		bad(e, "approves text that was never submitted")
	} else if !pol.AuthorMayApprove && strings.EqualFold(author, e.By) {
		bad(e, "%s approved their own work", e.By)
	}
	d := &Doc{ID: e.Doc, Kind: e.Kind}
	decided := decisions(before)[e.Hash]
	for _, s := range pol.Stages(d) {
		if s.Role == e.Role {
			if w := waiting(s, decided); len(w) > 0 {
				bad(e, "%s approved before %s, which it waits for", e.Role, strings.Join(w, " and "))
			}
		}
	}
}

func (l *Ledger) verifySignature(e *Event, pol, now *Policy, bad func(*Event, string, ...any)) {
	signers := now.Signatures.AllowedSigners
	switch {
	case e.Signature == "" && pol.Signatures.Required:
		bad(e, "is not signed, but the policy of the time required signatures")
	case e.Signature != "" && signers == "":
		// Signed, but this project no longer says whose keys to trust.
	case e.Signature != "":
		if err := verifySignature(filepath.Join(l.root, signers), e.By, e.payload(), e.Signature); err != nil {
			bad(e, "%v", err)
		}
	}
}

// verifyText checks the submitted text is on record with its hash.
func (l *Ledger) verifyText(e *Event) error {
	b, err := getObject(l.fsys, e.Hash)
	if err != nil || e.Kind == KindPage {
		return err
	}
	entries, err := parseManifest(b)
	if err != nil {
		return fmt.Errorf("%s: %v", objectPath(e.Hash), err)
	}
	for _, m := range entries {
		if _, err := getObject(l.fsys, m.hash); err != nil {
			return fmt.Errorf("%s of the issue: %v", m.file, err)
		}
	}
	return nil
}

// policyAt reads a policy that events name from the store.
func (l *Ledger) policyAt(hash string, seen map[string]*Policy) (*Policy, error) {
	if p, ok := seen[hash]; ok {
		return p, nil
	}
	b, err := getObject(l.fsys, hash)
	if err != nil {
		return nil, fmt.Errorf("the policy it was made under: %v", err)
	}
	var c content.Clearance
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("the policy it was made under, %s, cannot be read: %v", objectPath(hash), err)
	}
	p, err := NewPolicy(c)
	if err != nil {
		return nil, fmt.Errorf("the policy it was made under, %s, is not valid: %v", objectPath(hash), err)
	}
	seen[hash] = p
	return p, nil
}
