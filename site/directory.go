package site

import (
	"fmt"
	"sort"
)

// dirGroup is one table of the agency directory: states, territories or
// tribal programs.
type dirGroup struct {
	ID, Name  string
	HasRegion bool
	Entries   []dirEntry
}

type dirEntry struct{ Name, Region, Phone, Website string }

// directoryKinds orders the directory's groups.
var directoryKinds = []string{"state", "territory", "tribal"}

// directory groups data/agencies.yaml by kind for the contact page. The
// data is a list of mappings with name, kind, region, phone and website.
func directory(data any, words map[string]string) []dirGroup {
	items, _ := data.([]any)
	groups := map[string]*dirGroup{}
	for _, it := range items {
		m, _ := it.(map[string]any)
		e := dirEntry{Name: str(m["name"]), Region: str(m["region"]), Phone: str(m["phone"]), Website: str(m["website"])}
		kind := str(m["kind"])
		if e.Name == "" {
			continue
		}
		if groups[kind] == nil {
			name := words["kind_"+kind]
			if name == "" {
				name = kind
			}
			groups[kind] = &dirGroup{ID: "programs-" + kind, Name: name}
		}
		g := groups[kind]
		g.Entries = append(g.Entries, e)
		g.HasRegion = g.HasRegion || e.Region != ""
	}
	var out []dirGroup
	for _, k := range directoryKinds {
		if g := groups[k]; g != nil {
			out = append(out, *g)
			delete(groups, k)
		}
	}
	rest := make([]string, 0, len(groups))
	for k := range groups { // kinds the theme does not know, last
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		out = append(out, *groups[k])
	}
	return out
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
