package site

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/plainpress/plainpress/content"
)

// FuzzBuildPage renders a page whose body is the fuzzer's text: no panic,
// no error but a fault, and every problem the checks report lies inside
// the file.
func FuzzBuildPage(f *testing.F) {
	f.Add("## A {#a}\n\n[x](apply.md#what-to-bring) ![alt](/images/steps.svg)\n")
	f.Add("| a | b |\n|---|---|\n| [x](../../x.md) | <b>y</b> |\n")
	f.Add("#### deep\n\n![](javascript:alert(1))\n\n<!-- c -->\n[l](<>)\n")
	f.Fuzz(func(t *testing.T, body string) {
		src := "---\ntitle: Fuzz\ndescription: x\n---\n" + body
		proj, err := content.Load(testProject(map[string]*fstest.MapFile{"content/en/fuzz.md": {Data: []byte(src)}}))
		if err != nil {
			return // a load fault is a fine answer to a bad page
		}
		res, err := Build(context.Background(), proj, NewMemory(), Options{})
		if err != nil {
			if _, ok := content.AsFaults(err); !ok {
				t.Fatalf("build error that is not a fault: %v", err)
			}
			return
		}
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		for _, p := range res.Problems {
			if p.File == "content/en/fuzz.md" && (p.Line < 1 || p.Line > lines) {
				t.Fatalf("problem outside the file: %v", p)
			}
		}
	})
}
