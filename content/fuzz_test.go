package content

import (
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"
)

// FuzzLoadPage loads a project whose one page is the fuzzer's bytes: no
// panic, and every fault and node position lies inside the file.
func FuzzLoadPage(f *testing.F) {
	f.Add([]byte("---\ntitle: A\ndescription: B\n---\n# Hi\n\n- [x](y.md)\n"))
	f.Add([]byte("---\ntitle: [\n---\n"))
	f.Add([]byte("---\r\ntitle: A\r\ndate: 2026-01-02\r\n---\r\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	f.Add([]byte("\xef\xbb\xbf---\naliases: /x\ntags: {a: b}\n---\n<div>\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := project(map[string]*fstest.MapFile{"content/en/fuzz.md": {Data: src}})
		lines := 1
		for _, c := range src {
			if c == '\n' {
				lines++
			}
		}
		proj, err := Load(fsys)
		if err != nil {
			faults, ok := AsFaults(err)
			if !ok {
				t.Fatalf("error is not faults: %v", err)
			}
			for _, fl := range faults {
				if fl.File == "content/en/fuzz.md" && (fl.Line < 0 || fl.Line > lines) {
					t.Fatalf("fault outside the file (%d lines): %v", lines, fl)
				}
			}
			return
		}
		pg := proj.Page("en", "fuzz.md")
		_ = ast.Walk(pg.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if line, col := pg.NodePosition(n); line < 1 || line > lines || col < 1 {
				t.Fatalf("node %s at %d:%d, outside the file", n.Kind(), line, col)
			}
			return ast.WalkContinue, nil
		})
	})
}

// FuzzParseConfig: any plainpress.yaml gives a config or faults, never a
// panic.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(testConfig))
	f.Add([]byte("languages: [{code: en, menu: [{name: x, page: y}]}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := ParseConfig(src)
		if err == nil && len(cfg.Languages) == 0 {
			t.Fatal("a config with no language passed")
		}
	})
}
