package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options size a generated site. Pages are spread over Sections in
// order, as evenly as they divide; Words is the words per page.
type Options struct {
	Pages, Sections, Words int
	Seed                   uint64
}

// The PCG streams keep sites and lint corpora apart: the same seed
// gives unrelated text to each.
const (
	siteStream = 1
	lintStream = 2
)

const plainpressConfig = `title: Benchmark site
baseURL: https://bench.example.gov/
languages:
  - code: en
    name: English
    title: Benchmark site
    description: A generated site for benchmarks.
`

// WriteProject writes a plainpress project: plainpress.yaml and the
// pages under content/en.
func WriteProject(dir string, o Options) error {
	if err := writeFile(dir, "plainpress.yaml", []byte(plainpressConfig)); err != nil {
		return err
	}
	return writePages(filepath.Join(dir, "content", "en"), o)
}

// hugoFiles are a minimal Hugo site in the template layout of Hugo
// 0.146 and later (layouts/*.html, no _default folder): one base with
// a header and footer, and page, section list and home templates. The
// embedded link render hook resolves the pages' relative ".md" links
// to page addresses, as plainpress does, so both do the same work.
var hugoFiles = map[string]string{
	"hugo.toml": `baseURL = 'https://bench.example.gov/'
title = 'Benchmark site'
locale = 'en'

[markup.goldmark.renderHooks.link]
useEmbedded = 'always'
`,
	"layouts/baseof.html": `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ or .Description site.Params.description }}">
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/page.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
`,
	"layouts/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
`,
	"layouts/home.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
`,
}

// WriteHugoProject writes the same pages, byte for byte, as a Hugo site
// with minimal layouts, pages under content/.
func WriteHugoProject(dir string, o Options) error {
	for name, body := range hugoFiles {
		if err := writeFile(dir, name, []byte(body)); err != nil {
			return err
		}
	}
	return writePages(filepath.Join(dir, "content"), o)
}

// writePages writes the home page, each section's _index.md and its
// pages under root. Pages are numbered from 1 across the whole site.
func writePages(root string, o Options) error {
	if o.Pages < 1 || o.Sections < 1 || o.Words < 1 {
		return fmt.Errorf("corpus: pages, sections and words must be positive, got %+v", o)
	}
	r := rand.New(rand.NewPCG(o.Seed, siteStream))
	home := "---\ntitle: Benchmark site\ndescription: A generated site for benchmarks.\n---\n\n" + Paragraph(r, 40) + "\n"
	if err := writeFile(root, "_index.md", []byte(home)); err != nil {
		return err
	}
	per := (o.Pages + o.Sections - 1) / o.Sections
	for sec := 0; sec*per < o.Pages; sec++ {
		if err := writeSection(root, r, sec, sec*per, min(sec*per+per, o.Pages), o.Words); err != nil {
			return err
		}
	}
	return nil
}

// writeSection writes section sec (zero-based): its _index.md and pages
// first to last-1. Half the pages link to another page of the same
// section, so every link has a target in both projects.
func writeSection(root string, r *rand.Rand, sec, first, last, words int) error {
	dir := filepath.Join(root, fmt.Sprintf("section-%02d", sec+1))
	title := topics[sec%len(topics)]
	if sec >= len(topics) {
		title += fmt.Sprintf(" %d", sec/len(topics)+1)
	}
	index := fmt.Sprintf("---\ntitle: %q\ndescription: %q\n---\n\n%s\n", title, Sentence(r), Paragraph(r, 30))
	if err := writeFile(dir, "_index.md", []byte(index)); err != nil {
		return err
	}
	for i := first; i < last; i++ {
		link := ""
		if last-first > 1 && r.IntN(2) == 0 {
			j := first + r.IntN(last-first-1)
			if j >= i {
				j++ // any page of the section but this one
			}
			link = pageName(j)
		}
		if err := writeFile(dir, pageName(i), page(r, i, words, link)); err != nil {
			return err
		}
	}
	return nil
}

func pageName(i int) string { return fmt.Sprintf("page-%04d.md", i+1) }

func writeFile(dir, name string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// WriteLintCorpus writes files Markdown files of about words words
// each, without front matter, for lint benchmarks: headings, paragraphs
// and now and then a list, as agency pages are built.
func WriteLintCorpus(dir string, files, words int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, lintStream))
	for i := range files {
		if err := writeFile(dir, pageName(i), lintFile(r, words)); err != nil {
			return err
		}
	}
	return nil
}

func lintFile(r *rand.Rand, words int) []byte {
	var b strings.Builder
	for left := words; left > 3; {
		h := pick(r, headings)
		fmt.Fprintf(&b, "## %s\n\n", h)
		left -= countWords(h)
		if r.IntN(4) == 0 {
			for range 3 + r.IntN(3) {
				item := listItem(r)
				fmt.Fprintf(&b, "- %s\n", item)
				left -= countWords(item)
			}
			b.WriteString("\n")
		}
		// A short last paragraph would skew sentence lengths: the last
		// one takes all that is left once less than two would fill.
		size := 60 + r.IntN(100)
		if left < 2*size {
			size = left
		}
		p, n := paragraph(r, max(size, 6))
		fmt.Fprintf(&b, "%s\n\n", p)
		left -= n
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}
