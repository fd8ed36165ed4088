package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Options size a generated site.
type Options struct {
	Pages, Sections, Words int
	Seed                   uint64
}

// Page is one Markdown page with front matter: an introduction, three
// sections with a heading each, a list, and a link to a neighbour.
func Page(r *rand.Rand, i, words int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s %d\ndescription: %s\ndate: 2026-%02d-%02d\nweight: %d\ntags: [%s]\n---\n",
		pick(r, headings), i, Sentence(r), 1+i%12, 1+i%28, i, pick(r, tags))
	per := words / 5
	b.WriteString(Paragraph(r, per) + "\n\n")
	for s := range 3 {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", pick(r, headings), Paragraph(r, per))
		if s == 1 {
			for range 4 {
				fmt.Fprintf(&b, "- %s\n", Sentence(r))
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(&b, "%s See [the next page](%s).\n", Paragraph(r, per/2), pageName(i+1))
	return b.String()
}

func pageName(i int) string { return fmt.Sprintf("page-%04d.md", i) }

// WriteProject writes a plainpress project of o.Pages pages in
// o.Sections sections under dir.
func WriteProject(dir string, o Options) error {
	cfg := "title: Benchmark site\nbaseURL: https://bench.example.gov/\nlanguages:\n  - code: en\n    name: English\n"
	return write(dir, "content/en", o, map[string]string{"plainpress.yaml": cfg})
}

// WriteHugoProject writes the same pages as a Hugo site with minimal
// layouts: a page, a list and a home template sharing one base.
func WriteHugoProject(dir string, o Options) error {
	base := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>` +
		`<meta name="description" content="{{ .Description }}"></head><body><header><a href="/">{{ site.Title }}</a></header>` +
		`<main>{{ block "main" . }}{{ end }}</main><footer>{{ site.Title }}</footer></body></html>`
	return write(dir, "content", o, map[string]string{
		"hugo.toml":           "baseURL = 'https://bench.example.gov/'\ntitle = 'Benchmark site'\nlanguageCode = 'en'\n",
		"layouts/baseof.html": base,
		"layouts/page.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
		"layouts/home.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
	})
}

// write writes the extra files, then the pages under root.
func write(dir, root string, o Options, extra map[string]string) error {
	r := rand.New(rand.NewPCG(o.Seed, 1))
	files := extra
	files[root+"/_index.md"] = "---\ntitle: Home\ndescription: A generated site.\n---\nWelcome.\n"
	perSection := (o.Pages + o.Sections - 1) / o.Sections
	for i := range o.Pages {
		sec := fmt.Sprintf("%s/section-%02d", root, i/perSection)
		if i%perSection == 0 {
			files[sec+"/_index.md"] = fmt.Sprintf("---\ntitle: Section %d\ndescription: Pages of section %d.\n---\n", i/perSection, i/perSection)
		}
		n := i
		if (i+1)%perSection == 0 || i+1 == o.Pages {
			n = i - 1 // the last page of a section links back, so no link breaks
		}
		files[sec+"/"+pageName(i)] = strings.Replace(Page(r, i, o.Words), pageName(i+1), pageName(n+1), 1)
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// WriteLintCorpus writes files Markdown files of about words words each
// (no front matter, as a linter's corpus), for lint benchmarks.
func WriteLintCorpus(dir string, files, words int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 2))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range files {
		var b strings.Builder
		for b.Len() < words*6 {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n", pick(r, headings), Paragraph(r, 80))
		}
		if err := os.WriteFile(filepath.Join(dir, pageName(i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
