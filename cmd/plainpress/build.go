package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/site"
)

type buildOptions struct {
	out    string
	site   site.Options
	noLint bool
	quiet  bool
}

func newBuildCmd(io *streams, g *global) *cobra.Command {
	o := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site into public/",
		Long: `build renders the project into a static site in public/ (or --out). It writes
the new site beside the old one and swaps it in only when the build and its
checks pass, so a failed build leaves the previous site whole.`,
		Example: `  plainpress build
  plainpress -s mysite build -o /var/www/site
  plainpress build --preview --drafts   # for reviewers: a banner on every page`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runBuild(cmd, io, g, o) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "out", "o", "", "the folder to write the site to (default: public/ in the project)")
	f.BoolVar(&o.site.Drafts, "drafts", false, "include pages marked draft: true")
	f.BoolVar(&o.site.Preview, "preview", false, "mark the build as a preview: a banner on every page, kept out of search engines")
	f.BoolVar(&o.noLint, "no-lint", false, "skip the plain-language checks")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print only problems")
	return cmd
}

func runBuild(cmd *cobra.Command, io *streams, g *global, o *buildOptions) error {
	start := time.Now()
	dir, proj, err := g.loadProject()
	if err != nil {
		return err
	}
	printFaults(io.err, proj.Warnings, dir)
	if !o.noLint {
		cache := lintCache(dir)
		rep, err := lintProject(proj, cache)
		if err != nil {
			return projectError{dir: dir, err: err}
		}
		if err := cache.Save(); err != nil {
			fmt.Fprintf(io.err, "warning: %v (the next build lints every page again)\n", err)
		}
		if s := rep.Summary; !o.quiet {
			fromCache := ""
			if hits, _ := cache.Stats(); hits > 0 {
				fromCache = fmt.Sprintf(", %d unchanged since the last lint", hits)
			}
			fmt.Fprintf(io.out, "Plain language: %s, %s, %s in %s%s (plainpress lint shows them).\n",
				count(s.Errors, "error"), count(s.Warnings, "warning"), count(s.Suggestions, "suggestion"), count(s.Files, "page"), fromCache)
		}
	}
	proj, err = published(io, dir, proj, &o.site, o.quiet)
	if err != nil {
		return err
	}
	out := o.out
	if out == "" {
		out = filepath.Join(dir, "public")
	}
	res, err := site.BuildDir(cmd.Context(), proj, out, o.site)
	if err != nil {
		return projectError{dir: dir, err: err}
	}
	printFaults(io.err, res.Problems, dir)
	if res.Failed() {
		return checkFailed{fmt.Sprintf("build failed: %s; the previous site in %s is unchanged", count(len(res.Problems.Errors()), "error"), out)}
	}
	if !o.quiet {
		fmt.Fprintf(io.out, "Built %d pages (%d files) into %s in %s.\n", res.Pages, res.Files, out, time.Since(start).Round(time.Millisecond))
	}
	return nil
}
