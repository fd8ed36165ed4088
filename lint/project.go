package lint

import (
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// Settings are a project's lint settings: a base config and the
// overrides for paths that match a pattern.
type Settings struct {
	Base      Config
	overrides []override
	key       string // the lint: section as written, for the cache
}

type override struct {
	pattern string
	grade   float64
	levels  map[string]Severity
}

// NewSettings checks the lint: section of plainpress.yaml and turns it
// into settings. Unknown rules and levels are faults in plainpress.yaml.
func NewSettings(c content.Lint) (*Settings, error) {
	var faults content.Faults
	s := &Settings{Base: DefaultConfig()}
	if b, err := json.Marshal(c); err == nil {
		s.key = string(b)
	}
	if c.TargetGrade > 0 {
		s.Base.TargetGrade = c.TargetGrade
	}
	s.Base.Levels = levels(c.Rules, "lint.rules", &faults)
	s.Base.Accept = c.Accept
	if len(c.Substitutions) > 0 {
		s.Base.extra = &phraseList{byFirst: map[string][]phrase{}}
		for k, v := range c.Substitutions {
			s.Base.extra.add(k, v)
		}
	}
	for i, o := range c.Overrides {
		if _, err := path.Match(o.Path, ""); err != nil || o.Path == "" {
			faults = append(faults, content.Fault{File: content.ConfigFile, Msg: fmt.Sprintf("lint.overrides[%d].path %q is not a pattern such as content/en/legal/*.md", i, o.Path)})
		}
		s.overrides = append(s.overrides, override{pattern: o.Path, grade: o.TargetGrade,
			levels: levels(o.Rules, fmt.Sprintf("lint.overrides[%d].rules", i), &faults)})
	}
	if len(faults) > 0 {
		return nil, faults
	}
	return s, nil
}

func levels(in map[string]string, where string, faults *content.Faults) map[string]Severity {
	out := map[string]Severity{}
	for id, v := range in {
		if _, ok := defaultLevel[id]; !ok {
			*faults = append(*faults, content.Fault{File: content.ConfigFile,
				Msg: fmt.Sprintf("%s: unknown rule %q (the rules are: %s)", where, id, strings.Join(RuleIDs(), ", "))})
			continue
		}
		sev, ok := ParseSeverity(v)
		if !ok {
			*faults = append(*faults, content.Fault{File: content.ConfigFile,
				Msg: fmt.Sprintf("%s.%s: %q is not a level: use error, warning, suggestion or off", where, id, v)})
			continue
		}
		out[id] = sev
	}
	return out
}

// For returns the config for a file (a path from the project root).
func (s *Settings) For(file string) Config {
	c := s.Base
	for _, o := range s.overrides {
		if ok, _ := path.Match(o.pattern, file); !ok && !strings.HasPrefix(file, strings.TrimSuffix(o.pattern, "*")) {
			continue
		}
		merged := map[string]Severity{}
		for k, v := range c.Levels {
			merged[k] = v
		}
		for k, v := range o.levels {
			merged[k] = v
		}
		c.Levels = merged
		if o.grade > 0 {
			c.TargetGrade = o.grade
		}
	}
	return c
}

// RuleIDs lists every rule id, sorted.
func RuleIDs() []string {
	ids := make([]string, 0, len(rules))
	for _, r := range rules {
		ids = append(ids, r.id)
	}
	sort.Strings(ids)
	return ids
}
