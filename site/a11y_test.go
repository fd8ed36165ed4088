package site_test

// These checks extend browser_test.go, whose helpers they share: they
// cover what a page audited straight after loading can miss.

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/plainpress/plainpress/internal/browsertest"
)

// axeSetup finds the tools, builds and serves the starter site, and starts
// a browser. It returns the browser, the axe-core source, the site's URL
// and its pages.
func axeSetup(t *testing.T) (context.Context, string, string, []string) {
	t.Helper()
	chromium, src := browsertest.Tools(t)
	base, pages := serveStarter(t)
	return browsertest.Start(t, chromium), src, base, pages
}

// TestSearchResultsAccessible audits the search page once search.js has
// fetched its index and listed results. TestAccessibility audits it on
// load, which may be before the list (its headings, links and summaries)
// exists.
func TestSearchResultsAccessible(t *testing.T) {
	ctx, axeSrc, base, _ := axeSetup(t)
	for _, q := range []string{"/search/?q=pay", "/es/search/?q=pago"} {
		vs, err := searchAudit(ctx, axeSrc, base+q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		browsertest.Report(t, q, vs)
	}
}

func searchAudit(ctx context.Context, axeSrc, url string) ([]browsertest.Violation, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS("#search-results ol li a")))
	if err != nil {
		return nil, err
	}
	return browsertest.AuditHere(ctx, axeSrc)
}

// TestPhoneAccessible audits every page at a phone's width, where the
// theme's narrow-screen rules apply, and checks that none scrolls
// sideways (WCAG 1.4.10 Reflow, which axe-core cannot test).
func TestPhoneAccessible(t *testing.T) {
	ctx, axeSrc, base, pages := axeSetup(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		vs, wide, err := phoneAudit(ctx, axeSrc, base+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if wide {
			t.Errorf("%s: scrolls sideways on a 375 px screen", p)
		}
		browsertest.Report(t, p+" (375 px)", vs)
	}
}

func phoneAudit(ctx context.Context, axeSrc, url string) ([]browsertest.Violation, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, false, err
	}
	// clientWidth, not window.innerWidth: on a phone, innerWidth grows
	// to fit content wider than the screen, so it would hide the overflow.
	fits, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= document.documentElement.clientWidth`))
	if err != nil {
		return nil, false, err
	}
	vs, err := browsertest.AuditHere(ctx, axeSrc)
	return vs, !fits, err
}

// TestScreenshots saves the home page at desktop and phone width into the
// folder named by PLAINPRESS_SCREENSHOTS, for a person to look over:
// axe-core cannot tell whether a layout looks right.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("PLAINPRESS_SCREENSHOTS")
	if dir == "" {
		t.Skip("set PLAINPRESS_SCREENSHOTS=dir to save screenshots of the home page")
	}
	ctx, _, base, _ := axeSetup(t)
	sizes := []struct {
		name string
		view chromedp.Action[chromedp.Void]
	}{
		{"shot-desktop.png", chromedp.EmulateViewport(1280, 900)},
		{"shot-phone.png", chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile)},
	}
	for _, s := range sizes {
		shot, err := screenshot(ctx, s.view, base+"/")
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.name), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func screenshot(ctx context.Context, view chromedp.Action[chromedp.Void], url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, view, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.FullScreenshot(100))
}
