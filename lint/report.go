package lint

import (
	"encoding/json"
	"fmt"
	"io"
)

// Report is the result of linting files, in the JSON shape other tools
// read (see DESIGN.md).
type Report struct {
	Files   []FileReport `json:"files"`
	Summary Summary      `json:"summary"`
}

// Summary counts the findings of a report.
type Summary struct {
	Files       int `json:"files"`
	Errors      int `json:"errors"`
	Warnings    int `json:"warnings"`
	Suggestions int `json:"suggestions"`
}

// NewReport sums up file reports.
func NewReport(files []FileReport) *Report {
	r := &Report{Files: files, Summary: Summary{Files: len(files)}}
	if r.Files == nil {
		r.Files = []FileReport{}
	}
	for _, f := range files {
		for _, x := range f.Findings {
			switch x.Severity {
			case Error:
				r.Summary.Errors++
			case Warning:
				r.Summary.Warnings++
			case Suggestion:
				r.Summary.Suggestions++
			}
		}
	}
	return r
}

// Fails reports whether any finding is at least as severe as level.
func (r *Report) Fails(level Severity) bool {
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if x.Severity.AtLeast(level) {
				return true
			}
		}
	}
	return false
}

// WriteJSON writes the report as JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes one line a finding, file:line:col  level  rule
// message (suggestion), then a summary line. With colour, levels are
// coloured for a terminal.
func (r *Report) WriteText(w io.Writer, colour bool) error {
	paint := func(s Severity) string {
		if !colour {
			return string(s)
		}
		code := map[Severity]string{Error: "31", Warning: "33", Suggestion: "36"}[s]
		return "\x1b[" + code + "m" + string(s) + "\x1b[0m"
	}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			line := fmt.Sprintf("%s:%d:%d  %s  %s  %s", f.Path, x.Line, x.Column, paint(x.Severity), x.Rule, x.Message)
			if x.Suggestion != "" {
				line += fmt.Sprintf(" (%s)", x.Suggestion)
			}
			if _, err := fmt.Fprintln(w, line); err != nil {
				return err
			}
		}
	}
	s := r.Summary
	_, err := fmt.Fprintf(w, "%s: %s, %s, %s\n", plural(s.Files, "file"), plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Suggestions, "suggestion"))
	return err
}

// plural is "1 file" or "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
