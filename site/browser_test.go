package site_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/site"
)

// browserTools finds Chromium and axe-core. Locally the test skips
// without them, saying how to install them; in CI it fails instead, so
// the check can never quietly stop running.
func browserTools(t *testing.T) (chromium, axe string) {
	t.Helper()
	chromium = os.Getenv("PLAINPRESS_CHROMIUM")
	if chromium == "" {
		chromium, _ = exec.LookPath("chromium")
	}
	if _, err := os.Stat("/usr/bin/chromium"); chromium == "" && err == nil {
		chromium = "/usr/bin/chromium"
	}
	axe = os.Getenv("PLAINPRESS_AXE")
	if axe == "" {
		axe = findUp("node_modules/axe-core/axe.min.js")
	}
	var missing []string
	if chromium == "" {
		missing = append(missing, "chromium (apt-get update && apt-get install chromium)")
	}
	if _, err := os.Stat(axe); axe == "" || err != nil {
		missing = append(missing, "axe-core (npm install --prefix /tmp/axe axe-core; PLAINPRESS_AXE=/tmp/axe/node_modules/axe-core/axe.min.js)")
	}
	if len(missing) > 0 {
		msg := "the browser test needs " + strings.Join(missing, " and ")
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return chromium, axe
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

// serveStarter builds the starter project (or the project named by
// PLAINPRESS_A11Y_PROJECT, to check your own site) into a folder and
// serves it on loopback. It returns the server's URL and the HTML pages.
func serveStarter(t *testing.T) (string, []string) {
	t.Helper()
	fsys := content.Starter()
	if dir := os.Getenv("PLAINPRESS_A11Y_PROJECT"); dir != "" {
		fsys = os.DirFS(dir)
	}
	proj, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	res, err := site.BuildDir(context.Background(), proj, dir, site.Options{})
	if err != nil || res.Failed() {
		t.Fatalf("starter build: %v %v", err, res.Problems)
	}
	var pages []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			b, _ := os.ReadFile(p)
			if !strings.Contains(string(b), `http-equiv="refresh"`) { // alias redirects
				rel, _ := filepath.Rel(dir, p)
				pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
			}
		}
		return nil
	})
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL, pages
}

// browser starts one headless Chromium for the test.
func browser(t *testing.T, chromium string) context.Context {
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

// violation is the part of an axe-core result a writer needs to fix it.
type violation struct {
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

// audit loads a page, runs axe-core on it, and returns its violations.
func audit(ctx context.Context, axeSrc, url string) ([]violation, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSrc)); err != nil {
		return nil, fmt.Errorf("load axe: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[[]violation](axeRun, chromedp.EvalAwaitPromise))
}

func report(t *testing.T, url string, vs []violation) {
	t.Helper()
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("%v %s", n.Target, n.HTML))
		}
		t.Errorf("%s: %s (%s): %s\n    %s", url, v.ID, v.Impact, v.Help, strings.Join(where, "\n    "))
	}
}

// TestAccessibility runs axe-core (WCAG 2.1 AA) on every page of the
// built starter site in a real Chromium.
func TestAccessibility(t *testing.T) {
	chromium, axePath := browserTools(t)
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	base, pages := serveStarter(t)
	ctx := browser(t, chromium)
	if len(pages) < 20 && os.Getenv("PLAINPRESS_A11Y_PROJECT") == "" {
		t.Fatalf("only %d pages in the starter site", len(pages))
	}
	for _, p := range append(pages, "/search/?q=pay", "/es/search/?q=pago") {
		vs, err := audit(ctx, string(axeSrc), base+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		report(t, p, vs)
	}
	t.Logf("checked %d pages", len(pages)+2)
}
