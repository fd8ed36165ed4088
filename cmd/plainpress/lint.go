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
	cmd.Flags().StringVar(&o.format, "format", "text", "output: text, json, sarif or github")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least: error, warning or suggestion")
	return cmd
}

func runLint(io *streams, g *global, o *lintOptions) error {
	failOn, ok := lint.ParseSeverity(o.failOn)
	if !ok || failOn == lint.Off {
		return usageError{fmt.Errorf("--fail-on %q: use error, warning or suggestion", o.failOn)}
	}
	write, ok := map[string]func(*lint.Report) error{
		"text":   func(r *lint.Report) error { return r.WriteText(io.out, colourOK(io)) },
		"json":   func(r *lint.Report) error { return r.WriteJSON(io.out) },
		"sarif":  func(r *lint.Report) error { return r.WriteSARIF(io.out) },
		"github": func(r *lint.Report) error { return r.WriteGitHub(io.out) },
	}[o.format]
	if !ok {
		return usageError{fmt.Errorf("--format %q: use text, json, sarif or github", o.format)}
	}
	dir, settings, err := lintSettings(g)
	if err != nil {
		return err
	}
	files, err := lintFiles(dir, o.paths)
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
		reports = append(reports, lint.Page(pg, settings.For(projectPath(dir, f))))
	}
	rep := lint.NewReport(reports)
	if err := write(rep); err != nil {
		return err
	}
	if rep.Fails(failOn) {
		return errSilent
	}
	return nil
}

// lintSettings reads the lint: section of the project's plainpress.yaml;
// outside a project, lint runs with the defaults.
func lintSettings(g *global) (string, *lint.Settings, error) {
	dir, err := g.projectDir()
	if err != nil {
		return "", nil, err
	}
	cfg := &content.Config{}
	if src, err := os.ReadFile(filepath.Join(dir, content.ConfigFile)); err == nil {
		if cfg, err = content.ParseConfig(src); err != nil {
			return "", nil, projectError{dir: dir, err: err}
		}
	}
	settings, err := lint.NewSettings(cfg.Lint)
	if err != nil {
		return "", nil, projectError{dir: dir, err: err}
	}
	return dir, settings, nil
}

// projectPath is a file's path from the project root, for override
// patterns.
func projectPath(dir, file string) string {
	rel, err := filepath.Rel(dir, file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// lintFiles lists the Markdown files to lint: the paths given (files, or
// folders searched for .md files), or the project's content folder.
func lintFiles(dir string, paths []string) ([]string, error) {
	if len(paths) == 0 {
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
