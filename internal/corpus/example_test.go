package corpus_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/plainpress/plainpress/internal/corpus"
)

// A benchmark writes the same 40 pages as a plainpress project and as a
// Hugo site; a fixed seed gives the same bytes every run.
func Example() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	o := corpus.Options{Pages: 40, Sections: 4, Words: 400, Seed: 1}
	if err := corpus.WriteProject(filepath.Join(dir, "pp"), o); err != nil {
		panic(err)
	}
	if err := corpus.WriteHugoProject(filepath.Join(dir, "hugo"), o); err != nil {
		panic(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "hugo", "content", "section-*", "page-*.md"))
	fmt.Println(len(pages), "pages")

	r := rand.New(rand.NewPCG(1, 1))
	fmt.Println(corpus.Sentence(r))
	// Output:
	// 40 pages
	// When your child turns 18, a family law clinic should get a payment plan every three years, and each parent will get a hearing date so the amount stays fair.
}
