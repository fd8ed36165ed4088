package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/atomicfile"
	"github.com/plainpress/plainpress/newsletter"
)

func newNewsletterCmd(io *streams, g *global) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "newsletter",
		Short: "Build an issue's e-mail, and send it to subscribers",
		Args:  noArgs,
	}
	cmd.AddCommand(newNewsletterBuildCmd(io, g), newNewsletterSendCmd(io, g))
	return cmd
}

func newNewsletterBuildCmd(io *streams, g *global) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "build ISSUE",
		Short: "Write an issue's e-mail (issue.html, issue.txt, issue.eml) to look at before sending",
		Long: `build writes an issue's e-mail as each subscriber would get it: the HTML part
(issue.html), the plain-text part (issue.txt) and the whole message
(issue.eml, which a mail program opens). ISSUE is the issue's folder, its
index.md, or its folder's name, such as 2026-11. The unsubscribe link is a
sample: each subscriber's message has their own.`,
		Example: `  plainpress newsletter build 2026-11
  plainpress newsletter build content/es/newsletter/2026-11 -o /tmp/issue`,
		Args: exactArgs(1, "ISSUE, the issue's folder or name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, proj, err := g.loadProject()
			if err != nil {
				return err
			}
			issue, err := newsletter.FindIssue(proj, args[0])
			if err != nil {
				return usageError{err}
			}
			ed, err := newsletter.Compose(proj, issue)
			if err != nil {
				return checkFailed{err.Error()}
			}
			env, err := envelope(dir, proj.Config.Newsletter)
			if err != nil {
				return projectError{dir: dir, err: err}
			}
			sample := newsletter.Recipient{Email: "subscriber@example.org", Name: "A Subscriber",
				Unsubscribe: strings.TrimSuffix(firstOf(proj.Config.Newsletter.SubscribeURL, proj.Config.BaseURL), "/") + "/unsubscribe?token=SAMPLE"}
			eml, err := ed.Message(env, sample, now())
			if err != nil {
				return projectError{dir: dir, err: err}
			}
			if out == "" {
				out = filepath.Join(dir, "public", "_newsletter", filepath.Base(filepath.Dir(issue.File)))
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			html := strings.ReplaceAll(ed.HTML, newsletter.UnsubscribeMark, sample.Unsubscribe)
			text := strings.ReplaceAll(ed.Text, newsletter.UnsubscribeMark, sample.Unsubscribe)
			for name, data := range map[string][]byte{"issue.html": []byte(html), "issue.txt": []byte(text), "issue.eml": eml} {
				if err := atomicfile.Write(filepath.Join(out, name), data, 0o644); err != nil {
					return err
				}
			}
			signed := "not signed (set newsletter.dkim to sign)"
			if env.DKIM != nil {
				signed = "DKIM-signed"
			}
			fmt.Fprintf(io.out, "Wrote %s: %q, HTML %d KB, %s.\n", out, ed.Subject, (len(html)+1023)>>10, signed)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "the folder to write to (default: public/_newsletter/ISSUE in the project)")
	return cmd
}

// envelope is the newsletter's sender and list, from plainpress.yaml.
func envelope(dir string, c content.Newsletter) (newsletter.Envelope, error) {
	env := newsletter.Envelope{From: c.From, ReplyTo: c.ReplyTo, ListID: c.ListID}
	if env.From == "" {
		return env, content.Faults{{File: content.ConfigFile, Msg: "newsletter.from is missing: add the sender, such as `from: The Child Support Report <report@agency.gov>`"}}
	}
	if c.DKIM.Key != "" {
		key := c.DKIM.Key
		if !filepath.IsAbs(key) {
			key = filepath.Join(dir, key)
		}
		d, err := newsletter.LoadDKIM(key, c.DKIM.Domain, c.DKIM.Selector)
		if err != nil {
			return env, content.Faults{{File: content.ConfigFile, Msg: "newsletter.dkim: " + err.Error()}}
		}
		env.DKIM = d
	}
	return env, nil
}
