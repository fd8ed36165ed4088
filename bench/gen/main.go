// Command gen writes a generated project for benchmarks:
//
//	go run ./bench/gen -kind plainpress -out /tmp/pp -pages 4000
//	go run ./bench/gen -kind hugo -out /tmp/hugo -pages 4000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/plainpress/plainpress/internal/corpus"
)

func main() {
	kind := flag.String("kind", "plainpress", "plainpress, hugo, or lint (Markdown files only)")
	out := flag.String("out", "", "the folder to write (required)")
	o := corpus.Options{Seed: 1}
	flag.IntVar(&o.Pages, "pages", 4000, "pages")
	flag.IntVar(&o.Sections, "sections", 20, "sections")
	flag.IntVar(&o.Words, "words", 400, "words per page")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	write := corpus.WriteProject
	switch *kind {
	case "hugo":
		write = corpus.WriteHugoProject
	case "lint":
		write = func(dir string, o corpus.Options) error { return corpus.WriteLintCorpus(dir, o.Pages, o.Words, o.Seed) }
	}
	if err := write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
