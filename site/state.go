package site

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/plainpress/plainpress/content"
)

// state is what one build knows about the whole site: which pages are
// published, which other files exist, and each page's anchors. It is
// read-only once made, so workers share it.
type state struct {
	proj      *content.Project
	opts      Options
	theme     *theme
	pages     []*content.Page // published pages with their own URL (no articles)
	published map[*content.Page]bool
	files     map[string]bool            // site paths of everything besides pages
	anchors   map[*content.Page][]string // ids a link may point at, per page
	static    []staticFile
}

// staticFile is a file copied into the site as it is.
type staticFile struct{ src, url string }

func newState(proj *content.Project, th *theme, opts Options) (*state, error) {
	s := &state{proj: proj, opts: opts, theme: th, published: map[*content.Page]bool{},
		files: map[string]bool{}, anchors: map[*content.Page][]string{}}
	for _, pg := range publish(proj, opts) {
		s.published[pg] = true
		if pg.Kind != content.KindArticle {
			s.pages = append(s.pages, pg)
		}
	}
	for _, pg := range proj.Pages {
		s.anchors[pg] = anchorsOf(pg)
	}
	for _, pg := range s.pages {
		for _, a := range pg.Children {
			if a.Kind == content.KindArticle && s.published[a] {
				s.anchors[pg] = append(s.anchors[pg], a.Anchor)
				s.anchors[pg] = append(s.anchors[pg], s.anchors[a]...)
			}
		}
	}
	if err := s.addStatic(); err != nil {
		return nil, err
	}
	for _, a := range proj.Assets {
		s.static = append(s.static, staticFile{src: a.File, url: a.URL})
		s.files[a.URL] = true
	}
	for _, lang := range proj.Config.Languages {
		for _, p := range generatedPaths(proj.Config.Prefix(lang.Code)) {
			s.files[p] = true
		}
		for _, t := range tagsOf(s, lang.Code) {
			s.files[t.URL] = true
		}
	}
	for _, pg := range s.pages {
		for _, a := range pg.Meta.Aliases {
			s.files[content.WithSlash(a)] = true
		}
	}
	return s, nil
}

// generatedPaths are the pages and files a build makes for each language
// besides the content pages.
func generatedPaths(prefix string) []string {
	return []string{prefix + "/search/", prefix + "/search/index.json", prefix + "/tags/",
		prefix + "/feed.xml", prefix + "/404.html", "/sitemap.xml", "/robots.txt",
		"/assets/site.css", "/assets/search.js"}
}

// addStatic lists the project's static/ folder.
func (s *state) addStatic() error {
	err := fs.WalkDir(s.proj.FS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "static" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		url := strings.TrimPrefix(p, "static")
		s.static = append(s.static, staticFile{src: p, url: url})
		s.files[url] = true
		return nil
	})
	if err != nil {
		return fmt.Errorf("read static: %w", err)
	}
	return nil
}

// anchorsOf lists the ids of a page's headings and elements with an id.
func anchorsOf(pg *content.Page) []string {
	ids := []string{"main"}
	_ = ast.Walk(pg.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := n.AttributeString("id"); ok {
			if b, ok := id.([]byte); ok {
				ids = append(ids, string(b))
			}
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return ids
}

func (s *state) hasAnchor(pg *content.Page, id string) bool {
	for _, a := range s.anchors[pg] {
		if a == id {
			return true
		}
	}
	return false
}

// resolve turns a link in a page into the site path to write in the
// HTML, and says what is wrong with it, if anything.
func (s *state) resolve(from *content.Page, dest string) (url, problem string) {
	if dest == "" {
		return "#", "the link has no address"
	}
	t, ok := s.proj.Resolve(from, dest)
	switch {
	case t.External:
		return t.URL, ""
	case ok && !s.published[t.Page]:
		return t.URL, fmt.Sprintf("links to %s, which is not published", t.Page.File)
	case ok && t.Fragment != "" && !s.hasAnchor(t.Page, t.Fragment):
		return t.URL, fmt.Sprintf("links to #%s, but %s has no heading with that id", t.Fragment, t.Page.File)
	case ok:
		return t.URL, ""
	}
	p := t.URL
	if s.files[p] || s.files[content.WithSlash(p)] {
		if t.Fragment != "" {
			p += "#" + t.Fragment
		}
		return p, ""
	}
	if file := path.Join("content", from.Lang, strings.TrimPrefix(path.Clean(strings.TrimPrefix(t.URL, s.proj.Config.Prefix(from.Lang))), "/")); s.opts.Withheld[file] != "" {
		return dest, fmt.Sprintf("links to %s, which is not cleared (%s), so a production build leaves it out", file, s.opts.Withheld[file])
	}
	if strings.HasSuffix(dest, ".md") {
		return dest, fmt.Sprintf("links to %s, but there is no such page in content/%s/", strings.TrimPrefix(path.Clean(strings.TrimPrefix(t.URL, s.proj.Config.Prefix(from.Lang))), "/"), from.Lang)
	}
	return dest, fmt.Sprintf("links to %s, but the site has no page or file there", p)
}
