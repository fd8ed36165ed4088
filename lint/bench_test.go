package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/corpus"
	"github.com/plainpress/plainpress/lint"
)

// BenchmarkLint lints a generated corpus of 300 files of about 1,700
// words (over 500,000 words) and reports words per second.
// bench/lint-vs-vale.sh compares the same files with Vale.
func BenchmarkLint(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.WriteLintCorpus(dir, 300, 1700, 1); err != nil {
		b.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var pages []*content.Page
	for _, n := range names {
		src, _ := os.ReadFile(n)
		pg, err := content.ParseFile(n, src)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, pg)
	}
	words := 0
	for _, pg := range pages {
		words += lint.Page(pg, lint.DefaultConfig()).Metrics.Words
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, pg := range pages {
			lint.Page(pg, lint.DefaultConfig())
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(words), "words")
}
