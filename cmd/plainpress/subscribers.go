package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/newsletter"
)

// openStore opens the project's subscriber store, .plainpress/subscribers.db.
func openStore(g *global) (*newsletter.SQLite, error) {
	dir, err := g.projectDir()
	if err != nil {
		return nil, err
	}
	if !exists(filepath.Join(dir, "plainpress.yaml")) {
		return nil, usageError{fmt.Errorf("%s is not a plainpress project (no plainpress.yaml): run this in your project, or use -s", dir)}
	}
	return newsletter.OpenSQLite(filepath.Join(dir, ".plainpress", "subscribers.db"))
}

func newSubscribersCmd(io *streams, g *global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "subscribers",
		Short: "Manage the newsletter's subscribers",
		Long: `subscribers manages the newsletter's list, kept in .plainpress/subscribers.db
(SQLite) in the project. Addresses are checked and stored lower-cased.`,
		Args: noArgs,
	}
	cmd.AddCommand(newSubAddCmd(io, g), newSubServeCmd(io, g), newSubListCmd(io, g), newSubRemoveCmd(io, g), newSubImportCmd(io, g), newSubExportCmd(io, g), newSubUnsubURLCmd(io, g))
	return cmd
}

func newSubAddCmd(io *streams, g *global) *cobra.Command {
	var name string
	var lists []string
	var confirmed bool
	cmd := &cobra.Command{
		Use:   "add EMAIL",
		Short: "Add a subscriber (pending until they confirm, unless --confirmed)",
		Args:  exactArgs(1, "EMAIL"),
		RunE: func(cmd *cobra.Command, args []string) error {
			email, err := newsletter.CleanAddress(args[0])
			if err != nil {
				return usageError{err}
			}
			s, err := openStore(g)
			if err != nil {
				return err
			}
			defer s.Close()
			sub := newsletter.Subscriber{Email: email, Name: strings.TrimSpace(name), Lists: lists, Status: newsletter.Pending}
			if confirmed {
				sub.Status, sub.Confirmed = newsletter.Confirmed, time.Now().UTC()
			}
			if err := s.Add(context.Background(), sub, false); errors.Is(err, newsletter.ErrExists) {
				return checkFailed{fmt.Sprintf("%s is already on the list", email)}
			} else if err != nil {
				return err
			}
			fmt.Fprintf(io.out, "Added %s (%s).\n", email, sub.Status)
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "", "the subscriber's name")
	cmd.Flags().StringSliceVar(&lists, "list", nil, "a list or topic (repeat for more)")
	cmd.Flags().BoolVar(&confirmed, "confirmed", false, "they already agreed to get it (skip the confirmation e-mail)")
	return cmd
}

func newSubRemoveCmd(io *streams, g *global) *cobra.Command {
	return &cobra.Command{
		Use:   "remove EMAIL",
		Short: "Delete a subscriber and what is kept about them",
		Args:  exactArgs(1, "EMAIL"),
		RunE: func(cmd *cobra.Command, args []string) error {
			email, err := newsletter.CleanAddress(args[0])
			if err != nil {
				return usageError{err}
			}
			s, err := openStore(g)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := s.Remove(context.Background(), email); errors.Is(err, newsletter.ErrNotFound) {
				return checkFailed{fmt.Sprintf("%s is not on the list", email)}
			} else if err != nil {
				return err
			}
			fmt.Fprintf(io.out, "Removed %s.\n", email)
			return nil
		},
	}
}

func newSubListCmd(io *streams, g *global) *cobra.Command {
	var format, status string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List subscribers (text, json or csv)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st := newsletter.Status(status)
			switch st {
			case "", newsletter.Pending, newsletter.Confirmed, newsletter.Unsubscribed, newsletter.Bounced:
			default:
				return usageError{fmt.Errorf("--status %q: use pending, confirmed, unsubscribed or bounced", status)}
			}
			s, err := openStore(g)
			if err != nil {
				return err
			}
			defer s.Close()
			each := func(fn func(newsletter.Subscriber) error) error { return s.Each(context.Background(), st, fn) }
			switch format {
			case "csv":
				return newsletter.WriteCSV(io.out, each)
			case "json":
				out := []newsletter.Subscriber{}
				if err := each(func(sub newsletter.Subscriber) error { out = append(out, sub); return nil }); err != nil {
					return err
				}
				enc := json.NewEncoder(io.out)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "text":
				tw := tabwriter.NewWriter(io.out, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "EMAIL\tNAME\tSTATUS\tSINCE")
				n := 0
				err := each(func(sub newsletter.Subscriber) error {
					n++
					_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", sub.Email, orDash(sub.Name), sub.Status, sub.Created.Format("2006-01-02"))
					return err
				})
				if err != nil {
					return err
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				fmt.Fprintf(io.out, "%s.\n", count(n, "subscriber"))
				return nil
			}
			return usageError{fmt.Errorf("--format %q: use text, json or csv", format)}
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output: text, json or csv")
	cmd.Flags().StringVar(&status, "status", "", "only these: pending, confirmed, unsubscribed or bounced")
	return cmd
}

func newSubImportCmd(io *streams, g *global) *cobra.Command {
	var confirmed bool
	cmd := &cobra.Command{
		Use:   "import FILE.csv",
		Short: "Add subscribers from a CSV file (email, name, lists); bad rows are named and skipped",
		Args:  exactArgs(1, "FILE.csv"),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return usageError{fmt.Errorf("%s: cannot read: %w", args[0], err)}
			}
			defer f.Close()
			status := newsletter.Pending
			if confirmed {
				status = newsletter.Confirmed
			}
			subs, faults, err := newsletter.ReadCSV(args[0], f, status)
			if err != nil {
				return err
			}
			s, err := openStore(g)
			if err != nil {
				return err
			}
			defer s.Close()
			added, known := 0, 0
			for _, sub := range subs {
				switch err := s.Add(context.Background(), sub, false); {
				case errors.Is(err, newsletter.ErrExists):
					known++
				case err != nil:
					return err
				default:
					added++
				}
			}
			printFaults(io.err, faults, "")
			fmt.Fprintf(io.out, "Imported %s as %s; %s already on the list; %s skipped.\n",
				count(added, "subscriber"), status, count(known, "address"), count(len(faults), "bad row"))
			if len(faults) > 0 {
				return errSilent
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&confirmed, "confirmed", false, "they already agreed to get it (skip the confirmation e-mail)")
	return cmd
}

func newSubExportCmd(io *streams, g *global) *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Write every subscriber as CSV, the shape import reads",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := openStore(g)
			if err != nil {
				return err
			}
			defer s.Close()
			return newsletter.WriteCSV(io.out, func(fn func(newsletter.Subscriber) error) error { return s.Each(context.Background(), "", fn) })
		},
	}
}

// projectTokens are the project's link signer, with its secret in
// .plainpress/secret (made the first time).
func projectTokens(dir string) (*newsletter.Tokens, error) {
	secret, err := newsletter.LoadSecret(filepath.Join(dir, ".plainpress", "secret"))
	if err != nil {
		return nil, err
	}
	return newsletter.NewTokens(secret)
}

func newSubUnsubURLCmd(io *streams, g *global) *cobra.Command {
	return &cobra.Command{
		Use:   "unsubscribe-url EMAIL",
		Short: "Print a subscriber's one-click unsubscribe link",
		Args:  exactArgs(1, "EMAIL"),
		RunE: func(cmd *cobra.Command, args []string) error {
			email, err := newsletter.CleanAddress(args[0])
			if err != nil {
				return usageError{err}
			}
			dir, proj, err := g.loadProject()
			if err != nil {
				return err
			}
			s, err := openStore(g)
			if err != nil {
				return err
			}
			defer s.Close()
			if _, err := s.Get(context.Background(), email); errors.Is(err, newsletter.ErrNotFound) {
				return checkFailed{fmt.Sprintf("%s is not on the list", email)}
			} else if err != nil {
				return err
			}
			base := proj.Config.Newsletter.SubscribeURL
			if base == "" {
				return projectError{dir: dir, err: fmt.Errorf("plainpress.yaml: newsletter.subscribeURL is missing: the address where plainpress subscribers serve answers")}
			}
			tk, err := projectTokens(dir)
			if err != nil {
				return err
			}
			fmt.Fprintln(io.out, tk.UnsubscribeURL(base, email))
			return nil
		},
	}
}
