package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/content/clearance"
	"github.com/plainpress/plainpress/lint"
)

// clearing is a project loaded for clearance: its documents, policy and
// ledger.
type clearing struct {
	dir    string
	proj   *content.Project
	policy *clearance.Policy
	ledger *clearance.Ledger
	docs   []*clearance.Doc
	now    time.Time
}

// loadClearing loads the project and its ledger. A project with no
// clearance: section, or a ledger with a broken event, is bad input;
// verify reads broken events itself, as problems to report.
func loadClearing(g *global, strict bool) (*clearing, content.Faults, error) {
	dir, proj, err := g.loadProject()
	if err != nil {
		return nil, nil, err
	}
	c := &clearing{dir: dir, proj: proj, docs: clearance.Docs(proj), now: now()}
	if !clearance.Enabled(proj.Config.Clearance) {
		return nil, nil, usageError{fmt.Errorf("%s has no clearance policy: add a clearance: section with roles and stages (see the starter's plainpress.yaml)", filepath.Join(dir, content.ConfigFile))}
	}
	if c.policy, err = clearance.NewPolicy(proj.Config.Clearance); err != nil {
		return nil, nil, projectError{dir: dir, err: err}
	}
	ledger, faults, err := clearance.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	if len(faults) > 0 && strict {
		return nil, nil, projectError{dir: dir, err: faults}
	}
	c.ledger = ledger
	return c, faults, nil
}

// now is the time, or PLAINPRESS_NOW (RFC 3339) for scripts and tests
// that need a fixed one.
func now() time.Time {
	if s := os.Getenv("PLAINPRESS_NOW"); s != "" {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return t
		}
	}
	return time.Now()
}

// doc finds the document a path names: from where the user is, or from
// the project root.
func (c *clearing) doc(p string) (*clearance.Doc, error) {
	candidates := []string{p}
	if rel, err := filepath.Rel(c.dir, p); err == nil && !strings.HasPrefix(rel, "..") {
		candidates = append([]string{filepath.ToSlash(rel)}, candidates...)
	}
	for _, cand := range candidates {
		if d, ok := clearance.Find(c.docs, cand); ok {
			return d, nil
		}
	}
	return nil, usageError{fmt.Errorf("%s: no such page or newsletter issue in the project", p)}
}

func (c *clearing) docsFor(paths []string) ([]*clearance.Doc, error) {
	if len(paths) == 0 {
		return c.docs, nil
	}
	var out []*clearance.Doc
	for _, p := range paths {
		d, err := c.doc(p)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

func newClearCmd(io *streams, g *global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "clear",
		Short: "Clearance: submit pages, approve them, and see where each one is",
		Long: `clear is the sign-off workflow. Writers submit a page (or a newsletter issue)
for clearance; reviewers in the roles plainpress.yaml names approve it or send
it back. Each step is a small file in clearance/, committed to git. A
production build publishes only what was cleared, as it was cleared.`,
		Example: `  plainpress clear status
  plainpress clear submit content/en/apply.md --as writer@agency.gov
  plainpress clear approve content/en/apply.md --as lawyer@agency.gov --role legal
  plainpress clear reject content/en/apply.md --as lawyer@agency.gov --role legal --comment "Say 30 days, not a month."
  plainpress clear verify && plainpress build   # in CI`,
		Args: noArgs,
	}
	cmd.AddCommand(newClearStatusCmd(io, g), newClearHistoryCmd(io, g), newClearDueCmd(io, g), newClearVerifyCmd(io, g),
		newClearActCmd(io, g, clearance.Submit, "submit PATH", "Ask for clearance of a page or issue as it is now (lint runs first)"),
		newClearActCmd(io, g, clearance.Approve, "approve PATH", "Approve a page or issue for your role"),
		newClearActCmd(io, g, clearance.RequestChanges, "reject PATH", "Send a page or issue back, saying what to change"),
		newClearActCmd(io, g, clearance.Withdraw, "withdraw PATH", "Take back a submission"),
		newClearActCmd(io, g, clearance.Review, "review PATH", "Record that cleared text is still right (resets the review date)"))
	return cmd
}

type actOptions struct {
	as, role, comment, signKey string
}

func newClearActCmd(io *streams, g *global, action clearance.Action, use, short string) *cobra.Command {
	o := &actOptions{}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  exactArgs(1, "PATH, the page or issue"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runClearAct(io, g, action, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.as, "as", "", "your e-mail address (default: $PLAINPRESS_USER, or git's user.email)")
	if action == clearance.Approve || action == clearance.RequestChanges || action == clearance.Review {
		f.StringVar(&o.role, "role", "", "the role you act for, such as legal")
	}
	f.StringVar(&o.comment, "comment", "", "a note for the record")
	f.StringVar(&o.signKey, "sign-key", "", "sign the event with this SSH key (default: $PLAINPRESS_SIGNING_KEY)")
	return cmd
}

func runClearAct(io *streams, g *global, action clearance.Action, p string, o *actOptions) error {
	c, _, err := loadClearing(g, true)
	if err != nil {
		return err
	}
	d, err := c.doc(p)
	if err != nil {
		return err
	}
	who, err := whoAmI(o.as, c.dir)
	if err != nil {
		return err
	}
	if action == clearance.Submit {
		if err := c.lintGate(d); err != nil {
			return err
		}
	}
	r := clearance.Request{Doc: d, By: who, Role: o.role, Comment: o.comment, Now: c.now}
	if key := firstOf(o.signKey, os.Getenv("PLAINPRESS_SIGNING_KEY")); key != "" {
		r.Sign = clearance.SSHSigner(key)
	}
	e, err := c.ledger.Act(action, r, c.policy)
	var refused clearance.Refused
	if errors.As(err, &refused) {
		return checkFailed{"refused: " + refused.Reason}
	} else if err != nil {
		return err
	}
	st := c.ledger.StatusOf(d, c.policy, c.now)
	fmt.Fprintf(io.out, "%s: %s by %s; now %s%s\n", d.ID, e.Action, e.By, st.State, needsText(st))
	fmt.Fprintf(io.out, "Recorded in %s (commit it with the change).\n", filepath.ToSlash(filepath.Join(c.dir, e.File)))
	return nil
}

// lintGate refuses to submit text with findings at the policy's gate.
func (c *clearing) lintGate(d *clearance.Doc) error {
	gate, _ := lint.ParseSeverity(c.policy.LintGate)
	if gate == lint.Off {
		return nil
	}
	settings, err := lint.NewSettings(c.proj.Config.Lint)
	if err != nil {
		return projectError{dir: c.dir, err: err}
	}
	rep := lint.NewReport(settings.Project(d.Pages, nil))
	if !rep.Fails(gate) {
		return nil
	}
	var b strings.Builder
	for _, f := range rep.Files {
		for _, x := range f.Findings {
			if x.Severity.AtLeast(gate) {
				fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", filepath.ToSlash(filepath.Join(c.dir, f.Path)), x.Line, x.Column, x.Severity, x.Rule, x.Message)
			}
		}
	}
	return checkFailed{fmt.Sprintf("%srefused: %s has findings at the lint gate (%s): fix them, then submit", b.String(), d.ID, gate)}
}

// whoAmI is --as, $PLAINPRESS_USER or git's user.email.
func whoAmI(as, dir string) (string, error) {
	if who := firstOf(as, os.Getenv("PLAINPRESS_USER")); who != "" {
		return who, nil
	}
	if out, err := exec.Command("git", "-C", dir, "config", "user.email").Output(); err == nil {
		if who := strings.TrimSpace(string(out)); who != "" {
			return who, nil
		}
	}
	return "", usageError{errors.New("who are you? give --as you@agency.gov (or set PLAINPRESS_USER, or git's user.email)")}
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func newClearVerifyCmd(io *streams, g *global) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check the whole ledger: exit 1 if an event was edited, reordered or deleted",
		Long: `verify recomputes the clearance ledger: every event's hash and its link to the
event before it, the text and policy it names, whether the person could act
for the role, and signatures when the project uses them. In a git repository it
also checks that no committed event was changed or removed. Run it in CI before
the build.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, faults, err := loadClearing(g, false)
			if err != nil {
				return err
			}
			faults = append(faults, c.ledger.Verify(c.policy)...)
			gitFaults, inGit := clearance.GitProblems(c.dir)
			faults = append(faults, gitFaults...)
			printFaults(io.err, faults, c.dir)
			if len(faults) > 0 {
				return checkFailed{fmt.Sprintf("the clearance ledger does not verify: %s", count(len(faults), "problem"))}
			}
			note := ""
			if !inGit {
				note = " (not in a git repository, so deleted events could not be checked against history)"
			}
			fmt.Fprintf(io.out, "The clearance ledger verifies: %s about %s%s.\n",
				count(len(c.ledger.Events), "event"), count(len(c.ledger.Docs()), "document"), note)
			return nil
		},
	}
}
