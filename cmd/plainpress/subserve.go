package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/newsletter/signup"
)

type serveSubOptions struct {
	addr, smtp, base string
	trustProxy       bool
	perClient        int
}

func newSubServeCmd(io *streams, g *global) *cobra.Command {
	var o serveSubOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the sign-up service: the form, the confirmation link and one-click unsubscribe",
		Long: `serve runs the newsletter's subscription service over HTTP:

  GET  BASE/subscribe     the sign-up form (also at BASE itself)
  POST BASE/subscribe     a sign-up: mails a link to confirm; nobody is added
                          until they open it
  GET  BASE/confirm       the link in that e-mail (it works for 3 days)
  GET  BASE/unsubscribe   a page with a button; it changes nothing, since
                          mail scanners open links
  POST BASE/unsubscribe   unsubscribes at once: the button, or a mail
                          program's one-click unsubscribe (RFC 8058)

BASE is --base-url, or newsletter.subscribeURL in plainpress.yaml: the
address people reach the service at, which the links in every issue use.
Put it behind your HTTPS reverse proxy; with --trust-proxy, the rate limit
counts clients by the proxy's X-Forwarded-For.

SIGTERM or Ctrl-C stops it after the requests under way are answered.`,
		Example: `  plainpress subscribers serve --addr 127.0.0.1:8025 --smtp smtp://127.0.0.1:25`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSubServe(cmd.Context(), io, g, &o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", "127.0.0.1:8025", "the address to listen on")
	f.StringVar(&o.smtp, "smtp", "", "the SMTP server for the confirmation e-mails (default: newsletter.smtp)")
	f.StringVar(&o.base, "base-url", "", "the service's public address (default: newsletter.subscribeURL)")
	f.BoolVar(&o.trustProxy, "trust-proxy", false, "count clients by X-Forwarded-For, as set by your reverse proxy")
	f.IntVar(&o.perClient, "per-client", 5, "sign-ups one client address may make at once; then one a minute")
	return cmd
}

func runSubServe(ctx context.Context, io *streams, g *global, o *serveSubOptions) error {
	dir, proj, err := g.loadProject()
	if err != nil {
		return err
	}
	cfg := proj.Config.Newsletter
	base, err := baseURL(o.base, cfg.SubscribeURL)
	if err != nil {
		return err
	}
	server, err := smtpServer(o.smtp, cfg.SMTP)
	if err != nil {
		return err
	}
	env, err := envelope(dir, cfg)
	if err != nil {
		return projectError{dir: dir, err: err}
	}
	tokens, err := projectTokens(dir)
	if err != nil {
		return err
	}
	store, err := openStore(g)
	if err != nil {
		return err
	}
	defer store.Close()
	if o.perClient < 1 {
		return usageError{fmt.Errorf("--per-client %d: give 1 or more", o.perClient)}
	}
	svc := &signup.Server{
		Store: store, Tokens: tokens, Envelope: env, Mail: server.SendOne, Base: base,
		Names: newsletterNames(proj), Agency: proj.Config.Agency.Name, Site: proj.Config.BaseURL,
		PerClient: o.perClient, TrustProxy: o.trustProxy, Now: now,
		Log: log.New(io.err, "", log.LstdFlags),
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return usageError{fmt.Errorf("--addr %s: %w", o.addr, err)}
	}
	hs := &http.Server{
		Handler:           svc,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          log.New(io.err, "", log.LstdFlags),
	}
	fmt.Fprintf(io.out, "Sign-ups at %s, served on http://%s; confirmation e-mails go through %s. Ctrl-C stops.\n", base, ln.Addr(), server)
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	stop, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(stop); err != nil {
		return fmt.Errorf("stopping: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(io.out, "Stopped.")
	return nil
}

// baseURL is the service's public address, checked.
func baseURL(flag, config string) (*url.URL, error) {
	raw, field := setting(flag, "--base-url", config, "newsletter.subscribeURL")
	if raw == "" {
		return nil, usageError{errors.New("no address for the service: give --base-url https://…/, or set newsletter.subscribeURL in plainpress.yaml")}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, usageError{fmt.Errorf("%s %q: give the address people reach the service at, such as https://news.example.gov/", field, raw)}
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u, nil
}

// newsletterNames is the newsletter's name in each language: the title
// of the section its issues are in.
func newsletterNames(proj *content.Project) map[string]string {
	names := map[string]string{}
	for _, pg := range proj.Pages {
		if pg.Kind == content.KindIssue && pg.Parent != nil && names[pg.Lang] == "" {
			names[pg.Lang] = pg.Parent.Meta.Title
		}
	}
	if names["en"] == "" {
		names["en"] = firstOf(names[proj.Config.DefaultLanguage().Code], proj.Config.Title, "our newsletter")
	}
	return names
}
