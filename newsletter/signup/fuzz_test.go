package signup

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/plainpress/plainpress/newsletter"
)

// FuzzRequests sends whatever the fuzzer makes up to the service: it must
// never answer 5xx, never panic, and never store a row for a sign-up
// that it refused.
func FuzzRequests(f *testing.F) {
	f.Add("POST", "/subscribe", "application/x-www-form-urlencoded", "email=ana%40example.org")
	f.Add("POST", "/subscribe", "application/x-www-form-urlencoded", "email=a%0d%0aBcc:x@y.org&name=%ff")
	f.Add("GET", "/unsubscribe?token=x.y", "", "")
	f.Add("POST", "/unsubscribe?token=dW5zdWJzY3JpYmV8YXxw.AAAA", "multipart/form-data; boundary=b", "--b\r\n")
	f.Add("GET", "/confirm?token=%", "", "")
	fx := setup(f)
	fx.srv.PerClient = 1 << 30
	fx.srv.Mail = func(context.Context, string, string, []byte) error { return nil } // no SMTP server in a fuzz run
	f.Fuzz(func(t *testing.T, method, target, ctype, body string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t") {
			return
		}
		req, err := http.NewRequest(method, "http://service"+target, strings.NewReader(body))
		if err != nil {
			return
		}
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		rec := httptest.NewRecorder()
		fx.srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %q: %d\n%s", method, target, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && method == "POST" && strings.Contains(target, "subscribe") {
			email, _ := newsletter.CleanAddress(req.PostFormValue("email"))
			if email != "" {
				if _, err := fx.store.Get(context.Background(), email); err == nil && rec.Code != 429 {
					t.Fatalf("refused (%d) but stored %s", rec.Code, email)
				}
			}
		}
	})
}
