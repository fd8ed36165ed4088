package clearance

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/plainpress/plainpress/content"
)

// eventFiles are the ledger's event files, oldest first.
func (p *project) eventFiles() []string {
	p.t.Helper()
	files, _ := filepath.Glob(filepath.Join(p.dir, eventsDir, "*.json"))
	sort.Strings(files)
	return files
}

// problems opens and verifies the ledger, as clear verify does.
func (p *project) problems() string {
	p.t.Helper()
	l, faults, err := Open(p.dir)
	if err != nil {
		p.t.Fatal(err)
	}
	faults = append(faults, l.Verify(p.policy)...)
	return faults.Error()
}

func TestVerifyCatchesTampering(t *testing.T) {
	cases := map[string]struct {
		tamper func(p *project, files []string)
		want   string
	}{
		"edited": {func(p *project, files []string) {
			b, _ := os.ReadFile(files[1])
			os.WriteFile(files[1], []byte(strings.Replace(string(b), "pat@example.gov", "pam@example.gov", 1)), 0o644)
		}, "changed after it was written"},
		"deleted from the middle": {func(p *project, files []string) {
			os.Remove(files[1])
		}, "which is missing: an event of content/en/apply.md was deleted or changed"},
		"reordered by renaming": {func(p *project, files []string) {
			a, b := files[1], files[2]
			os.Rename(a, a+".tmp")
			os.Rename(b, a)
			os.Rename(a+".tmp", b)
		}, "changed after it was written"},
		"redated and rehashed": {func(p *project, files []string) {
			// A careful forger rewrites an event whole, with a name to match:
			// the next event's link to it breaks.
			b, _ := os.ReadFile(files[1])
			forged := []byte(strings.Replace(string(b), "T11:00:00Z", "T10:30:00Z", 1))
			var ev Event
			if err := json.Unmarshal(forged, &ev); err != nil {
				p.t.Fatal(err)
			}
			os.Remove(files[1])
			os.WriteFile(filepath.Join(p.dir, filepath.FromSlash(fileName(&ev, hashOf(forged)))), forged, 0o644)
		}, "which is missing"},
		"object changed": {func(p *project, files []string) {
			objs, _ := filepath.Glob(filepath.Join(p.dir, objectsDir, "*", "*"))
			for _, o := range objs {
				b, _ := os.ReadFile(o)
				if strings.Contains(string(b), "You can apply") {
					os.WriteFile(o, []byte(strings.Replace(string(b), "online", "by fax", 1)), 0o644)
				}
			}
		}, "was changed: its content no longer has its hash"},
		"not json": {func(p *project, files []string) {
			os.WriteFile(files[0], []byte("{not json"), 0o644)
		}, "not a clearance event"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := newProject(t)
			p.clearApply()
			p.load()
			if got := p.problems(); got != "" {
				t.Fatalf("before tampering: %s", got)
			}
			c.tamper(p, p.eventFiles())
			if got := p.problems(); !strings.Contains(got, c.want) {
				t.Fatalf("want %q, got %q", c.want, got)
			}
		})
	}
}

// TestVerifyReplaysThePolicy: an event written by hand that the policy
// never allowed (the author approving their own work) is caught.
func TestVerifyReplaysThePolicy(t *testing.T) {
	p := newProject(t)
	p.must(Submit, "content/en/apply.md", "pat@example.gov", "")
	l, d := p.doc("content/en/apply.md")
	e := &Event{Doc: d.ID, Kind: d.Kind, Action: Approve, Hash: d.Hash, Role: "program", By: "pat@example.gov", At: p.now.Add(time.Hour)}
	if err := l.append(e, p.policy, nil); err != nil {
		t.Fatal(err)
	}
	if got := p.problems(); !strings.Contains(got, "pat@example.gov approved their own work") {
		t.Fatalf("got %q", got)
	}
}

func TestGitCatchesADeletedHead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is missing in CI: .ci/run installs it")
		}
		t.Skip("no git")
	}
	p := newProject(t)
	p.clearApply()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", p.dir, "-c", "user.email=t@example.gov", "-c", "user.name=T"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "cleared")
	if faults, ok := GitProblems(p.dir); !ok || len(faults) > 0 {
		t.Fatalf("clean repository: %v %v", ok, faults)
	}
	files := p.eventFiles()
	last := files[len(files)-1]
	os.Remove(last) // the newest event: no later event names it
	faults, _ := GitProblems(p.dir)
	if len(faults) != 1 || !strings.Contains(faults[0].Msg, "was deleted after it was committed") || faults[0].File != eventsDir+"/"+filepath.Base(last) {
		t.Fatalf("deleted, not committed: %v", faults)
	}
	git("commit", "-q", "-am", "drop an approval")
	faults, _ = GitProblems(p.dir)
	if len(faults) != 1 || !strings.Contains(faults[0].Msg, "was deleted in commit") {
		t.Fatalf("deleted in a commit: %v", faults)
	}
	_ = content.Faults(faults)
}

func TestSignedEvents(t *testing.T) {
	if _, err := exec.LookPath("ssh-keygen"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("ssh-keygen is missing in CI: .ci/run installs openssh-client")
		}
		t.Skip("no ssh-keygen (openssh-client)")
	}
	p := newProject(t)
	key := filepath.Join(p.dir, "key")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lee", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	pub, _ := os.ReadFile(key + ".pub")
	p.write("clearance/allowed_signers", "wes@example.gov "+string(pub))
	p.write("plainpress.yaml", testConfig+"  signatures: {allowedSigners: clearance/allowed_signers, required: true}\n")
	l, d := p.doc("content/en/apply.md")
	if _, err := l.Act(Submit, Request{Doc: d, By: "wes@example.gov", Now: p.now}, p.policy); err == nil {
		t.Fatal("unsigned, with signatures required: want a refusal")
	}
	if _, err := l.Act(Submit, Request{Doc: d, By: "wes@example.gov", Now: p.now, Sign: SSHSigner(key)}, p.policy); err != nil {
		t.Fatal(err)
	}
	if got := p.problems(); got != "" {
		t.Fatalf("signed by an allowed key: %s", got)
	}
	// The same key signing as someone else is not accepted.
	p.write("clearance/allowed_signers", "other@example.gov "+string(pub))
	if got := p.problems(); !strings.Contains(got, "the signature is not wes@example.gov's") {
		t.Fatalf("got %q", got)
	}
}
