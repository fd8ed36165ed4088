package lint

import (
	"regexp"
	"strings"
)

// directive is an inline comment that turns rules off or on:
// <!-- plainpress-disable RULE... -->, <!-- plainpress-enable RULE... -->,
// <!-- plainpress-disable-next-line RULE... -->. No rules means all.
var directive = regexp.MustCompile(`<!--\s*plainpress-(disable-next-line|disable|enable)((?:\s+[a-z][a-z.-]*)*)\s*-->`)

// suppress drops the findings that directives in the page turn off.
func (d *doc) suppress(findings []Finding) []Finding {
	type span struct {
		from, to int // lines, inclusive
		rules    []string
	}
	var spans []span
	open := map[string]int{} // rule ("" for all) → line disabled from
	lines := strings.Split(string(d.page.Body), "\n")
	for i, text := range lines {
		line := d.page.BodyLine + i
		for _, m := range directive.FindAllStringSubmatch(text, -1) {
			ids := strings.Fields(m[2])
			if len(ids) == 0 {
				ids = []string{""}
			}
			for _, id := range ids {
				switch m[1] {
				case "disable-next-line":
					spans = append(spans, span{line + 1, line + 1, []string{id}})
				case "disable":
					open[id] = line
				case "enable":
					for k, from := range open {
						if id == "" || k == id {
							spans = append(spans, span{from, line, []string{k}})
							delete(open, k)
						}
					}
				}
			}
		}
	}
	for k, from := range open {
		spans = append(spans, span{from, 1 << 30, []string{k}})
	}
	var out []Finding
outer:
	for _, f := range findings {
		for _, s := range spans {
			if f.Line >= s.from && f.Line <= s.to && (s.rules[0] == "" || s.rules[0] == f.Rule) {
				continue outer
			}
		}
		out = append(out, f)
	}
	return out
}
