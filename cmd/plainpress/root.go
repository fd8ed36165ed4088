package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
)

// streams are the terminal streams, injected so tests need no terminal.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// global holds the flags every command shares.
type global struct {
	source string
}

func newRootCmd(io *streams) *cobra.Command {
	g := &global{}
	root := &cobra.Command{
		Use:   "plainpress",
		Short: "Plain-language public information: a site, a linter, clearance and a newsletter",
		Long: `plainpress turns Markdown into plain-language public information: a fast,
accessible web site in several languages, checked before it goes out.`,
		Example: `  plainpress init mysite      # start a project from the starter pages
  plainpress -s mysite serve  # live preview at http://127.0.0.1:1313
  plainpress -s mysite build  # the site, in mysite/public/
  plainpress demo             # see the starter site without writing anything`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.in)
	root.SetOut(io.out)
	root.SetErr(io.err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError{fmt.Errorf("%w\nrun '%s --help' to see what it takes", err, c.CommandPath())}
	})
	root.PersistentFlags().StringVarP(&g.source, "source", "s", "", "the project folder (default: the nearest folder upward with plainpress.yaml)")
	root.AddCommand(newInitCmd(io), newDemoCmd(io), newBuildCmd(io, g), newServeCmd(io, g), newLintCmd(io, g), newClearCmd(io, g), newReportCmd(io, g), newNewsletterCmd(io, g), newSubscribersCmd(io, g))
	return root
}

// version is the module version the binary was built from.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// projectDir is the project folder: --source, or the nearest folder
// upward from here that holds plainpress.yaml.
func (g *global) projectDir() (string, error) {
	if g.source != "" {
		info, err := os.Stat(g.source)
		if err != nil {
			return "", usageError{fmt.Errorf("--source %s: no such folder", g.source)}
		}
		if !info.IsDir() {
			return "", usageError{fmt.Errorf("--source %s: not a folder", g.source)}
		}
		return g.source, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if exists(filepath.Join(dir, content.ConfigFile)) {
			if rel, err := filepath.Rel(wd, dir); err == nil {
				return rel, nil
			}
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return ".", nil // not in a project: loading says so, with what to do
		}
	}
}

// loadProject loads the project; faults carry the folder so their paths
// open from where the user is.
func (g *global) loadProject() (string, *content.Project, error) {
	dir, err := g.projectDir()
	if err != nil {
		return "", nil, err
	}
	proj, err := content.Load(os.DirFS(dir))
	if err != nil {
		return dir, nil, projectError{dir: dir, err: err}
	}
	return dir, proj, nil
}

var errNoArgs = errors.New("takes no arguments")
