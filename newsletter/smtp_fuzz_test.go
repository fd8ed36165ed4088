package newsletter

import (
	"strings"
	"testing"
)

// FuzzParseSMTP: any text gives an address or an error, never a panic,
// and an error never shows the password.
func FuzzParseSMTP(f *testing.F) {
	for _, s := range []string{"smtp://127.0.0.1:25", "smtps://u:secretpw@h", "smtp+starttls://u@h:587", "smtp://[::1]:25", "smtp://h:0", "%", "smtp://u:secretpw@h:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s, err := ParseSMTP(raw)
		if err != nil {
			if strings.Contains(raw, ":secretpw@") && strings.Contains(err.Error(), "secretpw") {
				t.Fatalf("the error shows the password: %v", err)
			}
			return
		}
		if s.Host == "" || s.Port == "" || strings.Contains(s.String(), "secretpw") {
			t.Fatalf("%q: %+v %s", raw, s, s)
		}
	})
}
