package main

import (
	"fmt"
	"path/filepath"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/lint"
	"github.com/plainpress/plainpress/site"
)

// lintProject lints every page of a loaded project, on the parse the
// build uses, with the project's lint settings. Pages in the cache are
// not linted again.
func lintProject(proj *content.Project, cache *lint.Cache) (*lint.Report, error) {
	settings, err := lint.NewSettings(proj.Config.Lint)
	if err != nil {
		return nil, err
	}
	return lint.NewReport(settings.Project(proj.Pages, cache)), nil
}

// lintCache is the project's lint cache, in .plainpress/cache/ (which
// init's .gitignore leaves out of git).
func lintCache(dir string) *lint.Cache {
	return lint.OpenCache(filepath.Join(dir, ".plainpress", "cache", "lint.gob"))
}

// previewFindings turns a report into what the preview shows: for each
// page, a line with its grade and one per finding in the panel, and the
// findings marked in the text.
func previewFindings(rep *lint.Report, target float64) (content.Faults, map[string][]site.Mark) {
	var out content.Faults
	marks := map[string][]site.Mark{}
	for _, f := range rep.Files {
		out = append(out, content.Fault{File: f.Path, Severity: content.Warning,
			Msg: fmt.Sprintf("reading grade %.1f (target %.0f), %s", f.Metrics.Grade, target, count(len(f.Findings), "finding"))})
		for _, x := range f.Findings {
			marks[f.Path] = append(marks[f.Path], site.Mark{Start: x.Offset, End: x.EndOffset, Severity: string(x.Severity), Message: x.Rule + ": " + x.Message})
			msg := fmt.Sprintf("%s %s: %s", x.Severity, x.Rule, x.Message)
			if x.Suggestion != "" {
				msg += " (" + x.Suggestion + ")"
			}
			out = append(out, content.Fault{File: f.Path, Line: x.Line, Col: x.Column, Severity: content.Warning, Msg: msg})
		}
	}
	return out, marks
}
