package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// Exit codes, the same for every command.
const (
	exitOK     = 0
	exitFailed = 1 // the check failed: findings, an uncleared page
	exitError  = 2 // bad usage, bad input, or the tool could not do its job
)

// checkFailed is a run that worked but whose check did not pass.
type checkFailed struct{ msg string }

func (e checkFailed) Error() string { return e.msg }

// usageError is a command line that does not make sense.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// internalError is a bug in plainpress: shown as one line, never as a
// stack trace.
type internalError struct{ v any }

func (e internalError) Error() string {
	return fmt.Sprintf("internal error: %v (this is a bug in plainpress; please report it with the command you ran)", e.v)
}

// report prints err for a person and returns the exit code it means.
// This is the one place that maps errors to exit codes.
func report(w io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errSilent) {
		return exitFailed
	}
	var cf checkFailed
	if errors.As(err, &cf) {
		fmt.Fprintln(w, cf.msg)
		return exitFailed
	}
	var pe projectError
	dir := ""
	if errors.As(err, &pe) {
		dir = pe.dir
	}
	if faults, ok := content.AsFaults(err); ok {
		printFaults(w, faults, dir)
		fmt.Fprintf(w, "stopped: %s to fix\n", count(len(faults.Errors()), "problem"))
		return exitError
	}
	fmt.Fprintln(w, "error:", err)
	return exitError
}

// projectError is an error in the project at dir: faults in it are
// shown with paths the user can open from where they ran the command.
type projectError struct {
	dir string
	err error
}

func (e projectError) Error() string { return e.err.Error() }
func (e projectError) Unwrap() error { return e.err }

// errSilent is a failure already reported in full.
var errSilent = errors.New("failed")

// printFaults shows faults one a line, file:line:col: severity: message,
// with file paths as the user can open them from where they are.
func printFaults(w io.Writer, faults content.Faults, dir string) {
	for _, f := range faults {
		if dir != "" && dir != "." && !filepath.IsAbs(f.File) && f.File != "layout" {
			f.File = filepath.ToSlash(filepath.Join(dir, f.File))
		}
		fmt.Fprintln(w, f.Error())
	}
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "s") || strings.HasSuffix(noun, "x") || strings.HasSuffix(noun, "sh") || strings.HasSuffix(noun, "ch") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// exists reports whether a path exists.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ioReadAll reads all of standard input.
func ioReadAll(s *streams) ([]byte, error) { return io.ReadAll(s.in) }
