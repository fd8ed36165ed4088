// Command gen writes generated prose for benchmarks, the same for a seed:
//
//	go run ./bench/gen -kind plainpress -out /tmp/pp -pages 4000 -sections 20 -words 400
//	go run ./bench/gen -kind hugo -out /tmp/hugo -pages 4000 -sections 20 -words 400
//	go run ./bench/gen -kind lint -out /tmp/corpus -pages 300 -words 1700
//
// The lint kind writes -pages Markdown files without front matter.
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
	var o corpus.Options
	flag.IntVar(&o.Pages, "pages", 4000, "pages, or files for -kind lint")
	flag.IntVar(&o.Sections, "sections", 20, "sections")
	flag.IntVar(&o.Words, "words", 400, "words per page")
	flag.Uint64Var(&o.Seed, "seed", 1, "the random seed: the same seed writes the same bytes")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen -kind plainpress|hugo|lint -out DIR [-pages N -sections N -words N -seed N]")
		os.Exit(2)
	}
	var err error
	switch *kind {
	case "plainpress":
		err = corpus.WriteProject(*out, o)
	case "hugo":
		err = corpus.WriteHugoProject(*out, o)
	case "lint":
		err = corpus.WriteLintCorpus(*out, o.Pages, o.Words, o.Seed)
	default:
		err = fmt.Errorf("unknown -kind %q: want plainpress, hugo or lint", *kind)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
