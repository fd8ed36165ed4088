// Package dashboard writes the readability and clearance dashboard: one
// HTML file, with its styles and charts (inline SVG) in it and no
// scripts, that a reviewer can open from disk or attach to an e-mail.
package dashboard

import (
	_ "embed"
	"html/template"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/content/clearance"
	"github.com/plainpress/plainpress/lint"
)

// Data is what the dashboard shows.
type Data struct {
	Title     string
	Generated time.Time
	Target    float64 // the lint target grade
	Clearance bool    // the project uses clearance
	Pages     []Row   // every page, by file
	Due       []Row   // cleared pages whose review is due within the warning period
	Counts    []Count // documents in each clearance state
	Queue     []Stage // the clearance queue by stage
	Over      int     // pages above the target grade
	Findings  lint.Summary
}

// Row is one page.
type Row struct {
	File, Title, URL   string
	State              clearance.State // "" without clearance
	Reviewed, Next     time.Time
	Grade              float64
	Errors, Warnings   int
	Suggestions, Words int
	Needs              string
}

// Count is how many documents are in a state.
type Count struct {
	State clearance.State
	N     int
}

// Stage is one bar of the queue: documents waiting on a role, those it
// can approve now and those that wait for an earlier stage.
type Stage struct {
	Role           string
	Ready, Waiting int
}

// Input is what the dashboard is made from. Statuses and Policy are nil
// for a project without clearance.
type Input struct {
	Project  *content.Project
	Lint     *lint.Report
	Target   float64
	Policy   *clearance.Policy
	Statuses []*clearance.Status
	Now      time.Time
}

// New gathers the dashboard's data.
func New(in Input) Data {
	d := Data{Title: in.Project.Config.Title, Generated: in.Now, Target: in.Target, Clearance: in.Policy != nil, Findings: in.Lint.Summary}
	byFile := map[string]*clearance.Status{}
	for _, st := range in.Statuses {
		for _, pg := range st.Doc.Pages {
			byFile[pg.File] = st
		}
	}
	reports := map[string]lint.FileReport{}
	for _, f := range in.Lint.Files {
		reports[f.Path] = f
	}
	for _, pg := range in.Project.Pages {
		r := reports[pg.File]
		row := Row{File: pg.File, Title: pg.Meta.Title, URL: in.Project.Config.BaseURL + strings.TrimPrefix(pg.URL, "/"),
			Grade: r.Metrics.Grade, Words: r.Metrics.Words}
		for _, f := range r.Findings {
			switch f.Severity {
			case lint.Error:
				row.Errors++
			case lint.Warning:
				row.Warnings++
			case lint.Suggestion:
				row.Suggestions++
			}
		}
		if row.Grade > in.Target {
			d.Over++
		}
		if st := byFile[pg.File]; st != nil {
			row.State, row.Reviewed, row.Next, row.Needs = st.State, st.Reviewed, st.NextReview, needs(st)
		}
		d.Pages = append(d.Pages, row)
	}
	sort.Slice(d.Pages, func(i, j int) bool { return d.Pages[i].File < d.Pages[j].File })
	if in.Policy != nil {
		soon := in.Policy.DueSoon.From(in.Now)
		for _, r := range d.Pages {
			if !r.Next.IsZero() && !r.Next.After(soon) {
				d.Due = append(d.Due, r)
			}
		}
		sort.SliceStable(d.Due, func(i, j int) bool { return d.Due[i].Next.Before(d.Due[j].Next) })
		d.Counts, d.Queue = tally(in.Statuses, in.Policy)
	}
	return d
}

func needs(st *clearance.Status) string {
	switch st.State {
	case clearance.Draft, clearance.Stale, clearance.ChangesRequested:
		return "writer: submit"
	case clearance.InReview:
		var now []string
		for _, n := range st.Needs {
			if len(n.WaitsFor) == 0 {
				now = append(now, n.Role)
			}
		}
		return strings.Join(now, ", ")
	}
	return ""
}

// tally counts documents by state, and the queue: the writers' share
// (to submit or fix) and each role's.
func tally(statuses []*clearance.Status, p *clearance.Policy) ([]Count, []Stage) {
	n := map[clearance.State]int{}
	queue := map[string]*Stage{"writers": {Role: "writers"}}
	for _, role := range p.Roles() {
		queue[role] = &Stage{Role: role}
	}
	for _, st := range statuses {
		n[st.State]++
		switch st.State {
		case clearance.Draft, clearance.Stale, clearance.ChangesRequested:
			queue["writers"].Ready++
		case clearance.InReview:
			for _, need := range st.Needs {
				if len(need.WaitsFor) == 0 {
					queue[need.Role].Ready++
				} else {
					queue[need.Role].Waiting++
				}
			}
		}
	}
	var counts []Count
	for _, s := range []clearance.State{clearance.Cleared, clearance.ReviewDue, clearance.InReview, clearance.ChangesRequested, clearance.Stale, clearance.Draft} {
		counts = append(counts, Count{s, n[s]})
	}
	stages := []Stage{*queue["writers"]}
	for _, role := range p.Roles() {
		stages = append(stages, *queue[role])
	}
	return counts, stages
}

//go:embed dashboard.html
var page string

var tmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format("2006-01-02")
	},
	"gradeChart": gradeChart,
	"queueChart": queueChart,
	"label":      stateLabel,
}).Parse(page))

// Write writes the dashboard.
func Write(w io.Writer, d Data) error { return tmpl.Execute(w, d) }

// stateLabel is a state as a reader says it.
func stateLabel(s clearance.State) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(string(s), "-", " ")
}
