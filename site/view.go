package site

import (
	"html/template"
	"path"
	"sort"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// view is what a page template sees.
type view struct {
	Site        *siteView
	Lang        *content.Language
	T           map[string]string
	Kind        string
	Page        *content.Page
	Title       string
	Description string
	URL         string
	Permalink   string
	Content     template.HTML
	IsHome      bool
	NoIndex     bool

	Date, Updated, Reviewed *date
	// NotCleared is the clearance status of a page in a preview that the
	// public could not see yet ("in-review"), for its banner.
	NotCleared string

	Breadcrumbs  []navLink
	Translations []langLink // links to this page in other languages
	Alternates   []langLink // hreflang alternates, this page included
	XDefault     string
	Children     []card
	News         []card
	Tags         []navLink

	// Subscribe is where the newsletter's sign-up form posts, on its
	// archive and issue pages, when the project has a sign-up service.
	Subscribe string

	// Issues.
	Number    int
	Articles  []article
	ParentURL string

	// Generated pages.
	Directory   []dirGroup
	TagList     []tagLink
	AllPages    []pageGroup
	SearchIndex string
}

type siteView struct {
	Title, HomeURL, SearchURL, FeedURL, CSS, SearchJS, FooterLabel string
	Menu                                                           []menuItem
	Footer                                                         []navLink
	Agency                                                         *content.Agency
	Preview, Dev                                                   bool
}

type navLink struct{ Name, URL string }
type menuItem struct {
	Name, URL string
	Current   bool
}
type langLink struct{ Lang, Name, URL, Permalink string }
type card struct {
	Title, URL, Description string
	Date                    *date
}
type article struct {
	ID, Title string
	Content   template.HTML
}
type tagLink struct {
	Name, URL string
	Count     int
	pages     []*content.Page
}
type pageGroup struct {
	Name  string
	Pages []card
}

// siteView is the part of the view shared by every page of a language;
// current marks the menu item of the page being shown.
func (s *state) siteView(lang *content.Language, current string) *siteView {
	cfg := s.proj.Config
	words := s.theme.words(lang.Code)
	prefix := cfg.Prefix(lang.Code)
	v := &siteView{Title: lang.Title, HomeURL: prefix + "/", SearchURL: prefix + "/search/",
		FeedURL: prefix + "/feed.xml", CSS: "/assets/site.css", SearchJS: "/assets/search.js",
		FooterLabel: words["footer"], Preview: s.opts.Preview, Dev: s.opts.Dev}
	if cfg.Agency.Name != "" {
		v.Agency = &cfg.Agency
	}
	if lang.Agency != nil {
		v.Agency = lang.Agency
	}
	for _, ln := range lang.Menu {
		url := s.proj.MenuURL(lang.Code, ln)
		v.Menu = append(v.Menu, menuItem{Name: ln.Name, URL: url,
			Current: url != prefix+"/" && strings.HasPrefix(current, url)})
	}
	for _, ln := range lang.Footer {
		v.Footer = append(v.Footer, navLink{Name: ln.Name, URL: s.proj.MenuURL(lang.Code, ln)})
	}
	return v
}

// baseView fills what every page has, generated pages included.
func (s *state) baseView(lang *content.Language, kind, title, description, url string) *view {
	return &view{
		Site: s.siteView(lang, url), Lang: lang, T: s.theme.words(lang.Code), Kind: kind,
		Title: title, Description: description, URL: url, Permalink: s.permalink(url),
		NoIndex: s.opts.Preview,
	}
}

func (s *state) permalink(url string) string {
	return strings.TrimSuffix(s.proj.Config.BaseURL, "/") + url
}

// pageView is the view of a content page.
func (s *state) pageView(pg *content.Page, body template.HTML) *view {
	lang := s.proj.Config.Language(pg.Lang)
	v := s.baseView(lang, templateKind(pg), pg.Meta.Title, pg.Meta.Description, pg.URL)
	v.Page, v.Content, v.IsHome = pg, body, pg.Kind == content.KindHome
	v.Date, v.Updated = newDate(pg.Meta.Date, pg.Lang), newDate(pg.Meta.Lastmod, pg.Lang)
	if c, ok := s.opts.Clearance[pg.File]; ok {
		v.Reviewed = newDate(c.Reviewed, pg.Lang)
		if s.opts.Preview && c.State != "cleared" && c.State != "review-due" {
			v.NotCleared = c.State
		}
	}
	v.Number = pg.Meta.Number
	if pg.Parent != nil {
		v.ParentURL = pg.Parent.URL
	}
	if base := s.proj.Config.Newsletter.SubscribeURL; base != "" && (pg.Kind == content.KindIssue || hasIssues(pg)) {
		v.Subscribe = strings.TrimSuffix(base, "/") + "/subscribe"
	}
	v.Breadcrumbs = s.breadcrumbs(pg)
	v.Translations, v.Alternates, v.XDefault = s.translations(pg)
	v.Children = s.cards(pg.Children)
	if pg.Kind == content.KindHome {
		v.News = s.news(pg.Lang, 3)
	}
	for _, t := range pg.Meta.Tags {
		v.Tags = append(v.Tags, navLink{Name: t, URL: tagURL(s.proj.Config.Prefix(pg.Lang), t)})
	}
	if pg.Meta.Layout == "directory" {
		v.Directory = directory(s.proj.Data["agencies"], v.T)
	}
	return v
}

// templateKind picks the template: the page's layout if it names one the
// theme has, else the page's kind.
func templateKind(pg *content.Page) string {
	if pg.Meta.Layout != "" {
		return pg.Meta.Layout
	}
	return pg.Kind.String()
}

func (s *state) breadcrumbs(pg *content.Page) []navLink {
	var crumbs []navLink
	for p := pg.Parent; p != nil; p = p.Parent {
		crumbs = append([]navLink{{Name: p.Meta.Title, URL: p.URL}}, crumbs...)
	}
	if pg.Kind != content.KindHome && (len(crumbs) == 0 || crumbs[0].URL != s.proj.Config.Prefix(pg.Lang)+"/") {
		words := s.theme.words(pg.Lang)
		crumbs = append([]navLink{{Name: words["home"], URL: s.proj.Config.Prefix(pg.Lang) + "/"}}, crumbs...)
	}
	return crumbs
}

// translations lists the page in other languages, for the language
// switcher and for hreflang alternates.
func (s *state) translations(pg *content.Page) (links, alternates []langLink, xdefault string) {
	cfg := s.proj.Config
	self := langLink{Lang: pg.Lang, Name: cfg.Language(pg.Lang).Name, URL: pg.URL, Permalink: s.permalink(pg.URL)}
	for _, t := range pg.Translations {
		if !s.published[t] {
			continue
		}
		l := cfg.Language(t.Lang)
		link := langLink{Lang: t.Lang, Name: l.Name, URL: t.URL, Permalink: s.permalink(t.URL)}
		links = append(links, link)
		alternates = append(alternates, link)
	}
	if len(alternates) == 0 {
		return nil, nil, ""
	}
	alternates = append([]langLink{self}, alternates...)
	sort.Slice(alternates, func(i, j int) bool { return alternates[i].Lang < alternates[j].Lang })
	for _, a := range alternates {
		if a.Lang == cfg.DefaultLanguage().Code {
			xdefault = a.Permalink
		}
	}
	return links, alternates, xdefault
}

func (s *state) cards(pages []*content.Page) []card {
	var out []card
	for _, p := range pages {
		if s.published[p] && p.Kind != content.KindArticle {
			out = append(out, card{Title: p.Meta.Title, URL: p.URL, Description: p.Meta.Description, Date: newDate(p.Meta.Date, p.Lang)})
		}
	}
	return out
}

// news is the newest dated pages of the news section and the newsletter.
func (s *state) news(lang string, n int) []card {
	items := s.dated(lang)
	if len(items) > n {
		items = items[:n]
	}
	return s.cards(items)
}

// dated lists a language's news posts and newsletter issues, newest first.
func (s *state) dated(lang string) []*content.Page {
	var out []*content.Page
	for _, pg := range s.pages {
		news := pg.Section() == "news" && pg.Kind == content.KindPage && !pg.Meta.Date.IsZero()
		if pg.Lang == lang && (news || pg.Kind == content.KindIssue) {
			out = append(out, pg)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Meta.Date.After(out[j].Meta.Date) })
	return out
}

// allPages groups a language's pages by section for the search page, so
// readers without scripts can still find everything.
func (s *state) allPages(lang string) []pageGroup {
	groups := map[string]*pageGroup{}
	var order []string
	for _, pg := range s.pages {
		if pg.Lang != lang {
			continue
		}
		name := s.theme.words(lang)["home"]
		if sec := pg.Section(); sec != "" {
			if idx := s.proj.Page(lang, path.Join(sec, "_index.md")); idx != nil {
				name = idx.Meta.Title
			} else {
				name = sec
			}
		}
		if groups[name] == nil {
			groups[name] = &pageGroup{Name: name}
			order = append(order, name)
		}
		groups[name].Pages = append(groups[name].Pages, s.cards([]*content.Page{pg})...)
	}
	out := make([]pageGroup, 0, len(order))
	for _, name := range order {
		out = append(out, *groups[name])
	}
	return out
}

// hasIssues is whether a section is a newsletter's archive.
func hasIssues(pg *content.Page) bool {
	for _, c := range pg.Children {
		if c.Kind == content.KindIssue {
			return true
		}
	}
	return false
}
