package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

const testConfig = `title: Test Agency
baseURL: https://example.gov/
languages:
  - code: en
    name: English
    menu:
      - {name: Apply, page: apply.md}
  - code: es
    name: Español
`

func page(title, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\ndescription: About " + title + ".\n---\n" + body)}
}

func project(files map[string]*fstest.MapFile) fstest.MapFS {
	fsys := fstest.MapFS{
		"plainpress.yaml":      {Data: []byte(testConfig)},
		"content/en/_index.md": page("Home", "Welcome.\n"),
		"content/en/apply.md":  page("Apply", "## What to bring\n\nYour ID.\n"),
	}
	for k, v := range files {
		if v == nil {
			delete(fsys, k)
			continue
		}
		fsys[k] = v
	}
	return fsys
}

func TestLoadTree(t *testing.T) {
	proj, err := Load(project(map[string]*fstest.MapFile{
		"content/es/apply.md":                     page("Solicitar", "Hola.\n"),
		"content/en/news/_index.md":               page("News", ""),
		"content/en/news/closed.md":               page("Closed", ""),
		"content/en/newsletter/_index.md":         page("The Report", ""),
		"content/en/newsletter/2026-11/index.md":  {Data: []byte("---\ntitle: November\ndescription: Issue 3.\ndate: 2026-11-02\nnumber: 3\n---\nHello.\n")},
		"content/en/newsletter/2026-11/02-b.md":   {Data: []byte("---\ntitle: B\nweight: 2\n---\nB.\n")},
		"content/en/newsletter/2026-11/01-a.md":   {Data: []byte("---\ntitle: A\nweight: 1\n---\nA.\n")},
		"content/en/newsletter/2026-11/photo.jpg": {Data: []byte("jpg")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, key, url, parent string
		kind                   Kind
	}{
		{"en", "_index.md", "/", "", KindHome},
		{"en", "apply.md", "/apply/", "_index.md", KindPage},
		{"es", "apply.md", "/es/apply/", "", KindPage},
		{"en", "news/closed.md", "/news/closed/", "news/_index.md", KindPage},
		{"en", "news/_index.md", "/news/", "_index.md", KindSection},
		{"en", "newsletter/2026-11/index.md", "/newsletter/2026-11/", "newsletter/_index.md", KindIssue},
		{"en", "newsletter/2026-11/01-a.md", "/newsletter/2026-11/", "newsletter/2026-11/index.md", KindArticle},
	}
	for _, tt := range tests {
		pg := proj.Page(tt.lang, tt.key)
		if pg == nil {
			t.Fatalf("no page %s/%s", tt.lang, tt.key)
		}
		if pg.URL != tt.url || pg.Kind != tt.kind {
			t.Errorf("%s: URL %q kind %v, want %q %v", pg.File, pg.URL, pg.Kind, tt.url, tt.kind)
		}
		var parent string
		if pg.Parent != nil {
			parent = pg.Parent.Key
		}
		if parent != tt.parent {
			t.Errorf("%s: parent %q, want %q", pg.File, parent, tt.parent)
		}
	}
	if a := proj.Page("en", "newsletter/2026-11/01-a.md"); a.Anchor != "a" {
		t.Errorf("article anchor %q, want a", a.Anchor)
	}
	issue := proj.Page("en", "newsletter/2026-11/index.md")
	if len(issue.Children) != 2 || issue.Children[0].Meta.Title != "A" {
		t.Errorf("issue articles not in weight order: %v", issue.Children)
	}
	if tr := proj.Page("en", "apply.md").Translation("es"); tr == nil || tr.URL != "/es/apply/" {
		t.Errorf("apply.md has no Spanish translation")
	}
	if len(proj.Assets) != 1 || proj.Assets[0].URL != "/newsletter/2026-11/photo.jpg" {
		t.Errorf("assets = %+v", proj.Assets)
	}
}

// TestLoadFaults feeds the mistakes writers make and checks each is
// reported at its file and line, with every fault found in one run.
func TestLoadFaults(t *testing.T) {
	big := strings.Repeat("word ", DefaultMaxFileSize/5+10)
	tests := []struct {
		name  string
		files map[string]*fstest.MapFile
		want  []string // substrings of the error, in order
	}{
		{"broken yaml", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: Apply: now\n---\n")}},
			[]string{"content/en/a.md:3: YAML: mapping values are not allowed"}},
		{"missing title", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ndescription: x\n---\nText\n")}},
			[]string{"content/en/a.md:1:1: title is missing"}},
		{"missing description", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: x\n---\nText\n")}},
			[]string{"content/en/a.md:1:1: description is missing"}},
		{"no front matter", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("Just text\n")}},
			[]string{"content/en/a.md:1:1: no front matter"}},
		{"unclosed front matter", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: x\n")}},
			[]string{"content/en/a.md:1:1: front matter starts with --- on line 1 but never ends"}},
		{"bad date", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\ndate: 2026-13-45\n---\n")}},
			[]string{`content/en/a.md:4:7: date: "2026-13-45" is not a date`}},
		{"bad weight", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\nweight: heavy\n---\n")}},
			[]string{`content/en/a.md:4:9: weight: "heavy" should be a whole number`}},
		{"two pages one URL", map[string]*fstest.MapFile{"content/en/apply/index.md": page("Apply again", "")},
			[]string{"content/en/apply.md:1:1: this page and content/en/apply/index.md would both be published at /apply/"}},
		{"alias is a page", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\naliases: [/apply/]\n---\n")}},
			[]string{"content/en/a.md:4:1: alias /apply/ is the address of content/en/apply.md"}},
		{"alias twice", map[string]*fstest.MapFile{
			"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\naliases: [/old/]\n---\n")},
			"content/en/b.md": {Data: []byte("---\ntitle: B\ndescription: x\naliases: [/old]\n---\n")}},
			[]string{"content/en/b.md:4:1: alias /old is also an alias of content/en/a.md"}},
		{"invalid utf-8", map[string]*fstest.MapFile{"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\n---\nabc\xff\n")}},
			[]string{"content/en/a.md:5:4: the file is not valid UTF-8"}},
		{"too big", map[string]*fstest.MapFile{"content/en/a.md": page("A", big)},
			[]string{"content/en/a.md: file is 4.0 MiB, over the limit of 4.0 MiB"}},
		{"menu to missing page", map[string]*fstest.MapFile{"content/en/apply.md": nil},
			[]string{`plainpress.yaml:7:9: en link "Apply" names page apply.md`}},
		{"several at once", map[string]*fstest.MapFile{
			"content/en/a.md": {Data: []byte("---\ndescription: x\n---\n")},
			"content/en/b.md": {Data: []byte("---\ntitle: B\n---\n")}},
			[]string{"content/en/a.md:1:1: title is missing", "content/en/b.md:1:1: description is missing"}},
		{"bad data yaml", map[string]*fstest.MapFile{"data/agencies.yaml": {Data: []byte("- name: A\n  kind: state: x\n")}},
			[]string{"data/agencies.yaml:2: YAML: mapping values are not allowed"}},
		{"bad csv", map[string]*fstest.MapFile{"data/offices.csv": {Data: []byte("name,phone\n\"Capital,555\n")}},
			[]string{"data/offices.csv:2:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(project(tt.files))
			if err == nil {
				t.Fatal("no error")
			}
			if _, ok := AsFaults(err); !ok {
				t.Fatalf("error is not faults: %v", err)
			}
			msg := err.Error()
			at := 0
			for _, w := range tt.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Fatalf("error does not contain %q (in order):\n%s", w, msg)
				}
				at += i + len(w)
			}
		})
	}
}

func TestUnknownKeyIsAWarning(t *testing.T) {
	proj, err := Load(project(map[string]*fstest.MapFile{
		"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\ntitel: typo\n---\n")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(proj.Warnings) != 1 || !strings.Contains(proj.Warnings[0].Error(), `content/en/a.md:4:1: warning: unknown front matter key "titel"`) {
		t.Errorf("warnings = %v", proj.Warnings)
	}
}

func TestConfigFaults(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"syntax", "title: x\nbaseURL: a: b\n", "plainpress.yaml:2: YAML: mapping values"},
		{"unknown key", "title: x\nbaseURL: https://a.gov/\ncolour: red\nlanguages: [{code: en}]\n", `plainpress.yaml:3: unknown key "colour"`},
		{"no languages", "title: x\nbaseURL: https://a.gov/\n", "languages is missing"},
		{"bad url", "title: x\nbaseURL: example\nlanguages: [{code: en}]\n", `baseURL "example" is not a full web address`},
		{"bad code", "title: x\nbaseURL: https://a.gov/\nlanguages: [{code: English}]\n", `code "English" is not a language code`},
		{"menu link", "title: x\nbaseURL: https://a.gov/\nlanguages:\n  - code: en\n    menu: [{name: A}]\n", "plainpress.yaml:5:12: a menu or footer link needs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestHashIgnoresLineEndings(t *testing.T) {
	lf := Hash([]byte("---\ntitle: A\n---\nText\n"))
	if crlf := Hash([]byte("---\r\ntitle: A\r\n---\r\nText\r\n")); crlf != lf {
		t.Error("CRLF and LF hash differently")
	}
	if Hash([]byte("---\ntitle: B\n---\nText\n")) == lf {
		t.Error("different text, same hash")
	}
}

func TestPosition(t *testing.T) {
	proj, err := Load(project(map[string]*fstest.MapFile{
		"content/en/a.md": {Data: []byte("---\ntitle: A\ndescription: x\n---\nFirst line.\n\n- ¿Qué? [link](apply.md)\n")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	pg := proj.Page("en", "a.md")
	off := strings.Index(string(pg.Body), "[link]")
	if line, col := pg.Position(off); line != 7 || col != 9 {
		t.Errorf("position = %d:%d, want 7:9 (columns count characters)", line, col)
	}
}

func TestResolve(t *testing.T) {
	proj, err := Load(project(map[string]*fstest.MapFile{
		"content/en/news/_index.md": page("News", ""),
		"content/en/news/closed.md": page("Closed", ""),
	}))
	if err != nil {
		t.Fatal(err)
	}
	from := proj.Page("en", "news/closed.md")
	tests := []struct {
		dest, url string
		ok        bool
	}{
		{"../apply.md", "/apply/", true},
		{"../apply.md#what-to-bring", "/apply/#what-to-bring", true},
		{"/apply/", "/apply/", true},
		{"/apply", "/apply/", true},
		{"_index.md", "/news/", true},
		{"#top", "#top", true},
		{"https://example.org/x", "https://example.org/x", true},
		{"mailto:help@example.gov", "mailto:help@example.gov", true},
		{"../missing.md", "/missing.md", false},
		{"photo.jpg", "/news/photo.jpg", false},
	}
	for _, tt := range tests {
		got, ok := proj.Resolve(from, tt.dest)
		if got.URL != tt.url || ok != tt.ok {
			t.Errorf("Resolve(%q) = %q %v, want %q %v", tt.dest, got.URL, ok, tt.url, tt.ok)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"¿Cómo pago la manutención?": "como-pago-la-manutencion",
		"What to bring":              "what-to-bring",
		"Step 1: apply / sign":       "step-1-apply-sign",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
