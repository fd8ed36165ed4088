package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/atomicfile"
	"github.com/plainpress/plainpress/internal/par"
	"github.com/plainpress/plainpress/lint"
)

type lintOptions struct {
	format    string
	failOn    string
	fix       bool
	stdinName string
	changed   string
	paths     []string
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
  plainpress lint --fail-on warning     # in CI
  plainpress lint --fix                 # make the safe word swaps, and say what changed
  plainpress lint --changed=main        # only files changed since main
  plainpress lint - --stdin-filename content/en/pay.md < pay.md   # for editors`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runLint(io, g, o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output: text, json, sarif or github")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at least: error, warning or suggestion")
	cmd.Flags().BoolVar(&o.fix, "fix", false, "make the replacements that are safe (\"utilize\" → \"use\"); with -, print the fixed text")
	cmd.Flags().StringVar(&o.stdinName, "stdin-filename", "", "the file name to report for text read from - (standard input)")
	cmd.Flags().StringVar(&o.changed, "changed", "", "lint only Markdown files changed since a git ref (default HEAD)")
	cmd.Flags().Lookup("changed").NoOptDefVal = "HEAD"
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
	if len(o.paths) == 1 && o.paths[0] == "-" {
		return lintStdin(io, settings, o, write, failOn)
	}
	files, err := lintFiles(dir, o.paths)
	if o.changed != "" && err == nil {
		files, err = changedFiles(dir, o.changed, files)
	}
	if err != nil {
		return err
	}
	pages, reports, err := lintEach(dir, files, settings)
	if err != nil {
		return err
	}
	if o.fix {
		for i, f := range files {
			if reports[i], err = fixFile(io, f, pages[i], reports[i], settings.For(projectPath(dir, f))); err != nil {
				return err
			}
		}
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

// lintEach reads, parses and lints files on every core. The first file
// that cannot be read or parsed, in the order given, is the error.
func lintEach(dir string, files []string, settings *lint.Settings) ([]*content.Page, []lint.FileReport, error) {
	pages := make([]*content.Page, len(files))
	reports := make([]lint.FileReport, len(files))
	errs := make([]error, len(files))
	par.Each(len(files), func(i int) {
		src, err := os.ReadFile(files[i])
		if err != nil {
			errs[i] = fmt.Errorf("%s: cannot read: %w", files[i], err)
			return
		}
		if pages[i], errs[i] = parseForLint(filepath.ToSlash(files[i]), src); errs[i] == nil {
			reports[i] = lint.Page(pages[i], settings.For(projectPath(dir, files[i])))
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return pages, reports, nil
}

// parseForLint reads a .txt file as plain text and anything else as
// Markdown.
func parseForLint(name string, src []byte) (*content.Page, error) {
	if strings.EqualFold(filepath.Ext(name), ".txt") {
		return content.ParseText(name, src)
	}
	return content.ParseFile(name, src)
}

// lintable are the files lint looks for in a folder.
func lintable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return !content.Ignored(name)
	}
	return false
}

// lintFiles lists the files to lint: the paths given (files, or folders
// searched for Markdown and .txt files), or the project's content folder.
func lintFiles(dir string, paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{dir} // outside a project: this folder
		if info, err := os.Stat(filepath.Join(dir, "content")); err == nil && info.IsDir() {
			paths = []string{filepath.Join(dir, "content")}
		}
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
			if err == nil && !d.IsDir() && lintable(d.Name()) {
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

// lintStdin lints text from standard input, as editors send it.
func lintStdin(io *streams, settings *lint.Settings, o *lintOptions, write func(*lint.Report) error, failOn lint.Severity) error {
	name := o.stdinName
	if name == "" {
		name = "<stdin>"
	}
	src, err := ioReadAll(io)
	if err != nil {
		return fmt.Errorf("read standard input: %w", err)
	}
	pg, err := parseForLint(name, src)
	if err != nil {
		return err
	}
	r := lint.Page(pg, settings.For(name))
	if o.fix {
		fixed, _ := lint.Fix(pg, r.Findings)
		_, err := io.out.Write(fixed)
		return err
	}
	rep := lint.NewReport([]lint.FileReport{r})
	if err := write(rep); err != nil {
		return err
	}
	if rep.Fails(failOn) {
		return errSilent
	}
	return nil
}

// fixFile makes the safe replacements in a file, says what changed, and
// lints the result again. The file is replaced whole, never half-written.
func fixFile(io *streams, file string, pg *content.Page, r lint.FileReport, cfg lint.Config) (lint.FileReport, error) {
	fixed, changes := lint.Fix(pg, r.Findings)
	if len(changes) == 0 {
		return r, nil
	}
	info, err := os.Stat(file)
	if err != nil {
		return r, err
	}
	if err := atomicfile.Write(file, fixed, info.Mode().Perm()); err != nil {
		return r, fmt.Errorf("%s: %w", file, err)
	}
	for _, c := range changes {
		fmt.Fprintf(io.err, "%s:%d:%d: fixed %q → %q\n", file, c.Line, c.Column, c.Old, c.New)
	}
	again, err := parseForLint(filepath.ToSlash(file), fixed)
	if err != nil {
		return r, err
	}
	return lint.Page(again, cfg), nil
}

// changedFiles keeps the files that git says changed since ref (or are
// new and not ignored).
func changedFiles(dir, ref string, files []string) ([]string, error) {
	diff, err := git(dir, "diff", "--name-only", "--diff-filter=ACMR", ref)
	if err != nil {
		return nil, usageError{fmt.Errorf("--changed=%s: %w", ref, err)}
	}
	untracked, err := git(dir, "ls-files", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil || len(top) == 0 {
		return nil, usageError{fmt.Errorf("--changed needs a git repository: %v", err)}
	}
	changed := map[string]bool{}
	for _, f := range append(diff, untracked...) {
		abs := filepath.Join(top[0], f)
		if f != "" {
			changed[abs] = true
		}
	}
	var out []string
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil && changed[abs] {
			out = append(out, f)
		}
	}
	return out, nil
}

func git(dir string, args ...string) ([]string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimSpace(string(ee.Stderr)))
		}
		return nil, err
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n"), nil
}
