package clearance

import (
	"encoding/json"
	"fmt"
	"net/mail"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/plainpress/plainpress/content"
)

// Policy is a project's clearance policy, checked.
type Policy struct {
	raw              content.Clearance
	roles            map[string][]string
	pages, issues    []content.Stage
	sections         []content.ClearanceSection
	AuthorMayApprove bool
	LintGate         string // error, warning, suggestion or off
	ReviewEvery      Period // how long a clearance lasts before a review is due
	DueSoon          Period // how early "due" lists a review
	Signatures       content.Signatures
	Hash             string // of the policy as configured: events name it
	bytes            []byte // the policy as kept in objects/, whose hash is Hash
}

func policyBytes(p *Policy) []byte { return p.bytes }

// Enabled reports whether the project has clearance at all.
func Enabled(c content.Clearance) bool { return len(c.Roles) > 0 }

// NewPolicy checks the clearance: section of plainpress.yaml. Every
// mistake is a fault in plainpress.yaml naming the field.
func NewPolicy(c content.Clearance) (*Policy, error) {
	var faults content.Faults
	bad := func(format string, args ...any) {
		faults = append(faults, content.Fault{File: content.ConfigFile, Msg: "clearance." + fmt.Sprintf(format, args...)})
	}
	p := &Policy{raw: c, roles: map[string][]string{}, pages: c.Pages, issues: c.Issues, sections: c.Sections,
		AuthorMayApprove: c.AuthorMayApprove, LintGate: c.LintGate, Signatures: c.Signatures}
	for _, role := range sortedKeys(c.Roles) {
		if !roleName.MatchString(role) {
			bad("roles: %q is not a role name such as legal or plain-language", role)
		}
		if len(c.Roles[role]) == 0 {
			bad("roles.%s: no members: list their e-mail addresses", role)
		}
		for _, m := range c.Roles[role] {
			if a, err := mail.ParseAddress(m); err != nil || a.Address != m {
				bad("roles.%s: %q is not an e-mail address", role, m)
			}
			p.roles[role] = append(p.roles[role], strings.ToLower(m))
		}
	}
	if len(c.Pages) == 0 {
		bad("pages: no stages: list the roles that approve a page, such as `pages: [{role: program}, {role: legal, after: [program]}]`")
	}
	p.checkStages("pages", c.Pages, bad)
	if len(c.Issues) == 0 {
		p.issues = c.Pages
	}
	p.checkStages("issues", c.Issues, bad)
	for i, s := range c.Sections {
		if _, err := path.Match(s.Path, ""); err != nil || s.Path == "" {
			bad("sections[%d].path: %q is not a pattern such as content/*/employers/*.md", i, s.Path)
		}
		if len(s.Stages) == 0 {
			bad("sections[%d].stages: none: list the roles that approve these pages", i)
		}
		p.checkStages(fmt.Sprintf("sections[%d].stages", i), s.Stages, bad)
	}
	switch p.LintGate {
	case "":
		p.LintGate = "error"
	case "error", "warning", "suggestion", "off":
	default:
		bad("lintGate: %q: use error, warning, suggestion or off", p.LintGate)
	}
	var err error
	if p.ReviewEvery, err = parsePeriod(c.ReviewEvery, Period{Months: 12}); err != nil {
		bad("reviewEvery: %v", err)
	}
	if p.DueSoon, err = parsePeriod(c.DueSoon, Period{Days: 30}); err != nil {
		bad("dueSoon: %v", err)
	}
	if c.Signatures.Required && c.Signatures.AllowedSigners == "" {
		bad("signatures: required, but allowedSigners does not name the file of keys (such as clearance/allowed_signers)")
	}
	if len(faults) > 0 {
		return nil, faults
	}
	p.bytes, _ = json.Marshal(c)
	p.Hash = hashOf(p.bytes)
	return p, nil
}

var roleName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// checkStages checks that each stage names a role, once, and waits only
// for stages of the same list, with no loop.
func (p *Policy) checkStages(where string, stages []content.Stage, bad func(string, ...any)) {
	seen := map[string]bool{}
	for i, s := range stages {
		switch {
		case s.Role == "":
			bad("%s[%d]: no role", where, i)
		case p.roles[s.Role] == nil:
			bad("%s[%d]: unknown role %q (the roles are: %s)", where, i, s.Role, strings.Join(sortedKeys(p.roles), ", "))
		case seen[s.Role]:
			bad("%s[%d]: role %q is listed twice", where, i, s.Role)
		}
		seen[s.Role] = true
	}
	for i, s := range stages {
		for _, a := range s.After {
			if !seen[a] {
				bad("%s[%d].after: no stage %q in %s (the stages are: %s)", where, i, a, where, strings.Join(roles(stages), ", "))
			}
		}
	}
	if cycle := findCycle(stages); cycle != "" {
		bad("%s: the stages wait for each other in a loop (%s), so none could start", where, cycle)
	}
}

func findCycle(stages []content.Stage) string {
	after := map[string][]string{}
	for _, s := range stages {
		after[s.Role] = s.After
	}
	state := map[string]int{} // 1 visiting, 2 done
	var trail []string
	var visit func(r string) string
	visit = func(r string) string {
		switch state[r] {
		case 1:
			return strings.Join(append(trail, r), " → ")
		case 2:
			return ""
		}
		state[r] = 1
		trail = append(trail, r)
		for _, a := range after[r] {
			if c := visit(a); c != "" {
				return c
			}
		}
		trail = trail[:len(trail)-1]
		state[r] = 2
		return ""
	}
	for _, s := range stages {
		if c := visit(s.Role); c != "" {
			return c
		}
	}
	return ""
}

// Stages are the approvals a document needs, in the policy's order.
func (p *Policy) Stages(d *Doc) []content.Stage {
	if d.Kind == KindIssue {
		return p.issues
	}
	for _, s := range p.sections {
		if ok, _ := path.Match(s.Path, d.ID); ok {
			return s.Stages
		}
	}
	return p.pages
}

// Members are the people who may approve for a role.
func (p *Policy) Members(role string) []string { return p.roles[role] }

// IsMember reports whether who may approve for role.
func (p *Policy) IsMember(role, who string) bool {
	for _, m := range p.roles[role] {
		if strings.EqualFold(m, who) {
			return true
		}
	}
	return false
}

// Roles are the role names, sorted.
func (p *Policy) Roles() []string { return sortedKeys(p.roles) }

// Period is a span of the calendar: "12 months" ends on the same day a
// year later, whatever the months' lengths.
type Period struct{ Years, Months, Days int }

// From is the time a period after t.
func (p Period) From(t time.Time) time.Time { return t.AddDate(p.Years, p.Months, p.Days) }

// Before is the time a period before t.
func (p Period) Before(t time.Time) time.Time { return t.AddDate(-p.Years, -p.Months, -p.Days) }

// parsePeriod reads "12 months", "90 days", "2 years" or "6 weeks".
func parsePeriod(s string, def Period) (Period, error) {
	if s == "" {
		return def, nil
	}
	if f := strings.Fields(s); len(f) == 2 {
		n, err := strconv.Atoi(f[0])
		if err == nil && n > 0 {
			switch strings.TrimSuffix(f[1], "s") {
			case "day":
				return Period{Days: n}, nil
			case "week":
				return Period{Days: 7 * n}, nil
			case "month":
				return Period{Months: n}, nil
			case "year":
				return Period{Years: n}, nil
			}
		}
	}
	return Period{}, fmt.Errorf("%q is not a period such as \"12 months\" or \"90 days\"", s)
}

func roles(stages []content.Stage) []string {
	var out []string
	for _, s := range stages {
		out = append(out, s.Role)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
