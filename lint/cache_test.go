package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/plainpress/plainpress/content"
)

func parsed(t *testing.T, name, md string) *content.Page {
	t.Helper()
	pg, err := content.ParseFile(name, []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	return pg
}

// TestCacheSkipsUnchangedPages: a second run with the same pages lints
// none of them; a changed page, or changed settings, is linted again.
func TestCacheSkipsUnchangedPages(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "lint.gob")
	s, err := NewSettings(content.Lint{})
	if err != nil {
		t.Fatal(err)
	}
	pages := []*content.Page{
		parsed(t, "content/en/a.md", "The form shall be sent.\n"),
		parsed(t, "content/en/b.md", "You can apply online.\n"),
	}
	run := func(s *Settings, pages []*content.Page) ([]FileReport, int, int) {
		c := OpenCache(path)
		reps := s.Project(pages, c)
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		hits, misses := c.Stats()
		return reps, hits, misses
	}
	first, hits, misses := run(s, pages)
	if hits != 0 || misses != 2 {
		t.Fatalf("first run: %d hits, %d misses", hits, misses)
	}
	again, hits, _ := run(s, pages)
	if hits != 2 {
		t.Fatalf("second run: %d hits, want 2", hits)
	}
	f, g := first[0].Findings[0], again[0].Findings[0]
	if f != g || g.Offset == 0 && g.EndOffset == 0 {
		t.Fatalf("cached finding %+v differs from %+v", g, f)
	}
	pages[1] = parsed(t, "content/en/b.md", "You can apply online. The form shall be sent.\n")
	if _, hits, _ := run(s, pages); hits != 1 {
		t.Fatalf("after an edit: %d hits, want 1", hits)
	}
	strict, _ := NewSettings(content.Lint{TargetGrade: 5})
	if _, hits, _ := run(strict, pages); hits != 0 {
		t.Fatalf("after a settings change: %d hits, want 0", hits)
	}
}

func TestCacheDamagedIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lint.gob")
	if err := os.WriteFile(path, []byte("not a cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := OpenCache(path)
	s, _ := NewSettings(content.Lint{})
	s.Project([]*content.Page{parsed(t, "a.md", "Hello.\n")}, c)
	if hits, misses := c.Stats(); hits != 0 || misses != 1 {
		t.Fatalf("%d hits, %d misses", hits, misses)
	}
	var nilCache *Cache
	if r := s.Project([]*content.Page{parsed(t, "a.md", "It shall rain.\n")}, nilCache); len(r[0].Findings) == 0 {
		t.Fatal("no cache: want the page linted")
	}
	if err := nilCache.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestPlainText: a .txt file is all prose, in paragraphs apart by blank
// lines, with positions in the file.
func TestPlainText(t *testing.T) {
	pg, err := content.ParseText("letter.txt", []byte("Hello.\r\nThe form shall be sent.\n\n# Not a heading, `not code`.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := Page(pg, DefaultConfig())
	if !has(r, "plain.shall", 2, 10) {
		t.Fatalf("want shall at 2:10: %s", ids(r))
	}
	if r.Metrics.Sentences != 3 {
		t.Fatalf("%d sentences, want 3", r.Metrics.Sentences)
	}
	blocks := Extract(pg)
	if len(blocks) != 2 || blocks[1].Text != "# Not a heading, `not code`." {
		t.Fatalf("blocks: %#v", blocks)
	}
	if _, err := content.ParseText("bad.txt", []byte("ok\xff")); err == nil {
		t.Fatal("invalid UTF-8: want an error")
	}
}
