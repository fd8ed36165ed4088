package main

import (
	"fmt"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/lint"
)

// lintProject lints every page of a loaded project, on the parse the
// build uses, with the project's lint settings.
func lintProject(proj *content.Project) (*lint.Report, error) {
	settings, err := lint.NewSettings(proj.Config.Lint)
	if err != nil {
		return nil, err
	}
	reports := make([]lint.FileReport, 0, len(proj.Pages))
	for _, pg := range proj.Pages {
		reports = append(reports, lint.Page(pg, settings.For(pg.File)))
	}
	return lint.NewReport(reports), nil
}

// lintFaults turns findings into faults, for the preview's panel.
func lintFaults(rep *lint.Report) content.Faults {
	var out content.Faults
	for _, f := range rep.Files {
		for _, x := range f.Findings {
			msg := fmt.Sprintf("%s %s: %s", x.Severity, x.Rule, x.Message)
			if x.Suggestion != "" {
				msg += " (" + x.Suggestion + ")"
			}
			out = append(out, content.Fault{File: f.Path, Line: x.Line, Col: x.Column, Severity: content.Warning, Msg: msg})
		}
	}
	return out
}
