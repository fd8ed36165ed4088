package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Meta is a page's front matter.
type Meta struct {
	Title       string
	Description string
	Date        time.Time
	Lastmod     time.Time
	Weight      int
	Draft       bool
	Aliases     []string
	Tags        []string
	Audience    []string
	Layout      string

	// Newsletter issues.
	Number    int
	Subject   string
	Preheader string

	// Lines is the line in the file of each key that was set, so a fault
	// about a value can point at it.
	Lines map[string]int
}

// dateLayouts are the date forms front matter accepts.
var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04"}

// splitFrontMatter finds YAML front matter between "---" lines at the top
// of src. It returns the YAML, the body, and the 1-based line on which the
// body starts. ok is false when the file has no front matter.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, ok bool, err error) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, src, 1, false, nil
	}
	offset := len(first) + 1
	line := 2
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(l, " \t\r"))
		if t == "---" || t == "..." {
			end, bodyLine := offset+len(l)+1, line+1
			if end > len(src) { // the file ends on the closing line
				end, bodyLine = len(src), line
			}
			return src[len(first)+1 : offset], src[end:], bodyLine, true, nil
		}
		offset += len(l) + 1
		line++
		rest = next
	}
	return nil, nil, 0, true, fmt.Errorf("front matter starts with --- on line 1 but never ends: add a line with --- after it")
}

// fieldSetter decodes one front matter value into Meta.
type fieldSetter func(m *Meta, v *yaml.Node) error

var metaFields = map[string]fieldSetter{
	"title":       str(func(m *Meta) *string { return &m.Title }),
	"description": str(func(m *Meta) *string { return &m.Description }),
	"layout":      str(func(m *Meta) *string { return &m.Layout }),
	"subject":     str(func(m *Meta) *string { return &m.Subject }),
	"preheader":   str(func(m *Meta) *string { return &m.Preheader }),
	"date":        date(func(m *Meta) *time.Time { return &m.Date }),
	"lastmod":     date(func(m *Meta) *time.Time { return &m.Lastmod }),
	"weight":      decode(func(m *Meta) any { return &m.Weight }, "a whole number, such as 10"),
	"number":      decode(func(m *Meta) any { return &m.Number }, "a whole number, such as 3"),
	"draft":       decode(func(m *Meta) any { return &m.Draft }, "true or false"),
	"aliases":     list(func(m *Meta) *[]string { return &m.Aliases }),
	"tags":        list(func(m *Meta) *[]string { return &m.Tags }),
	"audience":    list(func(m *Meta) *[]string { return &m.Audience }),
}

func str(field func(*Meta) *string) fieldSetter {
	return func(m *Meta, v *yaml.Node) error {
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("should be text")
		}
		*field(m) = strings.TrimSpace(v.Value)
		return nil
	}
}

func date(field func(*Meta) *time.Time) fieldSetter {
	return func(m *Meta, v *yaml.Node) error {
		if v.Kind == yaml.ScalarNode {
			for _, layout := range dateLayouts {
				if t, err := time.Parse(layout, v.Value); err == nil {
					*field(m) = t
					return nil
				}
			}
		}
		return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, such as 2026-11-02", v.Value)
	}
}

func decode(field func(*Meta) any, want string) fieldSetter {
	return func(m *Meta, v *yaml.Node) error {
		if v.Kind != yaml.ScalarNode || v.Decode(field(m)) != nil {
			return fmt.Errorf("%q should be %s", v.Value, want)
		}
		return nil
	}
}

func list(field func(*Meta) *[]string) fieldSetter {
	return func(m *Meta, v *yaml.Node) error {
		switch v.Kind {
		case yaml.ScalarNode: // one value written without brackets
			*field(m) = []string{v.Value}
			return nil
		case yaml.SequenceNode:
			var out []string
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode {
					return fmt.Errorf("should be a list of words, such as [payments, employers]")
				}
				out = append(out, item.Value)
			}
			*field(m) = out
			return nil
		}
		return fmt.Errorf("should be a list, such as [payments, employers]")
	}
}

// parseMeta decodes front matter. Syntax errors and bad values are error
// faults; unknown keys are warnings (a typo should not stop a build, but
// the writer should know the key does nothing).
func parseMeta(file string, fm []byte, l *faultList) Meta {
	var m Meta
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		for _, f := range yamlFaults(file, 1, err) {
			l.add(f)
		}
		return m
	}
	if len(doc.Content) == 0 {
		return m
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		l.errorf(file, root.Line+1, root.Column, "front matter should be keys and values, such as `title: Apply for services`")
		return m
	}
	seen := map[string]bool{}
	m.Lines = map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line, col := k.Line+1, k.Column
		set, known := metaFields[k.Value]
		switch {
		case !known:
			l.warnf(file, line, col, "unknown front matter key %q is ignored: check its spelling", k.Value)
		case seen[k.Value]:
			l.errorf(file, line, col, "%s is set twice", k.Value)
		default:
			if err := set(&m, v); err != nil {
				l.errorf(file, v.Line+1, v.Column, "%s: %v", k.Value, err)
			}
		}
		seen[k.Value] = true
		m.Lines[k.Value] = line
	}
	return m
}
