package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/lint"

	"github.com/plainpress/plainpress/site"
)

type serveOptions struct {
	addr string
	site site.Options
}

func newServeCmd(io *streams, g *global) *cobra.Command {
	o := &serveOptions{site: site.Options{Preview: true}}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site live while you edit",
		Long: `serve builds the site into memory and serves it. When you save a file, it
rebuilds what changed and reloads the page in your browser. Build errors and
problems on a page show in the page itself. Stop it with Ctrl-C.`,
		Example: `  plainpress serve
  plainpress -s mysite serve --addr 127.0.0.1:8080`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := g.projectDir()
			if err != nil {
				return err
			}
			return runServe(cmd, io, dir, o)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:1313", "the address to listen on")
	cmd.Flags().BoolVar(&o.site.Drafts, "drafts", true, "include pages marked draft: true")
	return cmd
}

func runServe(cmd *cobra.Command, io *streams, dir string, o *serveOptions) error {
	ready := make(chan string, 1)
	cache := lintCache(dir)
	srv := &site.Server{Dir: dir, Addr: o.addr, Options: o.site, Log: io.err, Ready: ready,
		Skip: func(rel string) bool { return rel == "public" || strings.HasPrefix(rel, "public/") },
		Check: func(proj *content.Project, opts *site.Options) (content.Faults, error) {
			if _, _, err := markClearance(dir, proj, opts); err != nil {
				return nil, err
			}
			rep, err := lintProject(proj, cache)
			if err != nil {
				return nil, err
			}
			target := proj.Config.Lint.TargetGrade
			if target == 0 {
				target = lint.DefaultConfig().TargetGrade
			}
			var faults content.Faults
			faults, opts.Marks = previewFindings(rep, target)
			return faults, nil
		}}
	go func() {
		if addr, ok := <-ready; ok {
			fmt.Fprintf(io.out, "Serving %s at http://%s/ (Ctrl-C to stop)\n", filepath.Clean(dir), addr)
		}
	}()
	err := srv.Run(cmd.Context())
	if err := cache.Save(); err != nil {
		fmt.Fprintf(io.err, "warning: %v\n", err)
	}
	if err == nil {
		fmt.Fprintln(io.out, "Stopped.")
	}
	return err
}
