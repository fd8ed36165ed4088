package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/site"
)

func newDemoCmd(io *streams) *cobra.Command {
	o := &serveOptions{site: site.Options{Preview: true, Drafts: true}}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the starter site, to see what plainpress makes",
		Long: `demo writes the starter project to a temporary folder and serves it with live
reload. Edit the files in that folder to see the preview change. The folder
is removed when you stop the demo.`,
		Example: `  plainpress demo
  plainpress demo --addr 127.0.0.1:8080`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := os.MkdirTemp("", "plainpress-demo-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			if err := content.WriteStarter(dir, false); err != nil {
				return err
			}
			fmt.Fprintf(io.out, "The starter project is in %s; edit its files and the page reloads.\n", dir)
			return runServe(cmd, io, dir, o)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:1313", "the address to listen on")
	return cmd
}
