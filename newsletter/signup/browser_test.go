package signup

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/plainpress/plainpress/internal/browsertest"
)

// TestInABrowser signs up, confirms and unsubscribes with a real
// browser (Debian's chromium), as a parent would, and audits each page
// with axe-core (WCAG 2.1 A and AA), in English and Spanish, at a
// desktop width and a phone's.
func TestInABrowser(t *testing.T) {
	chromium, axeSrc := browsertest.Tools(t)
	f := setup(t)
	f.srv.PerClient = 100
	ctx := browsertest.Start(t, chromium)
	audit := func(what string) {
		t.Helper()
		vs, err := browsertest.AuditHere(ctx, axeSrc)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		browsertest.Report(t, what, vs)
	}
	text := func() string {
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, width := range []int64{1280, 375} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "es"} {
			step := func(s string) string { return fmt.Sprintf("%s, %s, %d px", s, lang, width) }
			email := lang + strings.Repeat("x", int(width%7)) + "@example.org"
			ctx2, cancel := context.WithTimeout(ctx, 30*time.Second)
			// A mistake first: the form says what is wrong, at the field.
			err := chromedp.Do(ctx2,
				chromedp.Navigate(f.http.URL+"/subscribe?lang="+lang),
				chromedp.SendKeys(chromedp.CSS("#email"), "not an address"),
				chromedp.Click(chromedp.CSS("button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS("#email-error")))
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", step("error"), err)
			}
			audit(step("form with an error"))
			ctx2, cancel = context.WithTimeout(ctx, 30*time.Second)
			err = chromedp.Do(ctx2,
				chromedp.SetValue(chromedp.CSS("#email"), email),
				chromedp.SendKeys(chromedp.CSS("#name"), "Pat"),
				chromedp.Click(chromedp.CSS("button[type=submit]")),
				chromedp.WaitNotPresent(chromedp.CSS("#email")))
			cancel()
			if err != nil {
				t.Fatalf("%s: %v", step("sign up"), err)
			}
			if !strings.Contains(text(), email) {
				t.Fatalf("%s: the page does not name %s: %s", step("check e-mail"), email, text())
			}
			audit(step("check your e-mail"))

			body, _ := f.mailBody(t, f.smtp.Count()-1)
			link := linkRE.FindString(body)
			if link == "" {
				t.Fatalf("no link in the e-mail:\n%s", body)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(link)); err != nil {
				t.Fatal(err)
			}
			audit(step("confirmed"))

			unsub := f.tokens.UnsubscribeURL(f.http.URL, email) + "&lang=" + lang
			ctx2, cancel = context.WithTimeout(ctx, 30*time.Second)
			err = chromedp.Do(ctx2, chromedp.Navigate(unsub), chromedp.WaitVisible(chromedp.CSS("form button")))
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			audit(step("unsubscribe button"))
			ctx2, cancel = context.WithTimeout(ctx, 30*time.Second)
			err = chromedp.Do(ctx2, chromedp.Click(chromedp.CSS("form button")), chromedp.WaitNotPresent(chromedp.CSS("form button")))
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			audit(step("unsubscribed"))
			if sub, _ := f.store.Get(context.Background(), email); sub.Status != "unsubscribed" {
				t.Fatalf("%s: %s is %s after the button", step("unsubscribed"), email, sub.Status)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(f.http.URL+"/confirm?lang="+lang+"&token="+url.QueryEscape("nope"))); err != nil {
				t.Fatal(err)
			}
			audit(step("a bad link"))
		}
	}
}
