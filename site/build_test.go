package site

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plainpress/plainpress/content"
)

var update = flag.Bool("update", false, "rewrite golden files")

const testConfig = `title: Test Agency
baseURL: https://example.gov/
languages:
  - code: en
    name: English
    menu:
      - {name: Apply, page: apply.md}
      - {name: News, page: news/_index.md}
    footer:
      - {name: Federal office, url: https://www.acf.hhs.gov/css}
  - code: es
    name: Español
    title: Agencia de Prueba
    agency: {name: Departamento de Prueba, hours: De lunes a viernes}
    menu:
      - {name: Solicitar, page: apply.md}
agency:
  name: Test Department
  phone: 1-800-555-0100
`

func md(front, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "\n---\n" + body)}
}

// testProject is a small two-language site with news, a newsletter
// issue, an alias, a tag, a static image and an agency directory.
func testProject(extra map[string]*fstest.MapFile) fstest.MapFS {
	fsys := fstest.MapFS{
		"plainpress.yaml":      {Data: []byte(testConfig)},
		"content/en/_index.md": md("title: Home\ndescription: The home page.", "Welcome. [Apply](apply.md) or see [what to bring](apply.md#what-to-bring).\n"),
		"content/en/apply.md": md("title: Apply\ndescription: How to apply.\ntags: [getting started]\naliases: [/old-apply/]\ndate: 2026-10-01",
			"## What to bring {#what-to-bring}\n\nBring your ID.\n\n![Three steps to apply](/images/steps.svg)\n\n<div class=\"x\">raw</div>\n\n<!-- a note to reviewers -->\n\nRead the [news](news/_index.md).\n"),
		"content/en/contact.md":                     md("title: Contact us\ndescription: Call or write.\nlayout: directory", "Call us.\n"),
		"content/en/news/_index.md":                 md("title: News\ndescription: What is new.", ""),
		"content/en/news/closed.md":                 md("title: Office closed\ndescription: Closed on Monday.\ndate: 2026-11-10", "We are closed. [Apply](../apply.md).\n"),
		"content/en/news/draft.md":                  md("title: Not yet\ndescription: A draft.\ndraft: true", "Soon.\n"),
		"content/en/newsletter/_index.md":           md("title: The Report\ndescription: Our newsletter.", ""),
		"content/en/newsletter/2026-11/index.md":    md("title: November\ndescription: Issue 3.\ndate: 2026-11-02\nnumber: 3", "Hello, readers.\n"),
		"content/en/newsletter/2026-11/01-taxes.md": md("title: Tax refunds\nweight: 1", "## How it works\n\nWe explain.\n"),
		"content/es/_index.md":                      md("title: Inicio\ndescription: La página de inicio.", "Hola.\n"),
		"content/es/apply.md":                       md("title: Solicitar\ndescription: Cómo solicitar.", "## ¿Qué debe traer?\n\nSu identificación.\n"),
		"static/images/steps.svg":                   {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"data/agencies.yaml":                        {Data: []byte("- {name: Alabama, kind: state, phone: 1-800-555-0101}\n- {name: Cherokee Nation, kind: tribal, region: Oklahoma}\n")},
	}
	for k, v := range extra {
		if v == nil {
			delete(fsys, k)
		} else {
			fsys[k] = v
		}
	}
	return fsys
}

func buildMem(t *testing.T, fsys fstest.MapFS, opts Options) (*Memory, *Result) {
	t.Helper()
	proj, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	mem := NewMemory()
	res, err := Build(context.Background(), proj, mem, opts)
	if err != nil {
		t.Fatal(err)
	}
	return mem, res
}

func file(t *testing.T, mem *Memory, name string) string {
	t.Helper()
	b, ok := mem.File(name)
	if !ok {
		t.Fatalf("the site has no %s; it has %v", name, mem.Names())
	}
	return string(b)
}

func TestBuildSite(t *testing.T) {
	mem, res := buildMem(t, testProject(nil), Options{})
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Error(), "apply.md:14:1: warning: raw HTML is shown as text") {
		t.Fatalf("want only the raw HTML warning, got: %v", res.Problems)
	}
	checks := []struct{ file, want string }{
		{"index.html", `<html lang="en">`},
		{"index.html", `<a class="skip-link" href="#main">`},
		{"index.html", `href="/apply/#what-to-bring"`},
		{"index.html", `<a href="/news/closed/">Office closed</a>`},
		{"es/index.html", `<html lang="es">`},
		{"es/index.html", `Saltar al contenido principal`},
		{"apply/index.html", `<title>Apply | Test Agency</title>`},
		{"apply/index.html", `<link rel="alternate" hreflang="es" href="https://example.gov/es/apply/">`},
		{"apply/index.html", `<a href="/es/apply/" hreflang="es" lang="es">Español</a>`},
		{"apply/index.html", `<img src="/images/steps.svg" alt="Three steps to apply"`},
		{"apply/index.html", `&lt;div class=&#34;x&#34;&gt;raw&lt;/div&gt;`},
		{"apply/index.html", `<a href="/apply/" aria-current="page">Apply</a>`},
		{"apply/index.html", `<a href="/tags/getting-started/">getting started</a>`},
		{"apply/index.html", `<meta property="og:url" content="https://example.gov/apply/">`},
		{"news/closed/index.html", `<li><a href="/news/">News</a></li>`},
		{"newsletter/2026-11/index.html", `<section class="article" id="taxes"`},
		{"newsletter/2026-11/index.html", `<h3 id="how-it-works">How it works</h3>`},
		{"contact/index.html", `<th scope="row">Cherokee Nation</th><td>Oklahoma</td>`},
		{"old-apply/index.html", `<meta http-equiv="refresh" content="0; url=/apply/">`},
		{"search/index.html", `data-index="/search/index.json"`},
		{"search/index.html", `<a href="/contact/">Contact us</a>`},
		{"404.html", `Page not found`},
		{"es/404.html", `No encontramos la página`},
		{"robots.txt", `Sitemap: https://example.gov/sitemap.xml`},
		{"images/steps.svg", `<svg`},
		{"assets/site.css", `@media print`},
	}
	for _, c := range checks {
		if got := file(t, mem, c.file); !strings.Contains(got, c.want) {
			t.Errorf("%s does not contain %s", c.file, c.want)
		}
	}
	if strings.Contains(file(t, mem, "apply/index.html"), "a note to reviewers") {
		t.Error("an HTML comment reached the page")
	}
	if _, ok := mem.File("news/draft/index.html"); ok {
		t.Error("a draft was published")
	}
}

func TestSitemapAndFeed(t *testing.T) {
	mem, _ := buildMem(t, testProject(nil), Options{})
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
			Links   []struct {
				Hreflang string `xml:"hreflang,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(file(t, mem, "sitemap.xml")), &set); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range set.URLs {
		if u.Loc == "https://example.gov/apply/" {
			found = u.Lastmod == "2026-10-01" && len(u.Links) == 2
		}
		if strings.Contains(u.Loc, "draft") {
			t.Errorf("sitemap lists a draft: %s", u.Loc)
		}
	}
	if !found {
		t.Errorf("sitemap has no /apply/ with lastmod and two hreflang links: %+v", set.URLs)
	}
	var feed struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(file(t, mem, "feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) != 2 || feed.Entries[0].Title != "Office closed" || feed.Entries[1].Title != "November" {
		t.Errorf("feed entries = %+v, want the news post then the issue, newest first", feed.Entries)
	}
}

func TestSearchIndex(t *testing.T) {
	mem, _ := buildMem(t, testProject(nil), Options{})
	var entries []searchEntry
	if err := json.Unmarshal([]byte(file(t, mem, "es/search/index.json")), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("Spanish index has %d entries, want 2: %+v", len(entries), entries)
	}
	for _, e := range entries {
		if e.URL == "/es/apply/" && !strings.Contains(e.Text, "identificación") {
			t.Errorf("index text of /es/apply/ = %q", e.Text)
		}
	}
}

func TestPreviewAndDrafts(t *testing.T) {
	mem, _ := buildMem(t, testProject(nil), Options{Preview: true, Drafts: true})
	page := file(t, mem, "news/draft/index.html")
	if !strings.Contains(page, `class="preview-banner"`) || !strings.Contains(page, `<meta name="robots" content="noindex">`) {
		t.Error("a preview page has no banner or is not kept out of search engines")
	}
	if !strings.Contains(file(t, mem, "robots.txt"), "Disallow: /") {
		t.Error("a preview's robots.txt lets crawlers in")
	}
}

// TestChecks: what the build reports, where.
func TestChecks(t *testing.T) {
	_, res := buildMem(t, testProject(map[string]*fstest.MapFile{
		"content/en/bad.md": md("title: Bad\ndescription: Bad links.",
			"Text.\n\n#### Too deep\n\n[gone](gone.md) and [anchor](apply.md#nope) and [draft](news/draft.md) and [nowhere](/nowhere/).\n\n![](/images/steps.svg)\n\n# Second title\n"),
	}), Options{})
	want := []string{
		"content/en/bad.md:7:1: warning: heading skips from level 1 to 4: use ##",
		"content/en/bad.md:9:1: broken link: links to gone.md, but there is no such page in content/en/",
		"content/en/bad.md:9:21: broken link: links to #nope, but content/en/apply.md has no heading with that id",
		"content/en/bad.md:9:49: broken link: links to content/en/news/draft.md, which is not published",
		"content/en/bad.md:9:76: broken link: links to /nowhere/, but the site has no page or file there",
		"content/en/bad.md:11:1: warning: image has no alt text",
		"content/en/bad.md:13:1: warning: a level-1 heading in the text",
	}
	got := res.Problems.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q; got:\n%s", w, got)
		}
	}
	if !res.Failed() {
		t.Error("broken links did not fail the build")
	}
}

func TestLayoutOverride(t *testing.T) {
	mem, _ := buildMem(t, testProject(map[string]*fstest.MapFile{
		"layouts/page.html": {Data: []byte(`{{define "main"}}<p class="mine">{{.Title}}</p>{{end}}`)},
	}), Options{})
	if !strings.Contains(file(t, mem, "apply/index.html"), `<p class="mine">Apply</p>`) {
		t.Error("the project's layout did not replace the theme's")
	}
}

func TestLayoutFaults(t *testing.T) {
	tests := []struct{ name, layout, want string }{
		{"parse", "{{define \"main\"}}\n<p>{{.Title</p>{{end}}", "layouts/page.html:2:"},
		{"execute", "{{define \"main\"}}\n<p>{{.Nope}}</p>{{end}}", "layouts/page.html:2:5: template: executing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			proj, err := content.Load(testProject(map[string]*fstest.MapFile{"layouts/page.html": {Data: []byte(tt.layout)}}))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Build(context.Background(), proj, NewMemory(), Options{})
			if _, ok := content.AsFaults(err); !ok || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a fault with %q", err, tt.want)
			}
		})
	}
}

// TestBuildDirKeepsOldSiteOnFailure: a failed build leaves the previous
// site whole and no staging folder behind.
func TestBuildDirKeepsOldSiteOnFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	proj, err := content.Load(testProject(nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := BuildDir(context.Background(), proj, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "apply", "index.html"))
	broken, err := content.Load(testProject(map[string]*fstest.MapFile{
		"content/en/apply.md": md("title: Apply now\ndescription: x", "[gone](gone.md)\n"),
	}))
	if err != nil {
		t.Fatal(err)
	}
	res, err := BuildDir(context.Background(), broken, dir, Options{})
	if err != nil || !res.Failed() {
		t.Fatalf("want a failed check, got %v %v", res, err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "apply", "index.html"))
	if string(after) != string(before) || len(before) == 0 {
		t.Error("the previous site changed after a failed build")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), ".public.plainpress-*")); len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
	// A good build replaces the site.
	proj2, _ := content.Load(testProject(map[string]*fstest.MapFile{"content/en/apply.md": md("title: Apply today\ndescription: x", "## What to bring {#what-to-bring}\n")}))
	if res, err := BuildDir(context.Background(), proj2, dir, Options{}); err != nil || res.Failed() {
		t.Fatal(err, res.Problems)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "apply", "index.html")); !strings.Contains(string(b), "Apply today") {
		t.Error("a good build did not replace the site")
	}
}

// TestIncremental: after an edit to one page's text, only that page is
// rendered again; an edit to a title re-renders every page (menus and
// lists show titles).
func TestIncremental(t *testing.T) {
	b := NewBuilder(Options{})
	build := func(fsys fstest.MapFS) *Result {
		proj, err := content.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		res, err := b.Build(context.Background(), proj, NewMemory())
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	first := build(testProject(nil))
	if first.Rendered != first.Pages {
		t.Fatalf("first build rendered %d of %d", first.Rendered, first.Pages)
	}
	edited := testProject(map[string]*fstest.MapFile{"content/en/news/closed.md": md("title: Office closed\ndescription: Closed on Monday.\ndate: 2026-11-10", "We are closed all day. [Apply](../apply.md).\n")})
	if res := build(edited); res.Rendered != 1 {
		t.Errorf("a text edit rendered %d pages, want 1", res.Rendered)
	}
	retitled := testProject(map[string]*fstest.MapFile{"content/en/news/closed.md": md("title: Office shut\ndescription: Closed on Monday.\ndate: 2026-11-10", "Text.\n")})
	if res := build(retitled); res.Rendered != res.Pages {
		t.Errorf("a title edit rendered %d of %d pages", res.Rendered, res.Pages)
	}
}

// TestGolden compares one whole page with a golden file; run with
// -update to accept a deliberate change to the theme.
func TestGolden(t *testing.T) {
	mem, _ := buildMem(t, testProject(nil), Options{})
	got := file(t, mem, "apply/index.html")
	golden := filepath.Join("testdata", "apply.golden.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./site -run TestGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("apply/index.html differs from %s; if the change is wanted, run with -update", golden)
	}
}

// TestMarks: the preview marks findings in the text, and nothing else
// changes in how text renders.
func TestMarks(t *testing.T) {
	fsys := testProject(map[string]*fstest.MapFile{"content/en/form.md": md("title: Form\ndescription: x", "You shall pay &amp; file \\*now\\*.\n")})
	proj, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	pg := proj.Page("en", "form.md")
	at := strings.Index(string(pg.Body), "shall")
	mem := NewMemory()
	opts := Options{Marks: map[string][]Mark{pg.File: {{Start: at, End: at + 5, Severity: "warning", Message: `say "must"`}}}}
	if _, err := Build(context.Background(), proj, mem, opts); err != nil {
		t.Fatal(err)
	}
	got := file(t, mem, "form/index.html")
	if !strings.Contains(got, `You <mark class="pp-finding pp-warning" title="say &#34;must&#34;">shall</mark> pay &amp; file *now*.`) {
		t.Errorf("marked text wrong:\n%s", got[strings.Index(got, "<div class=\"content\">"):])
	}
}

// TestSubscribeForm: with a sign-up service, the newsletter's archive and
// its issues carry a form that posts to it; other pages do not.
func TestSubscribeForm(t *testing.T) {
	fsys := testProject(nil)
	fsys["plainpress.yaml"] = &fstest.MapFile{Data: []byte(testConfig + "newsletter:\n  subscribeURL: https://news.example.gov/report/\n")}
	mem, _ := buildMem(t, fsys, Options{})
	form := `<form method="post" action="https://news.example.gov/report/subscribe">`
	for _, p := range []string{"newsletter/index.html", "newsletter/2026-11/index.html"} {
		if got := file(t, mem, p); !strings.Contains(got, form) || !strings.Contains(got, `<label for="subscribe-email">Your e-mail address</label>`) {
			t.Errorf("%s has no sign-up form", p)
		}
	}
	if strings.Contains(file(t, mem, "apply/index.html"), "subscribe-email") {
		t.Error("the apply page has the sign-up form")
	}
	// Without the service, no form.
	mem, _ = buildMem(t, testProject(nil), Options{})
	if strings.Contains(file(t, mem, "newsletter/index.html"), "subscribe-email") {
		t.Error("a form with nowhere to post")
	}
}
