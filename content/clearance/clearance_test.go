package clearance

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plainpress/plainpress/content"
)

const testConfig = `title: Test
baseURL: https://example.gov/
languages: [{code: en, name: English}]
clearance:
  roles:
    program: [pat@example.gov, pam@example.gov]
    legal: [lee@example.gov]
    comms: [cam@example.gov]
  pages:
    - {role: program}
    - {role: legal, after: [program]}
    - {role: comms, after: [program]}
  reviewEvery: 6 months
`

// project is a test project on disk, loaded as the commands load it.
type project struct {
	t      *testing.T
	dir    string
	policy *Policy
	now    time.Time
}

func newProject(t *testing.T) *project {
	t.Helper()
	p := &project{t: t, dir: t.TempDir(), now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	p.write("plainpress.yaml", testConfig)
	p.write("content/en/_index.md", "---\ntitle: Home\ndescription: Home.\n---\nWelcome.\n")
	p.write("content/en/apply.md", "---\ntitle: Apply\ndescription: How to apply.\n---\nYou can apply online.\n")
	p.write("content/en/newsletter/_index.md", "---\ntitle: News\ndescription: Our newsletter.\n---\n")
	p.write("content/en/newsletter/2026-03/index.md", "---\ntitle: March\ndescription: The March issue.\ndate: 2026-03-01\n---\nHello.\n")
	p.write("content/en/newsletter/2026-03/01-taxes.md", "---\ntitle: Taxes\ndescription: Tax time.\n---\nFile early.\n")
	return p
}

func (p *project) write(name, text string) {
	p.t.Helper()
	full := filepath.Join(p.dir, name)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// load reads the project and its ledger as they are now.
func (p *project) load() (*Ledger, []*Doc) {
	p.t.Helper()
	proj, err := content.Load(os.DirFS(p.dir))
	if err != nil {
		p.t.Fatal(err)
	}
	if p.policy, err = NewPolicy(proj.Config.Clearance); err != nil {
		p.t.Fatal(err)
	}
	l, faults, err := Open(p.dir)
	if err != nil || len(faults) > 0 {
		p.t.Fatalf("open: %v %v", err, faults)
	}
	return l, Docs(proj)
}

func (p *project) doc(id string) (*Ledger, *Doc) {
	p.t.Helper()
	l, docs := p.load()
	d, ok := Find(docs, id)
	if !ok {
		p.t.Fatalf("no document %s", id)
	}
	return l, d
}

// act does an action and moves the clock on an hour.
func (p *project) act(a Action, id, by, role string) error {
	p.t.Helper()
	l, d := p.doc(id)
	p.now = p.now.Add(time.Hour)
	_, err := l.Act(a, Request{Doc: d, By: by, Role: role, Comment: "ok", Now: p.now}, p.policy)
	return err
}

func (p *project) must(a Action, id, by, role string) {
	p.t.Helper()
	if err := p.act(a, id, by, role); err != nil {
		p.t.Fatalf("%s %s by %s: %v", a, id, by, err)
	}
}

func (p *project) state(id string) State {
	p.t.Helper()
	l, d := p.doc(id)
	return l.StatusOf(d, p.policy, p.now).State
}

func (p *project) clearApply() {
	p.must(Submit, "content/en/apply.md", "wes@example.gov", "")
	p.must(Approve, "content/en/apply.md", "pat@example.gov", "program")
	p.must(Approve, "content/en/apply.md", "lee@example.gov", "legal")
	p.must(Approve, "content/en/apply.md", "cam@example.gov", "comms")
}

func TestStatusFollowsTheWorkflow(t *testing.T) {
	p := newProject(t)
	const apply = "content/en/apply.md"
	if s := p.state(apply); s != Draft {
		t.Fatalf("new page: %s", s)
	}
	p.must(Submit, apply, "wes@example.gov", "")
	if s := p.state(apply); s != InReview {
		t.Fatalf("submitted: %s", s)
	}
	p.must(Approve, apply, "pat@example.gov", "program")
	p.must(RequestChanges, apply, "lee@example.gov", "legal")
	if s := p.state(apply); s != ChangesRequested {
		t.Fatalf("changes requested: %s", s)
	}
	p.write(apply, "---\ntitle: Apply\ndescription: How to apply.\n---\nYou can apply online or by mail.\n")
	if s := p.state(apply); s != Stale {
		t.Fatalf("edited after submitting: %s", s)
	}
	p.clearApply()
	if s := p.state(apply); s != Cleared {
		t.Fatalf("all approved: %s", s)
	}
	// Saving the same text again changes nothing; a real edit makes it stale.
	p.write(apply, "---\r\ntitle: Apply\r\ndescription: How to apply.\r\n---\r\nYou can apply online or by mail.\r\n")
	if s := p.state(apply); s != Cleared {
		t.Fatalf("same text with CRLF: %s", s)
	}
	p.write(apply, "---\ntitle: Apply\ndescription: How to apply.\n---\nApply online.\n")
	if s := p.state(apply); s != Stale {
		t.Fatalf("edited after clearing: %s", s)
	}
	l, d := p.doc(apply)
	st := l.StatusOf(d, p.policy, p.now)
	if st.Cleared == "" || st.Cleared == d.Hash {
		t.Fatalf("the cleared version should be the earlier text: %+v", st)
	}
	// Six months on, the cleared version is due for review.
	p.write(apply, "---\ntitle: Apply\ndescription: How to apply.\n---\nYou can apply online or by mail.\n")
	p.now = p.now.AddDate(0, 6, 1)
	if s := p.state(apply); s != ReviewDue {
		t.Fatalf("after the review interval: %s", s)
	}
	p.must(Review, apply, "lee@example.gov", "legal")
	if s := p.state(apply); s != Cleared {
		t.Fatalf("after a review: %s", s)
	}
}

func TestRefusals(t *testing.T) {
	p := newProject(t)
	const apply = "content/en/apply.md"
	wantRefused := func(err error, want string) {
		t.Helper()
		var r Refused
		if !errors.As(err, &r) || !strings.Contains(r.Reason, want) {
			t.Fatalf("got %v, want a refusal saying %q", err, want)
		}
	}
	wantRefused(p.act(Approve, apply, "pat@example.gov", "program"), "not submitted")
	p.must(Submit, apply, "pat@example.gov", "")
	wantRefused(p.act(Submit, apply, "pat@example.gov", ""), "already in review")
	wantRefused(p.act(Approve, apply, "pat@example.gov", "program"), "authors may not approve their own work")
	wantRefused(p.act(Approve, apply, "lee@example.gov", "program"), "not a member of the program role")
	wantRefused(p.act(Approve, apply, "lee@example.gov", "legal"), "legal approves after program")
	wantRefused(p.act(Approve, apply, "lee@example.gov", "web"), "needs no web approval")
	p.must(Approve, apply, "pam@example.gov", "program")
	wantRefused(p.act(Approve, apply, "pam@example.gov", "program"), "already approved for program")
	if err := p.act(Approve, apply, "not an address", "legal"); err == nil || !strings.Contains(err.Error(), "not an e-mail address") {
		t.Fatalf("bad address: %v", err)
	}
	p.write(apply, "---\ntitle: Apply\ndescription: How to apply.\n---\nChanged.\n")
	wantRefused(p.act(Approve, apply, "lee@example.gov", "legal"), "changed since it was submitted")
}

func TestIssueIsOneBundle(t *testing.T) {
	p := newProject(t)
	const issue = "content/en/newsletter/2026-03/"
	if _, d := p.doc("content/en/newsletter/2026-03/01-taxes.md"); d.ID != issue || len(d.Pages) != 2 {
		t.Fatalf("an article belongs to its issue: %+v", d)
	}
	p.must(Submit, issue, "wes@example.gov", "")
	p.must(Approve, issue, "pat@example.gov", "program")
	p.must(Approve, issue, "lee@example.gov", "legal")
	p.must(Approve, issue, "cam@example.gov", "comms")
	if s := p.state(issue); s != Cleared {
		t.Fatalf("issue: %s", s)
	}
	p.write("content/en/newsletter/2026-03/01-taxes.md", "---\ntitle: Taxes\ndescription: Tax time.\n---\nFile in April.\n")
	if s := p.state(issue); s != Stale {
		t.Fatalf("an article edited: %s", s)
	}
	// A production build shows the article as cleared, and leaves out a new one.
	p.write("content/en/newsletter/2026-03/02-new.md", "---\ntitle: New\ndescription: New.\n---\nNew.\n")
	pub := p.publish()
	b, err := fs.ReadFile(pub.FS, "content/en/newsletter/2026-03/01-taxes.md")
	if err != nil || !strings.Contains(string(b), "File early.") {
		t.Fatalf("cleared article: %q %v", b, err)
	}
	if _, err := fs.Stat(pub.FS, "content/en/newsletter/2026-03/02-new.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("an article added since clearing should be left out: %v", err)
	}
}

func (p *project) publish() *Published {
	p.t.Helper()
	l, docs := p.load()
	pub, err := l.Publish(os.DirFS(p.dir), l.Statuses(docs, p.policy, p.now))
	if err != nil {
		p.t.Fatal(err)
	}
	return pub
}

func TestPublishShowsClearedText(t *testing.T) {
	p := newProject(t)
	p.clearApply()
	p.write("content/en/apply.md", "---\ntitle: Apply\ndescription: How to apply.\n---\nNot cleared yet.\n")
	pub := p.publish()
	proj, err := content.Load(pub.FS)
	if err != nil {
		t.Fatal(err)
	}
	pg := proj.Page("en", "apply.md")
	if pg == nil || !strings.Contains(string(pg.Body), "You can apply online.") {
		t.Fatalf("want the cleared text, got %v", pg)
	}
	if proj.Home("en") != nil || pub.Withheld["content/en/_index.md"] != Draft {
		t.Fatalf("a page never cleared is left out: %v", pub.Withheld)
	}
}

func TestPolicyFaults(t *testing.T) {
	cases := map[string]content.Clearance{
		`clearance.pages[1]: unknown role "legl"`: {Roles: map[string][]string{"program": {"a@b.gov"}},
			Pages: []content.Stage{{Role: "program"}, {Role: "legl"}}},
		`clearance.pages[1].after: no stage "legal"`: {Roles: map[string][]string{"program": {"a@b.gov"}, "comms": {"c@b.gov"}},
			Pages: []content.Stage{{Role: "program"}, {Role: "comms", After: []string{"legal"}}}},
		`in a loop (program → comms → program)`: {Roles: map[string][]string{"program": {"a@b.gov"}, "comms": {"c@b.gov"}},
			Pages: []content.Stage{{Role: "program", After: []string{"comms"}}, {Role: "comms", After: []string{"program"}}}},
		`"someone" is not an e-mail address`: {Roles: map[string][]string{"program": {"someone"}}, Pages: []content.Stage{{Role: "program"}}},
		`reviewEvery: "a while"`:             {Roles: map[string][]string{"program": {"a@b.gov"}}, Pages: []content.Stage{{Role: "program"}}, ReviewEvery: "a while"},
		`clearance.pages: no stages`:         {Roles: map[string][]string{"program": {"a@b.gov"}}},
	}
	for want, c := range cases {
		_, err := NewPolicy(c)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want a fault saying %q, got %v", want, err)
		}
		if f, ok := content.AsFaults(err); !ok || f[0].File != content.ConfigFile {
			t.Errorf("%q: faults should name plainpress.yaml: %v", want, err)
		}
	}
}
