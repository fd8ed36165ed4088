// Package browsertest drives Debian's Chromium with axe-core for tests:
// the site's pages and the report are checked in a real browser, for
// WCAG 2.1 AA.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Tools finds Chromium and axe-core's source. Locally the test skips
// without them, saying how to install them; in CI it fails instead, so
// the check can never quietly stop running.
func Tools(t *testing.T) (chromium, axeSrc string) {
	t.Helper()
	chromium = os.Getenv("PLAINPRESS_CHROMIUM")
	if chromium == "" {
		chromium, _ = exec.LookPath("chromium")
	}
	if _, err := os.Stat("/usr/bin/chromium"); chromium == "" && err == nil {
		chromium = "/usr/bin/chromium"
	}
	axe := os.Getenv("PLAINPRESS_AXE")
	if axe == "" {
		axe = findUp("node_modules/axe-core/axe.min.js")
	}
	var missing []string
	if chromium == "" {
		missing = append(missing, "chromium (apt-get update && apt-get install chromium)")
	}
	src, err := os.ReadFile(axe)
	if axe == "" || err != nil {
		missing = append(missing, "axe-core (npm install --prefix /tmp/axe axe-core; PLAINPRESS_AXE=/tmp/axe/node_modules/axe-core/axe.min.js)")
	}
	if len(missing) > 0 {
		msg := "the browser test needs " + strings.Join(missing, " and ")
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return chromium, string(src)
}

func findUp(rel string) string {
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
		dir = filepath.Dir(dir)
	}
}

// Start starts one headless Chromium for the test.
func Start(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser, with no timeout on it
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Violation is the part of an axe-core result a writer needs to fix it.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
	.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => ({target: n.target, html: n.html}))})))`

// Audit loads a page, runs axe-core on it, and returns its violations.
func Audit(ctx context.Context, axeSrc, url string) ([]Violation, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	return AuditHere(ctx, axeSrc)
}

// AuditHere runs axe-core on the page the tab already shows, as it is
// now: after a script has changed it, or at another screen size.
func AuditHere(ctx context.Context, axeSrc string) ([]Violation, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSrc)); err != nil {
		return nil, fmt.Errorf("load axe: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]Violation](axeRun, chromedp.EvalAwaitPromise))
}

// Report fails the test once per violation, with where it is.
func Report(t *testing.T, url string, vs []Violation) {
	t.Helper()
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("%v %s", n.Target, n.HTML))
		}
		t.Errorf("%s: %s (%s): %s\n    %s", url, v.ID, v.Impact, v.Help, strings.Join(where, "\n    "))
	}
}
