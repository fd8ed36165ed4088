package content

import (
	"io/fs"
	"path"
	"strings"
)

// Project is a loaded plainpress project.
type Project struct {
	Config *Config
	FS     fs.FS // the project root

	Pages    []*Page        // every page, by language (config order) then Key
	Assets   []Asset        // other files under content/, published beside their pages
	Data     map[string]any // data/NAME.yaml and data/NAME.csv, by NAME
	Warnings Faults         // faults that did not stop the load

	byURL map[string]*Page
	byKey map[string]*Page // "LANG/KEY"
}

// Asset is a file under content/ that is not Markdown, such as an image
// beside a newsletter issue. It is published at the same path.
type Asset struct {
	File string // content/en/newsletter/2026-11/photo.jpg
	URL  string // /newsletter/2026-11/photo.jpg
}

// Page returns the page of a language at a Key, or nil.
func (p *Project) Page(lang, key string) *Page { return p.byKey[lang+"/"+key] }

// PageByURL returns the page published at a site path, or nil.
func (p *Project) PageByURL(url string) *Page { return p.byURL[url] }

// Home returns the home page of a language, or nil if it has none.
func (p *Project) Home(lang string) *Page { return p.Page(lang, "_index.md") }

// LangPages returns the pages of one language, in Key order.
func (p *Project) LangPages(lang string) []*Page {
	var out []*Page
	for _, pg := range p.Pages {
		if pg.Lang == lang {
			out = append(out, pg)
		}
	}
	return out
}

// Target is where a link in a page leads.
type Target struct {
	Page     *Page  // the page, when the link is to a page of the site
	URL      string // the site path to write in the HTML (with #fragment)
	Fragment string // the anchor, without '#'
	External bool   // an absolute URL or mailto:, tel: and the like
}

// Resolve finds where a link written in page from leads. Links may name
// a Markdown file relative to the page's file (../pay.md#cards), a site
// path (/pay/), or be external. A relative link that is not to a
// Markdown file is taken from the page's folder too, as an editor's
// preview would. ok is false when no page is there: Target.URL is then
// the site path the link names, for the caller to look for other files
// (static ones, generated pages).
func (p *Project) Resolve(from *Page, dest string) (t Target, ok bool) {
	if isExternal(dest) {
		return Target{URL: dest, External: true}, true
	}
	target, frag, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	t.Fragment = frag
	if target == "" { // a link within the page
		t.Page, t.URL = from, "#"+frag
		return t, true
	}
	switch {
	case strings.HasSuffix(target, ".md"):
		key := path.Join(path.Dir(from.Key), target)
		if strings.HasPrefix(target, "/") {
			key = strings.TrimPrefix(target, "/")
		}
		t.Page = p.Page(from.Lang, key)
		t.URL = p.Config.Prefix(from.Lang) + "/" + key
	case strings.HasPrefix(target, "/"):
		t.URL = target
	default:
		t.URL = path.Join(p.Config.Prefix(from.Lang)+"/"+path.Dir(from.Key), target)
		if strings.HasSuffix(target, "/") {
			t.URL += "/"
		}
	}
	if t.Page == nil && !strings.HasSuffix(target, ".md") {
		t.Page = p.byURL[WithSlash(t.URL)]
	}
	if t.Page == nil {
		return t, false
	}
	t.URL = t.Page.URL
	if t.Page.Kind == KindArticle && frag == "" {
		frag = t.Page.Anchor
		t.Fragment = frag
	}
	if frag != "" {
		t.URL += "#" + frag
	}
	return t, true
}

// WithSlash makes "/pay" and "/pay/index.html" into "/pay/", the form
// page URLs take; file paths with an extension are left alone.
func WithSlash(p string) string {
	p = strings.TrimSuffix(p, "index.html")
	if path.Ext(p) != "" || strings.HasSuffix(p, "/") {
		return p
	}
	return p + "/"
}

func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	scheme, _, found := strings.Cut(dest, ":")
	if !found || strings.ContainsAny(scheme, "/.?#") {
		return false
	}
	return true
}
