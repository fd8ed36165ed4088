package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
)

type initOptions struct {
	dir   string
	force bool
}

func newInitCmd(io *streams) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Start a project from the starter pages",
		Long: `init writes the starter project into DIR: parents' pages of a sample state
child support agency in English and Spanish, news, three newsletter issues,
and a directory of state and tribal programs. Edit them to make them yours.`,
		Example: `  plainpress init mysite
  plainpress init --force existing-folder`,
		Args: exactArgs(1, "DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = args[0]
			return runInit(io, o)
		},
	}
	cmd.Flags().BoolVar(&o.force, "force", false, "write into a folder that is not empty (the starter's files are overwritten)")
	return cmd
}

func runInit(io *streams, o *initOptions) error {
	if err := content.WriteStarter(o.dir, o.force); err != nil {
		return err
	}
	fmt.Fprintf(io.out, "Wrote the starter project to %s.\nNext: plainpress -s %s serve   (a live preview at http://127.0.0.1:1313)\n", o.dir, o.dir)
	return nil
}

// exactArgs is cobra.ExactArgs with a message that names the arguments.
func exactArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{fmt.Errorf("%s needs %s\nusage: %s", cmd.CommandPath(), names, cmd.UseLine())}
		}
		return nil
	}
}

// noArgs refuses arguments, naming what was given.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s %w (got %q); use -s to name the project folder", cmd.CommandPath(), errNoArgs, args[0])}
	}
	return nil
}
