package dashboard_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/content/clearance"
	"github.com/plainpress/plainpress/dashboard"
	"github.com/plainpress/plainpress/internal/browsertest"
	"github.com/plainpress/plainpress/lint"
)

// starterReport writes the starter project to a folder and makes its
// dashboard, as plainpress report does.
func starterReport(t *testing.T) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	if err := content.WriteStarter(dir, false); err != nil {
		t.Fatal(err)
	}
	proj, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	settings, err := lint.NewSettings(proj.Config.Lint)
	if err != nil {
		t.Fatal(err)
	}
	policy, err := clearance.NewPolicy(proj.Config.Clearance)
	if err != nil {
		t.Fatal(err)
	}
	ledger, faults, err := clearance.Open(dir)
	if err != nil || len(faults) > 0 {
		t.Fatal(err, faults)
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	in := dashboard.Input{Project: proj, Lint: lint.NewReport(settings.Project(proj.Pages, nil)), Target: 8,
		Policy: policy, Statuses: ledger.Statuses(clearance.Docs(proj), policy, now), Now: now}
	var buf bytes.Buffer
	if err := dashboard.Write(&buf, dashboard.New(in)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report.html")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out, buf.Bytes()
}

func TestReportOfTheStarter(t *testing.T) {
	_, html := starterReport(t)
	s := string(html)
	for _, want := range []string{
		`<title id="grade-title">Reading grade of each page</title>`,
		`<title id="queue-title">Clearance queue by stage</title>`,
		`legal: 1 now, 0 waiting`, `communications: 0 now, 1 waiting`, `writers: 1 now, 0 waiting`,
		`<strong>31</strong> <span class="state state-cleared">cleared</span>`,
		`<td class="state state-changes-requested">changes requested</td>`,
		`content/en/employers/new-hires.md</span></td><td>2025-12-10</td><td>2026-12-10</td>`,
		`<a href="https://childsupport.example.gov/es/pay/">`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the report lacks %s", want)
		}
	}
	// Every page is in the table, drafts and all, so a reviewer can find it.
	if n := len(regexp.MustCompile(`<tr><td><a href=`).FindAllString(s, -1)); n != 42+3 {
		t.Errorf("%d linked rows, want 42 pages and 3 reviews due", n)
	}
	if strings.Contains(s, "<script") {
		t.Error("the report must not need scripts")
	}
}

// TestReportAccessible opens the report in Chromium and runs axe-core on it.
func TestReportAccessible(t *testing.T) {
	chromium, axe := browsertest.Tools(t)
	file, _ := starterReport(t)
	ctx := browsertest.Start(t, chromium)
	vs, err := browsertest.Audit(ctx, axe, "file://"+file)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Report(t, "report.html", vs)
}
