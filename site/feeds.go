package site

import (
	"encoding/xml"
	"time"

	"github.com/plainpress/plainpress/content"
)

// maxFeedEntries keeps feeds short: readers poll them often.
const maxFeedEntries = 30

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary"`
}

// feed is an Atom feed of a language's news posts and newsletter issues.
func (s *state) feed(lang *content.Language) ([]byte, error) {
	prefix := s.proj.Config.Prefix(lang.Code)
	f := atomFeed{Lang: lang.Code, Title: lang.Title, ID: s.permalink(prefix + "/"),
		Links: []atomLink{{Rel: "self", Href: s.permalink(prefix + "/feed.xml"), Type: "application/atom+xml"},
			{Rel: "alternate", Href: s.permalink(prefix + "/"), Type: "text/html"}},
		Author: atomAuthor{Name: s.proj.Config.Agency.Name}}
	if f.Author.Name == "" {
		f.Author.Name = lang.Title
	}
	var newest time.Time
	for i, pg := range s.dated(lang.Code) {
		if i == maxFeedEntries {
			break
		}
		updated := lastmod(pg)
		if updated.After(newest) {
			newest = updated
		}
		f.Entries = append(f.Entries, atomEntry{Title: pg.Meta.Title, ID: s.permalink(pg.URL),
			Link: atomLink{Href: s.permalink(pg.URL)}, Updated: updated.Format(time.RFC3339), Summary: pg.Meta.Description})
	}
	if newest.IsZero() {
		newest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.Updated = newest.Format(time.RFC3339)
	return marshalXML(f)
}

// lastmod is when a page last changed, as its front matter says.
func lastmod(pg *content.Page) time.Time {
	if !pg.Meta.Lastmod.IsZero() {
		return pg.Meta.Lastmod
	}
	return pg.Meta.Date
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string         `xml:"loc"`
	Lastmod    string         `xml:"lastmod,omitempty"`
	Alternates []sitemapXLink `xml:"xhtml:link"`
}

type sitemapXLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// sitemap lists every published page with its last change and its
// translations.
func (s *state) sitemap() ([]byte, error) {
	set := urlSet{XHTML: "http://www.w3.org/1999/xhtml"}
	for _, pg := range s.pages {
		u := sitemapURL{Loc: s.permalink(pg.URL)}
		if t := lastmod(pg); !t.IsZero() {
			u.Lastmod = t.Format("2006-01-02")
		}
		_, alternates, _ := s.translations(pg)
		for _, a := range alternates {
			u.Alternates = append(u.Alternates, sitemapXLink{Rel: "alternate", Hreflang: a.Lang, Href: a.Permalink})
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

func marshalXML(v any) ([]byte, error) {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}
