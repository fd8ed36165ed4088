package lint

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plainpress/plainpress/content"
)

// Change is one replacement --fix made.
type Change struct {
	Line, Column int
	Old, New     string
}

// Fix applies the findings that carry a safe replacement to the page's
// source, and returns the new source and what changed. Findings only
// ever cover prose, so code and URLs are never touched.
func Fix(pg *content.Page, findings []Finding) ([]byte, []Change) {
	fixes := make([]Finding, 0, len(findings))
	for _, f := range findings {
		if f.Fix != "" {
			fixes = append(fixes, f)
		}
	}
	sort.Slice(fixes, func(i, j int) bool { return fixes[i].Offset < fixes[j].Offset })
	base := len(pg.Source) - len(pg.Body) // where the body starts in the file
	var out strings.Builder
	var changes []Change
	pos := 0
	for _, f := range fixes {
		start, end := base+f.Offset, base+f.EndOffset
		if start < pos || end > len(pg.Source) { // overlaps a change already made
			continue
		}
		old := string(pg.Source[start:end])
		repl := matchCase(old, f.Fix)
		out.Write(pg.Source[pos:start])
		out.WriteString(repl)
		pos = end
		changes = append(changes, Change{Line: f.Line, Column: f.Column, Old: old, New: repl})
	}
	out.Write(pg.Source[pos:])
	return []byte(out.String()), changes
}

// matchCase capitalises the replacement when the old words started a
// sentence with a capital.
func matchCase(old, repl string) string {
	r, _ := utf8.DecodeRuneInString(old)
	if !unicode.IsUpper(r) {
		return repl
	}
	first, n := utf8.DecodeRuneInString(repl)
	return string(unicode.ToUpper(first)) + repl[n:]
}
