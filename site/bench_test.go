package site_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/corpus"
	"github.com/plainpress/plainpress/site"
)

// BenchmarkBuild loads and builds a generated site of 4,000 pages of
// about 400 words into a folder, as `plainpress build --no-lint` does.
// bench/build-vs-hugo.sh compares the same pages with Hugo.
func BenchmarkBuild(b *testing.B) {
	dir := b.TempDir()
	const pages = 4000
	if err := corpus.WriteProject(dir, corpus.Options{Pages: pages, Sections: 20, Words: 400, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		proj, err := content.Load(os.DirFS(dir))
		if err != nil {
			b.Fatal(err)
		}
		res, err := site.BuildDir(context.Background(), proj, out, site.Options{})
		if err != nil || res.Failed() {
			b.Fatal(err, res.Problems)
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Sys)/(1<<20), "MB-sys")
}
