package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/content/clearance"
	"github.com/plainpress/plainpress/newsletter"
)

type sendOptions struct {
	smtp, testTo, dryRun, list string
	yes                        bool
	rate                       float64
	connections, retries       int
	dkim                       content.DKIM
}

func newNewsletterSendCmd(io *streams, g *global) *cobra.Command {
	var o sendOptions
	cmd := &cobra.Command{
		Use:   "send ISSUE",
		Short: "Send a cleared issue to every confirmed subscriber, exactly once",
		Long: `send hands a cleared issue to every confirmed subscriber who has not had it,
through several connections to an SMTP server at once. ISSUE is the issue's
folder or its name, such as 2026-11.

The send log in .plainpress/subscribers.db records each subscriber's copy
before and after it goes to the server. A send that is stopped (Ctrl-C),
killed or cut off carries on where it stopped when you run it again, and a
send that finished sends nothing more.

The SMTP server is --smtp, or newsletter.smtp in plainpress.yaml:
  smtp://HOST:PORT                  no TLS (a relay on this machine)
  smtp+starttls://USER@HOST:587     STARTTLS, then a login
  smtps://USER@HOST:465             TLS from the start, then a login
Put the password in PLAINPRESS_SMTP_PASSWORD rather than in the address.

A server's "try again later" (4xx) is tried again, waiting longer each time;
an address it refuses for good (5xx) is marked bounced and not sent to again.`,
		Example: `  plainpress newsletter send 2026-11 --test-to me@agency.gov
  plainpress newsletter send 2026-11 --dry-run /tmp/outbox
  plainpress newsletter send 2026-11 --smtp smtp+starttls://news@mail.agency.gov --rate 20`,
		Args: exactArgs(1, "ISSUE, the issue's folder or name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSend(cmd.Context(), io, g, args[0], &o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.smtp, "smtp", "", "the SMTP server's address (default: newsletter.smtp in plainpress.yaml)")
	f.BoolVarP(&o.yes, "yes", "y", false, "send without asking first")
	f.StringVar(&o.testTo, "test-to", "", "send one test copy to this address only (the issue need not be cleared)")
	f.StringVar(&o.dryRun, "dry-run", "", "write each subscriber's message to this folder instead of sending")
	f.StringVar(&o.list, "list", "", "send only to subscribers on this list")
	f.Float64Var(&o.rate, "rate", 0, "at most this many messages a second (default: as fast as the server takes them)")
	f.IntVar(&o.connections, "connections", 4, "how many connections to the server at once")
	f.IntVar(&o.retries, "retries", 3, "how many times to try again after a 4xx answer or a broken connection")
	f.StringVar(&o.dkim.Key, "dkim-key", "", "a PEM private key to sign with (default: newsletter.dkim.key)")
	f.StringVar(&o.dkim.Domain, "dkim-domain", "", "the signing domain (default: newsletter.dkim.domain)")
	f.StringVar(&o.dkim.Selector, "dkim-selector", "", "the DNS selector (default: newsletter.dkim.selector)")
	return cmd
}

func runSend(ctx context.Context, io *streams, g *global, name string, o *sendOptions) error {
	if err := o.check(); err != nil {
		return usageError{err}
	}
	dir, proj, err := g.loadProject()
	if err != nil {
		return err
	}
	issue, err := newsletter.FindIssue(proj, name)
	if err != nil {
		return usageError{err}
	}
	ed, err := newsletter.Compose(proj, issue)
	if err != nil {
		return checkFailed{err.Error()}
	}
	cfg := proj.Config.Newsletter
	cfg.DKIM = mergeDKIM(o.dkim, cfg.DKIM)
	env, err := envelope(dir, cfg)
	if err != nil {
		return projectError{dir: dir, err: err}
	}
	if cfg.SubscribeURL == "" {
		return projectError{dir: dir, err: content.Faults{{File: content.ConfigFile, Msg: "newsletter.subscribeURL is missing: each message needs the unsubscribe link under it"}}}
	}
	tokens, err := projectTokens(dir)
	if err != nil {
		return err
	}
	send := &newsletter.Send{
		Edition: ed, Envelope: env, List: o.list,
		Unsubscribe: func(email string) string { return tokens.UnsubscribeURL(cfg.SubscribeURL, email) },
		Connections: o.connections, Rate: o.rate, Retries: o.retries, Now: now,
	}
	if send.Retries == 0 {
		send.Retries = -1 // none
	}
	if o.dryRun == "" {
		server, err := smtpServer(o.smtp, cfg.SMTP)
		if err != nil {
			return err
		}
		send.Dial = server.Dial
		if o.testTo != "" {
			return sendTest(ctx, io, send, o.testTo, server)
		}
		if err := issueCleared(dir, proj, issue); err != nil {
			return err
		}
	} else {
		send.Dial = newsletter.Folder{Dir: o.dryRun}.Dial
	}
	store, err := openStore(g)
	if err != nil {
		return err
	}
	defer store.Close()
	send.Log = store
	if o.dryRun != "" {
		send.Log = newsletter.ReadOnly(store)
	}
	return sendAll(ctx, io, send, o, store)
}

func (o *sendOptions) check() error {
	switch {
	case o.rate < 0:
		return fmt.Errorf("--rate %g: give a number of messages a second above 0", o.rate)
	case o.connections < 1 || o.connections > 64:
		return fmt.Errorf("--connections %d: give a number from 1 to 64", o.connections)
	case o.retries < 0 || o.retries > 20:
		return fmt.Errorf("--retries %d: give a number from 0 to 20", o.retries)
	case o.testTo != "" && o.dryRun != "":
		return errors.New("--test-to and --dry-run do not go together: choose one")
	}
	if o.testTo != "" {
		addr, err := newsletter.CleanAddress(o.testTo)
		if err != nil {
			return fmt.Errorf("--test-to: %w", err)
		}
		o.testTo = addr
	}
	return nil
}

// mergeDKIM takes each of the flags that is set over plainpress.yaml.
func mergeDKIM(flags, config content.DKIM) content.DKIM {
	return content.DKIM{Key: firstOf(flags.Key, config.Key), Domain: firstOf(flags.Domain, config.Domain), Selector: firstOf(flags.Selector, config.Selector)}
}

// smtpServer is the server from the flag or the config, with the
// password from PLAINPRESS_SMTP_PASSWORD when the address has none.
func smtpServer(flag, config string) (*newsletter.SMTP, error) {
	raw, field := setting(flag, "--smtp", config, "newsletter.smtp")
	if raw == "" {
		return nil, usageError{errors.New("no SMTP server: give --smtp smtp://HOST:PORT, or set newsletter.smtp in plainpress.yaml")}
	}
	s, err := newsletter.ParseSMTP(raw)
	if err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", field, err)}
	}
	if pw := os.Getenv("PLAINPRESS_SMTP_PASSWORD"); s.User != "" && s.Password == "" {
		if pw == "" {
			return nil, usageError{fmt.Errorf("%s: %s has a user but no password: set PLAINPRESS_SMTP_PASSWORD", field, s)}
		}
		s.Password = pw
	}
	if err := s.Check(); err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", field, err)}
	}
	return s, nil
}

// issueCleared refuses an issue that has not been cleared, when the
// project has a clearance policy.
func issueCleared(dir string, proj *content.Project, issue *content.Page) error {
	if !clearance.Enabled(proj.Config.Clearance) {
		return nil
	}
	policy, err := clearance.NewPolicy(proj.Config.Clearance)
	if err != nil {
		return projectError{dir: dir, err: err}
	}
	ledger, faults, err := clearance.Open(dir)
	if err != nil {
		return err
	}
	if len(faults) > 0 {
		return projectError{dir: dir, err: faults}
	}
	doc, ok := clearance.Find(clearance.Docs(proj), issue.File)
	if !ok {
		return fmt.Errorf("%s: not found among the project's documents", issue.File)
	}
	st := ledger.StatusOf(doc, policy, now())
	if st.State.IsCleared() {
		return nil
	}
	return checkFailed{fmt.Sprintf("Not sent: %s is %s%s. An issue goes out only once it is cleared (plainpress clear status %s); --test-to sends a test copy before then.",
		doc.ID, st.State, needsText(st), doc.ID)}
}

func sendTest(ctx context.Context, io *streams, send *newsletter.Send, to string, server *newsletter.SMTP) error {
	if err := send.Test(ctx, to); err != nil {
		return err
	}
	fmt.Fprintf(io.out, "Sent a test copy of %q to %s through %s.\n", send.Edition.Subject, to, server)
	return nil
}

func sendAll(ctx context.Context, io *streams, send *newsletter.Send, o *sendOptions, store newsletter.SendLog) error {
	issue := send.Edition.Issue.File
	send.Issue = issue
	total, err := store.CountUnsent(ctx, issue, o.list)
	if err != nil {
		return err
	}
	if total == 0 {
		return nothingToSend(ctx, io, store, send, o)
	}
	where := "to " + o.dryRun
	if o.dryRun == "" {
		where = "now"
		if !o.yes {
			if err := confirm(io, fmt.Sprintf("Send %q to %s? Type yes to send: ", send.Edition.Subject, count(total, "subscriber"))); err != nil {
				return err
			}
		}
	}
	// Reach the server first: a wrong address, login or certificate is
	// said plainly, before anything starts.
	t, err := send.Dial(ctx)
	if err != nil {
		return fmt.Errorf("%w\nNothing was sent", err)
	}
	t.Close()
	bar := progress(io.err, total)
	send.Progress = func(r newsletter.Report) { bar.Set(r.Done) }
	fmt.Fprintf(io.out, "Sending %q to %s %s.\n", send.Edition.Subject, count(total, "subscriber"), where)
	rep, err := send.Run(ctx)
	bar.Finish()
	summarize(io.out, rep, o.dryRun != "")
	switch {
	case err != nil:
		return fmt.Errorf("%w\nNothing is lost: run the same command again to send to the rest", err)
	case ctx.Err() != nil:
		return checkFailed{fmt.Sprintf("Stopped: %s not sent yet. Run the same command again to carry on.", count(rep.Total-rep.Done, "subscriber"))}
	case rep.Deferred > 0:
		return checkFailed{fmt.Sprintf("%s still to try: run the same command again later.", count(rep.Deferred, "subscriber"))}
	}
	return nil
}

func nothingToSend(ctx context.Context, io *streams, store newsletter.SendLog, send *newsletter.Send, o *sendOptions) error {
	tally, err := store.SendTally(ctx, send.Issue)
	if err != nil {
		return err
	}
	if tally.Total() == 0 || o.dryRun != "" && tally.Sent == 0 {
		fmt.Fprintln(io.out, "Nothing to send: there are no confirmed subscribers. Add them with plainpress subscribers add or import.")
		return nil
	}
	fmt.Fprintf(io.out, "Nothing to send: %q has gone to every confirmed subscriber (%d sent, %d refused), last on %s.\n",
		send.Edition.Subject, tally.Sent, tally.Failed, tally.Last.Format("2 January 2006 at 15:04 MST"))
	return nil
}

// confirm asks on the terminal, and refuses to guess without one.
func confirm(io *streams, question string) error {
	if f, ok := io.in.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		return usageError{errors.New("not sent: add --yes to send without being asked (there is no terminal to ask on)")}
	}
	fmt.Fprint(io.err, question)
	line, _ := bufio.NewReader(io.in).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "yes" && a != "y" {
		return checkFailed{"Not sent."}
	}
	return nil
}

// progress is a bar on a terminal, and nothing elsewhere.
func progress(w io.Writer, total int) *progressbar.ProgressBar {
	if f, ok := w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		return progressbar.DefaultSilent(int64(total))
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("Sending"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("messages"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func summarize(w io.Writer, r newsletter.Report, dry bool) {
	verb := "Sent"
	if dry {
		verb = "Wrote"
	}
	rate := ""
	if secs := r.Elapsed.Seconds(); secs > 0 && r.Sent > 0 {
		rate = fmt.Sprintf(", %.0f a second", float64(r.Sent)/secs)
	}
	fmt.Fprintf(w, "%s %d of %d in %s%s.\n", verb, r.Sent, r.Total, r.Elapsed.Round(10*time.Millisecond), rate)
	if r.Unsure > 0 {
		fmt.Fprintf(w, "  %s had been handed to the server, with no answer yet, when the last send stopped: sent again with the same Message-ID, which mail programs show once.\n", count(r.Unsure, "message"))
	}
	if r.Retried > 0 {
		fmt.Fprintf(w, "  Tried again %s after the server said to try later or the connection broke.\n", count(r.Retried, "time"))
	}
	if r.Failed > 0 {
		fmt.Fprintf(w, "  %s refused for good (%d marked bounced: not sent to again):\n", count(r.Failed, "address"), r.Bounced)
	}
	for _, f := range r.Failures {
		fmt.Fprintf(w, "    %s: %s %s\n", f.Email, f.State, f.Detail)
	}
	if r.Failed+r.Deferred > len(r.Failures) {
		fmt.Fprintf(w, "    and %d more (plainpress subscribers list --status bounced)\n", r.Failed+r.Deferred-len(r.Failures))
	}
}

// setting is a flag's value if it is set, otherwise plainpress.yaml's,
// with the name to put in a message about it.
func setting(flag, flagName, config, configName string) (value, name string) {
	if flag != "" {
		return flag, flagName
	}
	return config, configName
}
