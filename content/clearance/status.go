package clearance

import (
	"time"

	"github.com/plainpress/plainpress/content"
)

// State is where a document is in clearance. It is derived from the
// ledger and the content as it is now, never stored.
type State string

const (
	Draft            State = "draft"             // never submitted, or withdrawn
	InReview         State = "in-review"         // submitted; approvals missing
	ChangesRequested State = "changes-requested" // a reviewer sent it back
	Stale            State = "stale"             // the text differs from the version submitted or cleared
	Cleared          State = "cleared"           // every stage approved this exact text
	ReviewDue        State = "review-due"        // cleared, but the review interval has passed
)

// IsCleared is true for text the public may see.
func (s State) IsCleared() bool { return s == Cleared || s == ReviewDue }

// Status is a document's clearance, worked out.
type Status struct {
	Doc       *Doc
	State     State
	Submitted *Event // the submission under review, if any
	Author    string // who submitted the version under review (or last cleared)
	// Cleared is the hash of the newest version every stage approved ("" if
	// none): the version a production build publishes.
	Cleared    string
	ClearedAt  time.Time
	Reviewed   time.Time // when Cleared was cleared or last reviewed
	NextReview time.Time
	Approvals  []*Event // approvals of the text as it is now
	Changes    []*Event // requests for changes to the text as it is now
	Needs      []Need   // stages still to approve the text as it is now
}

// Need is a stage still to approve: its role, who may approve, and the
// stages it waits for (none: it can approve now).
type Need struct {
	Role      string   `json:"role"`
	Approvers []string `json:"approvers"`
	WaitsFor  []string `json:"waitsFor,omitempty"`
}

// versions are the decisions on each hash of a document: per role, the
// newest approve or request-changes.
type versions map[string]map[string]*Event

func decisions(events []*Event) versions {
	v := versions{}
	for _, e := range events {
		if e.Action != Approve && e.Action != RequestChanges {
			continue
		}
		if v[e.Hash] == nil {
			v[e.Hash] = map[string]*Event{}
		}
		v[e.Hash][e.Role] = e
	}
	return v
}

// clearedAt is when every stage approved hash, or zero.
func (v versions) clearedAt(hash string, stages []content.Stage) time.Time {
	var last time.Time
	for _, s := range stages {
		e := v[hash][s.Role]
		if e == nil || e.Action != Approve {
			return time.Time{}
		}
		if e.At.After(last) {
			last = e.At
		}
	}
	return last
}

// StatusOf works out a document's status at a time.
func (l *Ledger) StatusOf(d *Doc, p *Policy, now time.Time) *Status {
	events := l.byDoc[d.ID]
	stages := p.Stages(d)
	v := decisions(events)
	st := &Status{Doc: d}
	for _, e := range events {
		switch e.Action {
		case Submit:
			st.Submitted = e
		case Withdraw:
			st.Submitted = nil
		}
		if e.Action == Approve {
			if at := v.clearedAt(e.Hash, stages); !at.IsZero() && !at.Before(st.ClearedAt) {
				st.Cleared, st.ClearedAt = e.Hash, at
			}
		}
	}
	if st.Cleared != "" {
		st.Reviewed = st.ClearedAt
		for _, e := range events {
			if e.Action == Review && e.Hash == st.Cleared && e.At.After(st.Reviewed) {
				st.Reviewed = e.At
			}
		}
		st.NextReview = p.ReviewEvery.From(st.Reviewed)
	}
	for _, s := range stages {
		e := v[d.Hash][s.Role]
		switch {
		case e != nil && e.Action == Approve:
			st.Approvals = append(st.Approvals, e)
		case e != nil:
			st.Changes = append(st.Changes, e)
			fallthrough
		default:
			st.Needs = append(st.Needs, Need{Role: s.Role, Approvers: p.Members(s.Role), WaitsFor: waiting(s, v[d.Hash])})
		}
	}
	st.Author = authorOf(events, d.Hash)
	switch {
	case st.Cleared == d.Hash && !now.Before(st.NextReview):
		st.State = ReviewDue
	case st.Cleared == d.Hash:
		st.State = Cleared
	case st.Submitted != nil && st.Submitted.Hash == d.Hash && len(st.Changes) > 0:
		st.State = ChangesRequested
	case st.Submitted != nil && st.Submitted.Hash == d.Hash:
		st.State = InReview
	case st.Submitted != nil || st.Cleared != "":
		st.State = Stale
	default:
		st.State = Draft
	}
	return st
}

// waiting lists the stages s waits for that have not approved.
func waiting(s content.Stage, decided map[string]*Event) []string {
	var out []string
	for _, a := range s.After {
		if e := decided[a]; e == nil || e.Action != Approve {
			out = append(out, a)
		}
	}
	return out
}

// authorOf is who submitted a version: the newest submitter of hash.
func authorOf(events []*Event, hash string) string {
	author := ""
	for _, e := range events {
		if e.Action == Submit && e.Hash == hash {
			author = e.By
		}
	}
	return author
}

// Statuses works out every document's status.
func (l *Ledger) Statuses(docs []*Doc, p *Policy, now time.Time) []*Status {
	out := make([]*Status, len(docs))
	for i, d := range docs {
		out[i] = l.StatusOf(d, p, now)
	}
	return out
}
