package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content/clearance"
)

// statusJSON is one document in `clear status --format json`.
type statusJSON struct {
	Path         string           `json:"path"`
	Kind         clearance.Kind   `json:"kind"`
	Status       clearance.State  `json:"status"`
	Hash         string           `json:"hash"`
	Cleared      string           `json:"cleared,omitempty"` // hash of the version a production build publishes
	LastReviewed string           `json:"lastReviewed,omitempty"`
	NextReview   string           `json:"nextReview,omitempty"`
	Approvals    []decisionJSON   `json:"approvals"`
	Changes      []decisionJSON   `json:"changesRequested,omitempty"`
	Needs        []clearance.Need `json:"needs"`
}

type decisionJSON struct {
	Role    string `json:"role"`
	By      string `json:"by"`
	At      string `json:"at"`
	Comment string `json:"comment,omitempty"`
}

func toJSON(st *clearance.Status) statusJSON {
	j := statusJSON{Path: st.Doc.ID, Kind: st.Doc.Kind, Status: st.State, Hash: st.Doc.Hash, Cleared: st.Cleared,
		Approvals: []decisionJSON{}, Needs: st.Needs}
	if j.Needs == nil {
		j.Needs = []clearance.Need{}
	}
	if !st.Reviewed.IsZero() {
		j.LastReviewed, j.NextReview = st.Reviewed.Format("2006-01-02"), st.NextReview.Format("2006-01-02")
	}
	for _, e := range st.Approvals {
		j.Approvals = append(j.Approvals, decisionJSON{e.Role, e.By, e.At.Format(time.RFC3339), e.Comment})
	}
	for _, e := range st.Changes {
		j.Changes = append(j.Changes, decisionJSON{e.Role, e.By, e.At.Format(time.RFC3339), e.Comment})
	}
	return j
}

func newClearStatusCmd(io *streams, g *global) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "status [PATH...]",
		Short: "Where each page is: draft, in review, changes requested, stale, cleared or review due",
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format %q: use text or json", format)}
			}
			c, _, err := loadClearing(g, true)
			if err != nil {
				return err
			}
			docs, err := c.docsFor(args)
			if err != nil {
				return err
			}
			statuses := c.ledger.Statuses(docs, c.policy, c.now)
			if format == "json" {
				out := make([]statusJSON, 0, len(statuses))
				for _, st := range statuses {
					out = append(out, toJSON(st))
				}
				enc := json.NewEncoder(io.out)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			}
			return writeStatusTable(io.out, statuses)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output: text or json")
	return cmd
}

func writeStatusTable(w io.Writer, statuses []*clearance.Status) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PATH\tSTATUS\tAPPROVED\tSTILL NEEDED")
	counts := map[clearance.State]int{}
	var notes []string
	for _, st := range statuses {
		counts[st.State]++
		var approved []string
		for _, e := range st.Approvals {
			approved = append(approved, e.Role)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", st.Doc.ID, st.State, orDash(strings.Join(approved, ", ")), orDash(stillNeeded(st)))
		for _, e := range st.Changes {
			notes = append(notes, fmt.Sprintf("%s: %s (%s) asked for changes: %q", st.Doc.ID, e.By, e.Role, e.Comment))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	var parts []string
	for _, s := range []clearance.State{clearance.Cleared, clearance.ReviewDue, clearance.InReview, clearance.ChangesRequested, clearance.Stale, clearance.Draft} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	_, err := fmt.Fprintf(w, "%s: %s\n", count(len(statuses), "document"), strings.Join(parts, ", "))
	return err
}

// stillNeeded is the roles to approve next, then the ones that wait.
func stillNeeded(st *clearance.Status) string {
	switch st.State {
	case clearance.Cleared, clearance.ReviewDue:
		return ""
	case clearance.Draft, clearance.Stale:
		return "submit"
	}
	var now, later []string
	for _, n := range st.Needs {
		if len(n.WaitsFor) == 0 {
			now = append(now, n.Role)
		} else {
			later = append(later, n.Role)
		}
	}
	out := strings.Join(now, ", ")
	if len(later) > 0 {
		out += ", then " + strings.Join(later, ", ")
	}
	return out
}

// needsText says what a document needs next, for a person.
func needsText(st *clearance.Status) string {
	switch st.State {
	case clearance.Cleared, clearance.ReviewDue:
		return ""
	case clearance.Draft, clearance.Stale:
		return "; needs to be submitted"
	}
	var parts []string
	for _, n := range st.Needs {
		s := n.Role + " (" + strings.Join(n.Approvers, ", ") + ")"
		if len(n.WaitsFor) > 0 {
			s += " after " + strings.Join(n.WaitsFor, " and ")
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return ""
	}
	return "; needs " + strings.Join(parts, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func newClearHistoryCmd(io *streams, g *global) *cobra.Command {
	return &cobra.Command{
		Use:   "history PATH",
		Short: "Every clearance event of a page or issue, oldest first",
		Args:  exactArgs(1, "PATH, the page or issue"),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := loadClearing(g, true)
			if err != nil {
				return err
			}
			d, err := c.doc(args[0])
			if err != nil {
				return err
			}
			events := c.ledger.History(d.ID)
			if len(events) == 0 {
				fmt.Fprintf(io.out, "%s has no clearance history: it is a draft.\n", d.ID)
				return nil
			}
			for _, e := range events {
				line := fmt.Sprintf("%s  %-15s  %s", e.At.Format("2006-01-02 15:04"), e.Action, e.By)
				if e.Role != "" {
					line += " for " + e.Role
				}
				line += "  text " + e.Hash[:12]
				if e.Hash == d.Hash {
					line += " (as it is now)"
				}
				if e.Signature != "" {
					line += "  signed"
				}
				fmt.Fprintln(io.out, line)
				if e.Comment != "" {
					fmt.Fprintf(io.out, "    %q\n", e.Comment)
				}
			}
			st := c.ledger.StatusOf(d, c.policy, c.now)
			fmt.Fprintf(io.out, "Now: %s%s\n", st.State, needsText(st))
			return nil
		},
	}
}

func newClearDueCmd(io *streams, g *global) *cobra.Command {
	return &cobra.Command{
		Use:   "due",
		Short: "Cleared pages whose review is due, or soon due",
		Long: `due lists cleared pages and issues whose review date (the last clearance or
review, plus clearance.reviewEvery) has passed or comes within
clearance.dueSoon. Record a review with plainpress clear review.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := loadClearing(g, true)
			if err != nil {
				return err
			}
			soon := c.policy.DueSoon.From(c.now)
			tw := tabwriter.NewWriter(io.out, 0, 0, 2, ' ', 0)
			n := 0
			for _, st := range c.ledger.Statuses(c.docs, c.policy, c.now) {
				if st.Reviewed.IsZero() || st.NextReview.After(soon) {
					continue
				}
				if n == 0 {
					fmt.Fprintln(tw, "PATH\tLAST REVIEWED\tREVIEW DUE\t")
				}
				n++
				when := "due now"
				if st.NextReview.After(c.now) {
					when = fmt.Sprintf("in %d days", int(st.NextReview.Sub(c.now).Hours()/24)+1)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", st.Doc.ID, st.Reviewed.Format("2006-01-02"), st.NextReview.Format("2006-01-02"), when)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(io.out, "%s due by %s.\n", count(n, "review"), soon.Format("2006-01-02"))
			return nil
		},
	}
}
