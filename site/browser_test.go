package site_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/browsertest"
	"github.com/plainpress/plainpress/site"
)

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

// TestAccessibility runs axe-core (WCAG 2.1 AA) on every page of the
// built starter site in a real Chromium.
func TestAccessibility(t *testing.T) {
	chromium, axeSrc := browsertest.Tools(t)
	base, pages := serveStarter(t)
	ctx := browsertest.Start(t, chromium)
	if len(pages) < 20 && os.Getenv("PLAINPRESS_A11Y_PROJECT") == "" {
		t.Fatalf("only %d pages in the starter site", len(pages))
	}
	for _, p := range append(pages, "/search/?q=pay", "/es/search/?q=pago") {
		vs, err := browsertest.Audit(ctx, axeSrc, base+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		browsertest.Report(t, p, vs)
	}
	t.Logf("checked %d pages", len(pages)+2)
}
