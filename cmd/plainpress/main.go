// Command plainpress turns Markdown into plain-language public
// information: a site, a linter, clearance and a newsletter in one binary.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole program, so tests can call it in-process. Ctrl-C and
// SIGTERM cancel the context that every command runs with.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	defer func() {
		if r := recover(); r != nil {
			code = report(stderr, internalError{r})
		}
	}()
	root := newRootCmd(&streams{in: stdin, out: stdout, err: stderr})
	root.SetArgs(args)
	return report(stderr, root.ExecuteContext(ctx))
}
