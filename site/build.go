package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"time"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/par"
)

// Options say what kind of build to make.
type Options struct {
	Preview bool // a preview build: a banner on every page, nothing indexed
	Drafts  bool // include pages marked draft: true
	Dev     bool // for the preview server: pages load the live-reload script

	// Marks are findings to highlight in each page's text (the preview),
	// by page file.
	Marks map[string][]Mark

	// Clearance is each page's clearance, by page file, when the project
	// uses it: the day it was last reviewed, shown on the page, and its
	// status, shown in a banner in a preview when it is not cleared.
	Clearance map[string]PageClearance
	// Withheld are the pages a production build leaves out because they
	// are not cleared, by file, with their status: links to them are
	// errors that say so.
	Withheld map[string]string
}

// PageClearance is what the site shows of a page's clearance.
type PageClearance struct {
	State    string    // draft, in-review, changes-requested, stale, cleared, review-due
	Reviewed time.Time // zero if never cleared
}

// Mark is a span of a page body to highlight, with what is wrong there.
type Mark struct {
	Start, End int // bytes of the page body
	Severity   string
	Message    string
}

// Result says what a build did and what its checks found.
type Result struct {
	Pages    int            // HTML pages in the site
	Files    int            // files written in all
	Rendered int            // pages rendered anew (the rest were unchanged)
	Problems content.Faults // broken links, missing alt text, skipped headings
}

// Failed reports whether the checks found an error (not only warnings).
func (r *Result) Failed() bool { return len(r.Problems.Errors()) > 0 }

// Builder builds a project again and again, rendering only the pages
// whose inputs changed since its last build. The preview server keeps
// one; a one-off build uses Build.
type Builder struct {
	opts  Options
	cache map[string]cached // by page file
}

type cached struct {
	key      string
	html     []byte
	text     string
	problems content.Faults
}

// NewBuilder returns a Builder for the given options.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, cache: map[string]cached{}}
}

// Build renders a project into out with no cache.
func Build(ctx context.Context, proj *content.Project, out Output, opts Options) (*Result, error) {
	return NewBuilder(opts).Build(ctx, proj, out)
}

// BuildDir builds into a new folder beside dir and swaps it in only when
// the build succeeded and its checks found no error, so a failed or
// killed build leaves the previous site whole.
func BuildDir(ctx context.Context, proj *content.Project, dir string, opts Options) (*Result, error) {
	tmp, err := staging(dir)
	if err != nil {
		return nil, fmt.Errorf("prepare the output folder: %w", err)
	}
	res, err := Build(ctx, proj, &dirOutput{root: tmp, dirs: map[string]bool{}}, opts)
	if err == nil && !res.Failed() {
		err = swapIn(tmp, dir)
	}
	if err != nil || res.Failed() {
		_ = os.RemoveAll(tmp)
	}
	return res, err
}

// Build renders every published page and the files made from them.
func (b *Builder) Build(ctx context.Context, proj *content.Project, out Output) (*Result, error) {
	th, err := loadTheme(proj.FS)
	if err != nil {
		return nil, err
	}
	s, err := newState(proj, th, b.opts)
	if err != nil {
		return nil, err
	}
	siteKey := s.key()
	res := &Result{Pages: len(s.pages)}
	texts, err := b.renderPages(ctx, s, siteKey, out, res)
	if err != nil {
		return nil, err
	}
	n, err := s.generate(texts, out)
	if err != nil {
		return nil, err
	}
	res.Files = len(s.pages) + n
	res.Problems.Sort()
	return res, nil
}

// key sums up everything outside a page's own text that its HTML
// depends on: config, theme, data, and the titles, places and anchors of
// every page (menus, lists and link checks read them).
func (s *state) key() string {
	h := sha256.New()
	// JSON, not %v: it follows pointers instead of printing addresses,
	// which differ on every load.
	cfg, _ := json.Marshal(s.proj.Config)
	data, _ := json.Marshal(s.proj.Data)
	opts := s.opts
	opts.Marks = nil // each page's own marks are in its page key
	fmt.Fprintf(h, "%s\n%+v\n%s\n%s\n", cfg, opts, data, s.theme.hash)
	for _, pg := range s.pages {
		fmt.Fprintf(h, "%s %s %+v %v\n", pg.File, pg.URL, pg.Meta, s.anchors[pg])
	}
	for _, f := range s.static {
		fmt.Fprintln(h, f.url)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// pageKey is what a page's output depends on: the site and its own text
// (an issue's articles included).
func pageKey(siteKey string, pg *content.Page) string {
	k := siteKey + pg.Hash
	if pg.Kind == content.KindIssue {
		for _, a := range pg.Children {
			k += a.Hash
		}
	}
	return k
}

// renderPages renders pages on every core and writes them. It returns
// each page's plain text, for the search index.
func (b *Builder) renderPages(ctx context.Context, s *state, siteKey string, out Output, res *Result) (map[*content.Page]string, error) {
	results := make([]cached, len(s.pages))
	errs := make([]error, len(s.pages))
	rendered := make([]bool, len(s.pages))
	par.EachWith(len(s.pages), func() *markdownRenderer { return newMarkdownRenderer(s) }, func(r *markdownRenderer, i int) {
		if ctx.Err() != nil {
			return
		}
		pg := s.pages[i]
		key := pageKey(siteKey, pg) + fmt.Sprint(s.opts.Marks[pg.File])
		c, ok := b.cache[pg.File]
		if !ok || c.key != key {
			c, errs[i] = s.renderPage(r, pg)
			c.key, rendered[i] = key, true
		}
		if errs[i] == nil {
			errs[i] = out.WriteFile(fileName(pg.URL), c.html)
		}
		results[i] = c
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var faults content.Faults
	texts := make(map[*content.Page]string, len(s.pages))
	fresh := make(map[string]cached, len(s.pages))
	for i, pg := range s.pages {
		if errs[i] != nil {
			if fs, ok := content.AsFaults(errs[i]); ok {
				faults = append(faults, fs...)
				continue
			}
			return nil, fmt.Errorf("%s: %w", pg.File, errs[i])
		}
		if rendered[i] {
			res.Rendered++
		}
		fresh[pg.File] = results[i]
		texts[pg] = results[i].text
		res.Problems = append(res.Problems, results[i].problems...)
	}
	if len(faults) > 0 {
		return nil, faults
	}
	b.cache = fresh
	return texts, nil
}

// renderPage renders one page with its template, and checks it.
func (s *state) renderPage(r *markdownRenderer, pg *content.Page) (cached, error) {
	body, err := r.render(pg, 0)
	if err != nil {
		return cached{}, err
	}
	text := content.PlainText(pg.Doc, pg.Body)
	v := s.pageView(pg, template.HTML(body))
	problems := s.check(pg)
	for _, a := range pg.Children {
		if a.Kind != content.KindArticle || !s.published[a] {
			continue
		}
		ab, err := r.render(a, 1)
		if err != nil {
			return cached{}, err
		}
		v.Articles = append(v.Articles, article{ID: a.Anchor, Title: a.Meta.Title, Content: template.HTML(ab)})
		text += "\n" + a.Meta.Title + "\n" + content.PlainText(a.Doc, a.Body)
		problems = append(problems, s.check(a)...)
	}
	html, err := s.execute(v, pg)
	return cached{html: html, text: text, problems: problems}, err
}

// execute runs a page's template. A page that names a layout the theme
// does not have is a fault at its layout line.
func (s *state) execute(v *view, pg *content.Page) ([]byte, error) {
	t := s.theme.byKind[v.Kind]
	if t == nil {
		line := pg.Meta.Lines["layout"]
		return nil, content.Faults{{File: pg.File, Line: line, Col: 1,
			Msg: fmt.Sprintf("layout %q does not exist: use directory, or leave layout out", pg.Meta.Layout)}}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", v); err != nil {
		f := templateFault(layoutFile{file: "layout"}, err).(content.Faults)
		f[0].Msg += " (while making " + pg.File + ")"
		return nil, f
	}
	return buf.Bytes(), nil
}
