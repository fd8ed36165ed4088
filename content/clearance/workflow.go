package clearance

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/plainpress/plainpress/content"
)

// Refused is an action the policy does not allow, with why: the ledger
// is unchanged.
type Refused struct{ Reason string }

func (r Refused) Error() string { return r.Reason }

func refuse(format string, args ...any) error { return Refused{fmt.Sprintf(format, args...)} }

// Request is one person's action on a document.
type Request struct {
	Doc     *Doc
	By      string // e-mail address
	Role    string // for approve, request-changes and review
	Comment string
	Now     time.Time
	Sign    Signer // nil: unsigned
}

// Act checks a request against the policy and the document's status
// and, if it is allowed, records it. Submitting keeps the exact text in
// the store first.
func (l *Ledger) Act(action Action, r Request, p *Policy) (*Event, error) {
	if a, err := mail.ParseAddress(r.By); err != nil || a.Address != r.By {
		return nil, fmt.Errorf("--as %q is not an e-mail address", r.By)
	}
	r.By = strings.ToLower(r.By)
	if p.Signatures.Required && r.Sign == nil {
		return nil, refuse("this project requires signed clearance events: give your SSH key with --sign-key (or PLAINPRESS_SIGNING_KEY)")
	}
	st := l.StatusOf(r.Doc, p, r.Now)
	check := map[Action]func(*Status, Request, *Policy) error{
		Submit: checkSubmit, Approve: checkApprove, RequestChanges: checkRequestChanges,
		Withdraw: checkWithdraw, Review: checkReview,
	}[action]
	if check == nil {
		return nil, fmt.Errorf("unknown action %q", action)
	}
	if err := check(st, r, p); err != nil {
		return nil, err
	}
	if action == Submit {
		if err := l.keep(r.Doc); err != nil {
			return nil, err
		}
	}
	e := &Event{Doc: r.Doc.ID, Kind: r.Doc.Kind, Action: action, Hash: r.Doc.Hash, Role: r.Role,
		By: r.By, At: r.Now.UTC().Truncate(time.Second), Comment: r.Comment}
	if err := l.append(e, p, r.Sign); err != nil {
		return nil, err
	}
	return e, nil
}

// keep stores the exact text of a document: a page, or an issue's files
// and the list of them.
func (l *Ledger) keep(d *Doc) error {
	for _, pg := range d.Pages {
		if _, err := putObject(l.root, content.NormalizeNewlines(pg.Source)); err != nil {
			return fmt.Errorf("keep %s: %w", pg.File, err)
		}
	}
	if d.Kind == KindIssue {
		if _, err := putObject(l.root, manifest(d.Pages)); err != nil {
			return fmt.Errorf("keep %s: %w", d.ID, err)
		}
	}
	return nil
}

func checkSubmit(st *Status, r Request, p *Policy) error {
	switch {
	case st.State.IsCleared():
		return refuse("%s is already cleared as it is: there is nothing new to submit", r.Doc.ID)
	case st.State == InReview:
		return refuse("%s is already in review as it is (submitted by %s on %s)", r.Doc.ID, st.Submitted.By, day(st.Submitted.At))
	case st.State == ChangesRequested:
		return refuse("%s has changes requested on this exact text: edit it, then submit again", r.Doc.ID)
	}
	return nil
}

func checkApprove(st *Status, r Request, p *Policy) error {
	if err := checkSubmitted(st, r); err != nil {
		return err
	}
	if !p.AuthorMayApprove && strings.EqualFold(st.Author, r.By) {
		return refuse("%s submitted this version of %s, and authors may not approve their own work: ask a %s reviewer (%s)",
			r.By, r.Doc.ID, r.Role, strings.Join(others(p.Members(r.Role), r.By), ", "))
	}
	if err := checkRole(r, p); err != nil {
		return err
	}
	for _, e := range st.Approvals {
		if e.Role == r.Role {
			return refuse("%s is already approved for %s by %s on %s", r.Doc.ID, r.Role, e.By, day(e.At))
		}
	}
	for _, n := range st.Needs {
		if n.Role == r.Role && len(n.WaitsFor) > 0 {
			return refuse("%s approves after %s, which has not approved %s yet", r.Role, strings.Join(n.WaitsFor, " and "), r.Doc.ID)
		}
	}
	return nil
}

func checkRequestChanges(st *Status, r Request, p *Policy) error {
	if strings.TrimSpace(r.Comment) == "" {
		return fmt.Errorf("say what to change with --comment")
	}
	return checkReviewable(st, r, p)
}

// checkReviewable: the text as it is now is the text under review, and
// the person may act for the role, which the document needs.
func checkReviewable(st *Status, r Request, p *Policy) error {
	if err := checkSubmitted(st, r); err != nil {
		return err
	}
	return checkRole(r, p)
}

// checkSubmitted: the text as it is now is the text under review.
func checkSubmitted(st *Status, r Request) error {
	switch {
	case st.Submitted == nil && st.State.IsCleared():
		return refuse("%s is already cleared", r.Doc.ID)
	case st.Submitted == nil:
		return refuse("%s is not submitted for clearance: its writer submits it first (plainpress clear submit %s)", r.Doc.ID, r.Doc.ID)
	case st.Submitted.Hash != r.Doc.Hash:
		return refuse("%s has changed since it was submitted on %s: the new text must be submitted before anyone approves it", r.Doc.ID, day(st.Submitted.At))
	}
	return nil
}

func checkRole(r Request, p *Policy) error {
	var roles []string
	for _, s := range p.Stages(r.Doc) {
		roles = append(roles, s.Role)
	}
	switch {
	case r.Role == "":
		return fmt.Errorf("say which role you act for with --role (%s needs: %s)", r.Doc.ID, strings.Join(roles, ", "))
	case !contains(roles, r.Role):
		return refuse("%s needs no %s approval: its stages are %s", r.Doc.ID, r.Role, strings.Join(roles, ", "))
	case !p.IsMember(r.Role, r.By):
		return refuse("%s is not a member of the %s role (its members: %s)", r.By, r.Role, strings.Join(p.Members(r.Role), ", "))
	}
	return nil
}

func checkWithdraw(st *Status, r Request, p *Policy) error {
	if st.Submitted == nil {
		return refuse("%s has no submission to withdraw", r.Doc.ID)
	}
	if !strings.EqualFold(st.Submitted.By, r.By) && !isReviewer(p, r.Doc, r.By) {
		return refuse("only the writer who submitted %s (%s) or one of its reviewers may withdraw it", r.Doc.ID, st.Submitted.By)
	}
	return nil
}

func checkReview(st *Status, r Request, p *Policy) error {
	if !st.State.IsCleared() {
		return refuse("%s is %s: only cleared text is reviewed (submit and approve changes instead)", r.Doc.ID, st.State)
	}
	return checkRole(r, p)
}

func isReviewer(p *Policy, d *Doc, who string) bool {
	for _, s := range p.Stages(d) {
		if p.IsMember(s.Role, who) {
			return true
		}
	}
	return false
}

func others(members []string, who string) []string {
	var out []string
	for _, m := range members {
		if !strings.EqualFold(m, who) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return []string{"the role has no one else: add a member in plainpress.yaml"}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// day is a date as reviewers read it in messages.
func day(t time.Time) string { return t.UTC().Format("2006-01-02") }
