package clearance

import (
	"fmt"
	"os/exec"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// GitProblems asks git whether any event file that was ever committed has
// been deleted, changed or renamed since, in a commit or in the working
// tree: events are only ever added. ok is false when root is not in a
// git repository (or git is missing), so there is no history to check.
func GitProblems(root string) (faults content.Faults, ok bool) {
	if _, err := gitLines(root, "rev-parse", "--git-dir"); err != nil {
		return nil, false
	}
	// Paths come relative to the repository's top; the project may be below it.
	prefix, _ := gitLines(root, "rev-parse", "--show-prefix")
	strip := func(p string) string {
		if len(prefix) > 0 {
			return strings.TrimPrefix(p, prefix[0])
		}
		return p
	}
	history, _ := gitLines(root, "log", "--format=commit %h %an", "--name-status", "--diff-filter=DMR", "--", eventsDir)
	commit := ""
	for _, line := range history {
		if c, ok := strings.CutPrefix(line, "commit "); ok {
			commit = c
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		faults = append(faults, content.Fault{File: strip(f[1]), Msg: fmt.Sprintf("was %s in commit %s: clearance events are never changed or removed", verb(f[0]), commit)})
	}
	status, _ := gitLines(root, "status", "--porcelain", "--", eventsDir)
	for _, line := range status {
		if len(line) < 4 {
			continue
		}
		code := strings.TrimSpace(line[:2])
		if code == "D" || code == "M" || strings.HasPrefix(code, "R") {
			file := strings.TrimSpace(line[3:])
			if i := strings.Index(file, " -> "); i >= 0 {
				file = file[:i]
			}
			faults = append(faults, content.Fault{File: strip(file), Msg: fmt.Sprintf("was %s after it was committed: clearance events are never changed or removed", verb(code))})
		}
	}
	return faults, true
}

func verb(code string) string {
	switch code[:1] {
	case "D":
		return "deleted"
	case "R":
		return "renamed"
	}
	return "changed"
}

func gitLines(dir string, args ...string) ([]string, error) {
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		return nil, err
	}
	s := strings.TrimRight(string(out), "\n")
	if s == "" {
		return nil, nil
	}
	return strings.Split(s, "\n"), nil
}
