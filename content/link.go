package content

import (
	"path"
	"sort"
	"strings"
)

// link builds the site's tree once every page is parsed: URLs, sections,
// translations, aliases, and the pages menus name.
func link(proj *Project, faults *faultList) {
	indexURLs(proj, faults)
	for _, pg := range proj.Pages {
		proj.byKey[pg.Lang+"/"+pg.Key] = pg
	}
	for _, pg := range proj.Pages {
		pg.Parent = parentOf(proj, pg)
		if pg.Parent != nil {
			pg.Parent.Children = append(pg.Parent.Children, pg)
		}
		for _, lang := range proj.Config.Languages {
			if t := proj.Page(lang.Code, pg.Key); t != nil && lang.Code != pg.Lang {
				pg.Translations = append(pg.Translations, t)
			}
		}
	}
	for _, pg := range proj.Pages {
		SortPages(pg.Children)
	}
	checkAliases(proj, faults)
	checkMenus(proj, faults)
}

// indexURLs maps each page's URL to it and reports two pages with one URL.
func indexURLs(proj *Project, faults *faultList) {
	for _, pg := range proj.Pages {
		if pg.Kind == KindArticle {
			continue
		}
		if other := proj.byURL[pg.URL]; other != nil {
			faults.errorf(pg.File, 1, 1, "this page and %s would both be published at %s: rename or move one of them", other.File, pg.URL)
			continue
		}
		proj.byURL[pg.URL] = pg
	}
}

// parentOf finds the list page a page belongs to: the _index.md (or an
// issue's index.md) of the nearest folder above it, or the home page.
func parentOf(proj *Project, pg *Page) *Page {
	if pg.Kind == KindHome {
		return nil
	}
	dir := path.Dir(pg.Key)
	if pg.Kind == KindSection || pg.Kind == KindIssue {
		dir = path.Dir(dir)
	} else if pg.Kind == KindArticle {
		return proj.Page(pg.Lang, path.Join(dir, "index.md"))
	}
	for ; dir != "." && dir != "/"; dir = path.Dir(dir) {
		if p := proj.Page(pg.Lang, path.Join(dir, "_index.md")); p != nil {
			return p
		}
	}
	return proj.Home(pg.Lang)
}

// SortPages orders pages as lists show them: by weight, then newest
// date first, then title.
func SortPages(pages []*Page) {
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i].Meta, pages[j].Meta
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Title < b.Title
	})
}

// checkAliases reports aliases that are not site paths or that collide
// with a page or another alias.
func checkAliases(proj *Project, faults *faultList) {
	taken := map[string]*Page{}
	for _, pg := range proj.Pages {
		line := pg.Meta.Lines["aliases"]
		for _, a := range pg.Meta.Aliases {
			if !strings.HasPrefix(a, "/") || strings.Contains(a, "..") || isExternal(a) {
				faults.errorf(pg.File, line, 1, "alias %q must be a path on this site that starts with /, such as /old-page/", a)
				continue
			}
			url := WithSlash(a)
			if other := proj.byURL[url]; other != nil {
				faults.errorf(pg.File, line, 1, "alias %s is the address of %s: remove the alias or move that page", a, other.File)
			} else if other := taken[url]; other != nil {
				faults.errorf(pg.File, line, 1, "alias %s is also an alias of %s: keep it on one page only", a, other.File)
			}
			taken[url] = pg
		}
	}
}

// checkMenus reports menu and footer links to pages that do not exist.
func checkMenus(proj *Project, faults *faultList) {
	for _, lang := range proj.Config.Languages {
		for _, links := range [][]Link{lang.Menu, lang.Footer} {
			for _, ln := range links {
				if ln.Page != "" && proj.Page(lang.Code, strings.TrimPrefix(ln.Page, "/")) == nil {
					faults.errorf(ConfigFile, ln.Line, ln.Col, "%s link %q names page %s, which is not in content/%s/", lang.Code, ln.Name, ln.Page, lang.Code)
				}
			}
		}
	}
}

// MenuURL is the site path a menu link leads to.
func (p *Project) MenuURL(lang string, ln Link) string {
	if ln.URL != "" {
		return ln.URL
	}
	if pg := p.Page(lang, strings.TrimPrefix(ln.Page, "/")); pg != nil {
		return pg.URL
	}
	return ""
}
