package lint

import (
	"strings"
	"testing"

	"github.com/plainpress/plainpress/content"
)

// FuzzLint lints any text: no panic, and every finding lies inside the
// file, with its end after its start.
func FuzzLint(f *testing.F) {
	f.Add("The form shall be submitted by the applicant.\n")
	f.Add("- a and/or b\n  - [click here](x)\n\n| U.S. | e.g. 9 a.m. |\n|---|---|\n| ![](y) | obligor |\n")
	f.Add("<!-- plainpress-disable -->\n# x\n#### y\n\n`code` <b>html</b> https://example.gov\n")
	f.Add("¿Cómo pago? Usted debe pagar.\r\n\r\nÉl fue enviado.\n")
	f.Fuzz(func(t *testing.T, md string) {
		lines := strings.Split(md, "\n")
		if pg, err := content.ParseFile("f.md", []byte(md)); err == nil {
			checkInside(t, Page(pg, DefaultConfig()), lines)
		}
		// The same bytes as a plain .txt file.
		if pg, err := content.ParseText("f.txt", []byte(md)); err == nil {
			checkInside(t, Page(pg, DefaultConfig()), lines)
		}
	})
}

func checkInside(t *testing.T, r FileReport, lines []string) {
	t.Helper()
	for _, x := range r.Findings {
		if x.Line < 1 || x.Line > len(lines) || x.Column < 1 || x.EndLine < x.Line || (x.EndLine == x.Line && x.EndColumn < x.Column) {
			t.Fatalf("finding out of place: %+v (%d lines)", x, len(lines))
		}
	}
}
