package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"

	"github.com/plainpress/plainpress/content"
)

// generate writes everything that is not a content page: per-language
// tag, search and 404 pages, the search index and feed; the sitemap,
// robots.txt, alias redirects, theme assets and static files. It returns
// how many files it wrote.
func (s *state) generate(texts map[*content.Page]string, out Output) (int, error) {
	files := map[string][]byte{}
	for i := range s.proj.Config.Languages {
		lang := &s.proj.Config.Languages[i]
		if err := s.generateLang(lang, texts, files); err != nil {
			return 0, err
		}
	}
	var err error
	if files["sitemap.xml"], err = s.sitemap(); err != nil {
		return 0, err
	}
	files["robots.txt"] = s.robots()
	if err := s.aliases(files); err != nil {
		return 0, err
	}
	assets, err := assetFiles()
	if err != nil {
		return 0, err
	}
	files["assets/site.css"], files["assets/search.js"] = assets["site.css"], assets["search.js"]
	for _, f := range s.static { // last, so a project's file replaces the theme's
		b, err := fs.ReadFile(s.proj.FS, f.src)
		if err != nil {
			return 0, fmt.Errorf("copy %s: %w", f.src, err)
		}
		files[fileName(f.url)] = b
	}
	for name, b := range files {
		if err := out.WriteFile(name, b); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}

func (s *state) generateLang(lang *content.Language, texts map[*content.Page]string, files map[string][]byte) error {
	prefix := s.proj.Config.Prefix(lang.Code)
	words := s.theme.words(lang.Code)
	tags := tagsOf(s, lang.Code)

	v := s.baseView(lang, "tags", words["topics"], words["topics"], prefix+"/tags/")
	v.TagList = tags
	if err := s.render(v, files); err != nil {
		return err
	}
	for _, t := range tags {
		v := s.baseView(lang, "tag", words["topic"]+": "+t.Name, words["topic"]+": "+t.Name, t.URL)
		v.Children = s.cards(t.pages)
		if err := s.render(v, files); err != nil {
			return err
		}
	}
	v = s.baseView(lang, "search", words["searchTitle"], words["searchLabel"], prefix+"/search/")
	v.SearchIndex, v.AllPages = prefix+"/search/index.json", s.allPages(lang.Code)
	if err := s.render(v, files); err != nil {
		return err
	}
	v = s.baseView(lang, "404", words["notFoundTitle"], words["notFound"], prefix+"/404.html")
	v.NoIndex = true
	if err := s.render(v, files); err != nil {
		return err
	}
	var err error
	if files[fileName(prefix+"/search/index.json")], err = s.searchIndex(lang.Code, texts); err != nil {
		return err
	}
	files[fileName(prefix+"/feed.xml")], err = s.feed(lang)
	return err
}

// render runs a generated page's template into files.
func (s *state) render(v *view, files map[string][]byte) error {
	var buf bytes.Buffer
	if err := s.theme.byKind[v.Kind].ExecuteTemplate(&buf, "base", v); err != nil {
		return templateFault(layoutFile{file: "layout"}, err)
	}
	files[fileName(v.URL)] = buf.Bytes()
	return nil
}

// searchEntry is one page in a search index; short keys keep the file small.
type searchEntry struct {
	Title       string `json:"t"`
	URL         string `json:"u"`
	Description string `json:"d"`
	Text        string `json:"x"`
}

// maxIndexedText bounds the text kept per page: the start of a page says
// what it is about, and the index must stay quick to load on a phone.
const maxIndexedText = 3000

func (s *state) searchIndex(lang string, texts map[*content.Page]string) ([]byte, error) {
	entries := []searchEntry{}
	for _, pg := range s.pages {
		if pg.Lang != lang {
			continue
		}
		text := texts[pg]
		if len(text) > maxIndexedText {
			text = text[:maxIndexedText]
			for len(text) > 0 && text[len(text)-1]&0xC0 == 0x80 { // do not cut a character in two
				text = text[:len(text)-1]
			}
		}
		entries = append(entries, searchEntry{Title: pg.Meta.Title, URL: pg.URL, Description: pg.Meta.Description, Text: text})
	}
	return json.Marshal(entries)
}

func (s *state) robots() []byte {
	if s.opts.Preview {
		return []byte("# A preview build: keep it out of search engines.\nUser-agent: *\nDisallow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.permalink("/sitemap.xml") + "\n")
}

// aliases writes a small page at each old address that sends readers on.
func (s *state) aliases(files map[string][]byte) error {
	for _, pg := range s.pages {
		for _, a := range pg.Meta.Aliases {
			var buf bytes.Buffer
			err := s.theme.alias.Execute(&buf, map[string]string{
				"Lang": pg.Lang, "Title": pg.Meta.Title, "URL": pg.URL, "Permalink": s.permalink(pg.URL),
				"Message": s.theme.words(pg.Lang)["redirect"],
			})
			if err != nil {
				return templateFault(layoutFile{file: "layouts/alias.html"}, err)
			}
			files[fileName(content.WithSlash(a))] = buf.Bytes()
		}
	}
	return nil
}
