package corpus

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, siteStream)) }

// split returns a page's front matter and body.
func split(t *testing.T, page []byte) (map[string]any, string) {
	t.Helper()
	front, body, ok := strings.Cut(strings.TrimPrefix(string(page), "---\n"), "\n---\n")
	if !ok {
		t.Fatalf("no front matter in %q", page)
	}
	var meta map[string]any
	if err := yaml.Unmarshal([]byte(front), &meta); err != nil {
		t.Fatalf("front matter %q: %v", front, err)
	}
	return meta, body
}

func TestSameSeedSameBytes(t *testing.T) {
	if a, b := Page(newRand(), 7, 400), Page(newRand(), 7, 400); !bytes.Equal(a, b) {
		t.Fatal("the same seed gave two pages")
	}
	dir := t.TempDir()
	o := Options{Pages: 12, Sections: 3, Words: 150, Seed: 9}
	for _, d := range []string{"a", "b"} {
		if err := WriteProject(filepath.Join(dir, d), o); err != nil {
			t.Fatal(err)
		}
	}
	if a, b := readTree(t, filepath.Join(dir, "a")), readTree(t, filepath.Join(dir, "b")); a != b {
		t.Fatal("the same seed gave two projects")
	}
}

// readTree is every file under dir, names and bytes, in walk order.
func readTree(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p[len(dir):] + "\n" + string(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPageShape(t *testing.T) {
	r := newRand()
	for i := range 200 {
		words := []int{250, 400, 1000}[i%3]
		meta, body := split(t, page(r, i, words, "page-0003.md"))
		for _, key := range []string{"title", "description", "date", "weight", "tags"} {
			if meta[key] == nil {
				t.Fatalf("page %d has no %s", i, key)
			}
		}
		if tags := meta["tags"].([]any); len(tags) < 1 || len(tags) > 2 {
			t.Errorf("page %d has tags %v", i, tags)
		}
		if n := countWords(body); n < words*9/10 || n > words*11/10 {
			t.Errorf("page %d has %d words, want %d ± 10%%", i, n, words)
		}
		if c := strings.Count(body, "\n## "); c != 3 {
			t.Errorf("page %d has %d sections, want 3", i, c)
		}
		if c := strings.Count(body, "\n- "); c < 3 || c > 5 {
			t.Errorf("page %d has %d list items, want 3 to 5", i, c)
		}
		if !strings.Contains(body, "](page-0003.md)") {
			t.Errorf("page %d lacks its link", i)
		}
	}
}

func TestSentenceLengthsAndProblems(t *testing.T) {
	r := newRand()
	const n = 5000
	var long, passive, wordy int
	isPassive := regexp.MustCompile(`\b(is|be|was|been) \w+ed\b`)
	isWordy := regexp.MustCompile(`(?i)\b(utilize|in order to|shall|prior to)\b`)
	for range n {
		s := Sentence(r)
		w := countWords(s)
		if w < 6 || w > 45 {
			t.Errorf("%d words: %q", w, s)
		}
		if w > 30 {
			long++
		}
		if isPassive.MatchString(s) {
			passive++
		}
		if isWordy.MatchString(s) {
			wordy++
		}
	}
	// Shares a linter should find: some, but never most.
	for name, c := range map[string]int{"long": long, "passive": passive, "wordy": wordy} {
		if c < n/100 || c > n/4 {
			t.Errorf("%d of %d sentences are %s", c, n, name)
		}
	}
	t.Logf("of %d sentences: %d long, %d passive, %d wordy", n, long, passive, wordy)
}

func TestProjectsHoldTheSamePages(t *testing.T) {
	dir := t.TempDir()
	o := Options{Pages: 30, Sections: 4, Words: 120, Seed: 1}
	if err := WriteProject(filepath.Join(dir, "pp"), o); err != nil {
		t.Fatal(err)
	}
	if err := WriteHugoProject(filepath.Join(dir, "hugo"), o); err != nil {
		t.Fatal(err)
	}
	pp := readTree(t, filepath.Join(dir, "pp", "content", "en"))
	if hugo := readTree(t, filepath.Join(dir, "hugo", "content")); pp != hugo {
		t.Fatal("the two projects do not hold the same pages")
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "pp/content/en/section-*/page-*.md"))
	sections, _ := filepath.Glob(filepath.Join(dir, "pp/content/en/section-*/_index.md"))
	if len(pages) != 30 || len(sections) != 4 {
		t.Fatalf("%d pages in %d sections, want 30 in 4", len(pages), len(sections))
	}
	checkLinks(t, pages)
	var cfg map[string]any
	data, _ := os.ReadFile(filepath.Join(dir, "pp", "plainpress.yaml"))
	if err := yaml.Unmarshal(data, &cfg); err != nil || cfg["languages"] == nil {
		t.Fatalf("plainpress.yaml: %v", err)
	}
}

// checkLinks fails if a page links to a file missing from its folder.
func checkLinks(t *testing.T, pages []string) {
	t.Helper()
	link := regexp.MustCompile(`\]\((page-\d{4}\.md)\)`)
	links := 0
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		for _, m := range link.FindAllSubmatch(data, -1) {
			links++
			if _, err := os.Stat(filepath.Join(filepath.Dir(p), string(m[1]))); err != nil {
				t.Errorf("%s links to a missing page: %v", p, err)
			}
		}
	}
	if links == 0 {
		t.Error("no page links to another")
	}
}

func TestWriteLintCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := WriteLintCorpus(dir, 20, 1700, 1); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 20 {
		t.Fatalf("%d files, want 20", len(files))
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if n := countWords(string(data)); n < 1530 || n > 1870 {
			t.Errorf("%s has %d words, want 1700 ± 10%%", f, n)
		}
	}
}

func TestWordsCount(t *testing.T) {
	r := newRand()
	for _, n := range []int{50, 300, 2000} {
		if got := countWords(Words(r, n)); got < n*9/10 || got > n*11/10 {
			t.Errorf("Words(%d) gave %d words", n, got)
		}
	}
}
