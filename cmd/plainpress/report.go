package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content/clearance"
	"github.com/plainpress/plainpress/dashboard"
	"github.com/plainpress/plainpress/internal/atomicfile"
	"github.com/plainpress/plainpress/lint"
	"github.com/plainpress/plainpress/site"
)

func newReportCmd(io *streams, g *global) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the readability and clearance dashboard, one HTML file",
		Long: `report writes one HTML file: every page with its clearance status, review
dates, reading grade and findings; a chart of each page's grade against the
target and one of the clearance queue by stage; and the reviews that are due.
It has no scripts and needs no server: open it in a browser or attach it.`,
		Example: `  plainpress report
  plainpress report -o /tmp/status.html`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(io, g, out)
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "report.html", "the file to write")
	return cmd
}

func runReport(io *streams, g *global, out string) error {
	dir, proj, err := g.loadProject()
	if err != nil {
		return err
	}
	cache := lintCache(dir)
	rep, err := lintProject(proj, cache)
	if err != nil {
		return projectError{dir: dir, err: err}
	}
	_ = cache.Save()
	in := dashboard.Input{Project: proj, Lint: rep, Target: targetGrade(proj.Config.Lint.TargetGrade), Now: now()}
	var opts site.Options
	if _, statuses, err := markClearance(dir, proj, &opts); err != nil {
		return err
	} else if statuses != nil {
		in.Statuses = statuses
		in.Policy, _ = clearance.NewPolicy(proj.Config.Clearance) // markClearance checked it
	}
	var buf bytes.Buffer
	if err := dashboard.Write(&buf, dashboard.New(in)); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := atomicfile.Write(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	abs, _ := filepath.Abs(out)
	fmt.Fprintf(io.out, "Wrote %s: %s. Open it in a browser: file://%s\n", out, count(len(proj.Pages), "page"), abs)
	return nil
}

// targetGrade is the project's target grade, or lint's default.
func targetGrade(set float64) float64 {
	if set > 0 {
		return set
	}
	return lint.DefaultConfig().TargetGrade
}
