package content

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a fault stops a build.
type Severity int

const (
	// Error faults stop the load: the project cannot be built as it is.
	Error Severity = iota
	// Warning faults are shown to the writer but do not stop anything.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Fault is one problem in a user's files, with its place in the source.
// Line and Col are 1-based; 0 means unknown.
type Fault struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Msg      string
}

func (f Fault) Error() string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d", f.Line)
		if f.Col > 0 {
			fmt.Fprintf(&b, ":%d", f.Col)
		}
	}
	if f.Severity == Warning {
		b.WriteString(": warning")
	}
	b.WriteString(": ")
	b.WriteString(f.Msg)
	return b.String()
}

// MaxFaults is how many error faults a load collects before it stops
// looking: enough to fix a batch at once, not a wall of text.
const MaxFaults = 50

// Faults is a list of faults that is also an error, so a caller can show
// every fault found in one run instead of the first.
type Faults []Fault

func (fs Faults) Error() string {
	lines := make([]string, 0, len(fs))
	for _, f := range fs {
		lines = append(lines, f.Error())
	}
	return strings.Join(lines, "\n")
}

// Errors returns only the faults of severity Error.
func (fs Faults) Errors() Faults { return fs.filter(Error) }

// Warnings returns only the faults of severity Warning.
func (fs Faults) Warnings() Faults { return fs.filter(Warning) }

func (fs Faults) filter(s Severity) Faults {
	var out Faults
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Sort orders faults by file, line and column, so output is stable.
func (fs Faults) Sort() {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// AsFaults returns the faults carried by err, if any.
func AsFaults(err error) (Faults, bool) {
	var fs Faults
	if errors.As(err, &fs) {
		return fs, true
	}
	var f Fault
	if errors.As(err, &f) {
		return Faults{f}, true
	}
	return nil, false
}

// faultList collects faults up to MaxFaults errors.
type faultList struct {
	all    Faults
	errors int
}

func (l *faultList) add(f Fault) {
	if f.Severity == Error {
		if l.errors >= MaxFaults {
			return
		}
		l.errors++
	}
	l.all = append(l.all, f)
}

func (l *faultList) errorf(file string, line, col int, format string, args ...any) {
	l.add(Fault{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

func (l *faultList) warnf(file string, line, col int, format string, args ...any) {
	l.add(Fault{File: file, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

func (l *faultList) full() bool { return l.errors >= MaxFaults }
