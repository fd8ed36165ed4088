package site

import (
	"sort"

	"github.com/plainpress/plainpress/content"
)

func tagURL(prefix, tag string) string { return prefix + "/tags/" + content.Slug(tag) + "/" }

// tagsOf lists a language's tags with their published pages, by name.
func tagsOf(s *state, lang string) []tagLink {
	byURL := map[string]*tagLink{}
	prefix := s.proj.Config.Prefix(lang)
	for _, pg := range s.pages {
		if pg.Lang != lang {
			continue
		}
		for _, t := range pg.Meta.Tags {
			url := tagURL(prefix, t)
			if byURL[url] == nil {
				byURL[url] = &tagLink{Name: t, URL: url}
			}
			byURL[url].Count++
			byURL[url].pages = append(byURL[url].pages, pg)
		}
	}
	out := make([]tagLink, 0, len(byURL))
	for _, t := range byURL {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
