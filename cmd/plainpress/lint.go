package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/lint"
)

type lintOptions struct {
	format string
	failOn string
	paths  []string
}

func newLintCmd(io *streams, g *global) *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Find what makes pages hard to read, and what to write instead",
		Long: `lint checks Markdown pages for plain language: long sentences, passive voice,
"shall", wordy and legal words, words that judge parents, vague links, and the
reading grade of each page and section. With no PATH it checks the project's
content. It exits 1 when a finding reaches --fail-on.`,
		Example: `  plainpress lint
  plainpress lint content/en/apply.md --format json
  plainpress lint --fail-on warning     # in CI`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runLint(io, g, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output: text or json")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least: error, warning or suggestion")
	return cmd
}

func runLint(io *streams, g *global, o *lintOptions) error {
	failOn, ok := lint.ParseSeverity(o.failOn)
	if !ok || failOn == lint.Off {
		return usageError{fmt.Errorf("--fail-on %q: use error, warning or suggestion", o.failOn)}
	}
	if o.format != "text" && o.format != "json" {
		return usageError{fmt.Errorf("--format %q: use text or json", o.format)}
	}
	files, err := lintFiles(g, o.paths)
	if err != nil {
		return err
	}
	var reports []lint.FileReport
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("%s: cannot read: %w", f, err)
		}
		pg, err := content.ParseFile(filepath.ToSlash(f), src)
		if err != nil {
			return err
		}
		reports = append(reports, lint.Page(pg, lint.DefaultConfig()))
	}
	rep := lint.NewReport(reports)
	if o.format == "json" {
		err = rep.WriteJSON(io.out)
	} else {
		err = rep.WriteText(io.out, colourOK(io))
	}
	if err != nil {
		return err
	}
	if rep.Fails(failOn) {
		return errSilent
	}
	return nil
}

// lintFiles lists the Markdown files to lint: the paths given (files, or
// folders searched for .md files), or the project's content folder.
func lintFiles(g *global, paths []string) ([]string, error) {
	if len(paths) == 0 {
		dir, err := g.projectDir()
		if err != nil {
			return nil, err
		}
		paths = []string{filepath.Join(dir, "content")}
	}
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, usageError{fmt.Errorf("%s: no such file or folder", p)}
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(q, ".md") && !content.Ignored(d.Name()) {
				files = append(files, q)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// colourOK is true on a terminal, unless NO_COLOR is set.
func colourOK(io *streams) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := io.out.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
