package newsletter

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// Security is how a connection to the SMTP server is protected.
type Security string

const (
	Plain       Security = "smtp"          // no TLS: a relay on this machine or in the same network
	StartTLS    Security = "smtp+starttls" // STARTTLS, required (port 587)
	ImplicitTLS Security = "smtps"         // TLS from the first byte (port 465)
)

var defaultPorts = map[Security]string{Plain: "25", StartTLS: "587", ImplicitTLS: "465"}

// SMTP says how to reach the server that takes the newsletter.
type SMTP struct {
	Security       Security
	Host, Port     string
	User, Password string
	// TLS, when set, replaces the default: the system's roots and the
	// host's name. Tests use it to trust their own certificate.
	TLS *tls.Config
}

// ParseSMTP reads smtp://host:port, smtp+starttls://user:pass@host:port
// or smtps://user:pass@host:port.
func ParseSMTP(raw string) (*SMTP, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%q is not an address such as smtp://127.0.0.1:25 or smtps://user@mail.example.gov", redactURL(raw))
	}
	s := &SMTP{Security: Security(strings.ToLower(u.Scheme)), Host: u.Hostname(), Port: u.Port()}
	def, ok := defaultPorts[s.Security]
	switch {
	case !ok:
		return nil, fmt.Errorf("%q: the address starts with smtp://, smtp+starttls:// or smtps://", redactURL(raw))
	case s.Host == "":
		return nil, fmt.Errorf("%q has no server name", redactURL(raw))
	case strings.Count(u.Host, ":") > 1 && !strings.HasPrefix(u.Host, "["):
		return nil, fmt.Errorf("%q is not an address such as smtp://127.0.0.1:25", redactURL(raw))
	case u.Path != "" && u.Path != "/":
		return nil, fmt.Errorf("%q: an SMTP address has no path after the server", redactURL(raw))
	}
	if s.Port == "" {
		s.Port = def
	}
	if n, err := strconv.Atoi(s.Port); err != nil || n < 1 || n > 65535 {
		return nil, fmt.Errorf("%q: the port %q is not a number from 1 to 65535", redactURL(raw), s.Port)
	}
	if u.User != nil {
		s.User = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	return s, nil
}

// String is the address with the password left out.
func (s *SMTP) String() string {
	u := url.URL{Scheme: string(s.Security), Host: net.JoinHostPort(s.Host, s.Port)}
	if s.User != "" {
		u.User = url.User(s.User)
	}
	return u.String()
}

// redactURL is raw with any password hidden, even when raw does not
// parse as a URL.
func redactURL(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	rest := raw
	if _, after, ok := strings.Cut(raw, "://"); ok {
		rest = after
	}
	at := strings.LastIndex(rest, "@")
	colon := strings.Index(rest, ":")
	if at < 0 || colon < 0 || colon > at {
		return raw
	}
	start := len(raw) - len(rest) + colon + 1
	return raw[:start] + "xxxxx" + raw[start+at-colon-1:]
}

// Check refuses a password that would cross the network in clear text.
func (s *SMTP) Check() error {
	if s.User == "" || s.Security != Plain {
		return nil
	}
	if ip := net.ParseIP(s.Host); s.Host == "localhost" || (ip != nil && ip.IsLoopback()) {
		return nil
	}
	return fmt.Errorf("%s: the password would cross the network unencrypted; use smtp+starttls:// or smtps://", s)
}

// Transport hands messages to a mail server, one connection's worth.
type Transport interface {
	Send(ctx context.Context, from, to string, msg []byte) error
	Close() error
}

// Timeouts for one connection: waiting for an answer to a command, and
// for the answer after a whole message.
const (
	dialTimeout    = 20 * time.Second
	commandTimeout = time.Minute
	dataTimeout    = 5 * time.Minute
)

// Dial opens one connection, says hello, starts TLS and logs in as the
// address asks.
func (s *SMTP) Dial(ctx context.Context) (Transport, error) {
	if err := s.Check(); err != nil {
		return nil, &SendError{Kind: Fatal, Err: err}
	}
	addr := net.JoinHostPort(s.Host, s.Port)
	conn, err := (&net.Dialer{Timeout: dialTimeout}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, &SendError{Kind: Connection, Err: fmt.Errorf("cannot reach the SMTP server at %s: %w", addr, err)}
	}
	cfg := s.TLS
	if cfg == nil {
		cfg = &tls.Config{ServerName: s.Host}
	}
	var c *gosmtp.Client
	switch s.Security {
	case ImplicitTLS:
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, &SendError{Kind: Fatal, Err: fmt.Errorf("TLS with %s: %w", addr, err)}
		}
		c = gosmtp.NewClient(tc)
	case StartTLS:
		if c, err = gosmtp.NewClientStartTLS(conn, cfg); err != nil {
			return nil, &SendError{Kind: Fatal, Err: fmt.Errorf("STARTTLS with %s: %w", addr, err)}
		}
	default:
		c = gosmtp.NewClient(conn)
	}
	c.CommandTimeout, c.SubmissionTimeout = commandTimeout, dataTimeout
	if err := c.Hello(helloName()); err != nil {
		c.Close()
		return nil, classify("EHLO", err)
	}
	if s.User != "" {
		if err := c.Auth(sasl.NewPlainClient("", s.User, s.Password)); err != nil {
			c.Close()
			return nil, &SendError{Kind: Fatal, Err: fmt.Errorf("logging in to %s as %s: %w", addr, s.User, err)}
		}
	}
	return &smtpConn{c: c}, nil
}

func helloName() string {
	if h, err := os.Hostname(); err == nil && h != "" && !strings.ContainsAny(h, " \r\n") {
		return h
	}
	return "localhost"
}

type smtpConn struct{ c *gosmtp.Client }

func (s *smtpConn) Close() error {
	err := s.c.Quit()
	s.c.Close()
	return err
}

// Send runs one mail transaction: MAIL FROM, RCPT TO, DATA.
func (s *smtpConn) Send(ctx context.Context, from, to string, msg []byte) error {
	if err := s.c.Mail(from, nil); err != nil {
		return s.fail("MAIL FROM", err)
	}
	if err := s.c.Rcpt(to, nil); err != nil {
		return s.fail("RCPT TO", err)
	}
	w, err := s.c.Data()
	if err != nil {
		return s.fail("DATA", err)
	}
	if _, err := w.Write(msg); err != nil {
		return s.fail("DATA", err)
	}
	if err := w.Close(); err != nil {
		e := s.fail("end of DATA", err)
		if e.Kind == Connection {
			// The whole message went out; the server may have kept it.
			e.Uncertain = true
		}
		return e
	}
	return nil
}

// fail classifies err and, if the connection still works, clears the
// transaction so the next message can start.
func (s *smtpConn) fail(stage string, err error) *SendError {
	e := classify(stage, err)
	if e.Kind != Connection {
		if s.c.Reset() != nil {
			e.Broken = true
		}
	}
	return e
}

// ErrorKind says what a failed hand-off means for the send.
type ErrorKind int

const (
	// Temporary: try this message again later (a 4xx answer).
	Temporary ErrorKind = iota
	// Connection: the connection broke or could not be made; a new one
	// may work.
	Connection
	// Permanent: this message will never be taken (a 5xx answer).
	Permanent
	// Fatal: no message will be taken (the sender refused, a failed
	// login, bad TLS): stop the whole send.
	Fatal
)

// SendError is a failed hand-off, classified.
type SendError struct {
	Kind      ErrorKind
	Stage     string
	Bounce    bool // the address itself is refused
	Uncertain bool // the message was sent whole, but no answer came
	Broken    bool // the connection cannot be used again
	Err       error
}

func (e *SendError) Error() string {
	if e.Stage == "" {
		return e.Err.Error()
	}
	return e.Stage + ": " + e.Err.Error()
}

func (e *SendError) Unwrap() error { return e.Err }

func classify(stage string, err error) *SendError {
	var se *gosmtp.SMTPError
	if !errors.As(err, &se) {
		return &SendError{Kind: Connection, Stage: stage, Broken: true, Err: err}
	}
	e := &SendError{Stage: stage, Err: err}
	switch {
	case se.Code == 421: // the server is closing the connection
		e.Kind, e.Broken = Connection, true
	case se.Temporary():
		e.Kind = Temporary
	case stage == "MAIL FROM" || stage == "EHLO":
		e.Kind = Fatal
	default:
		e.Kind = Permanent
		e.Bounce = stage == "RCPT TO" && badMailbox(se)
	}
	return e
}

// badMailbox is a refusal of the address itself (RFC 3463 X.1.x, X.2.1)
// rather than of the message or the sender: only that marks a
// subscriber bounced, so a misconfigured relay that refuses every
// recipient ("relay access denied", 5.7.1) does not empty the list.
func badMailbox(se *gosmtp.SMTPError) bool {
	ec := se.EnhancedCode
	if ec == gosmtp.NoEnhancedCode || ec == (gosmtp.EnhancedCode{}) {
		return se.Code == 550 || se.Code == 551 || se.Code == 553
	}
	return ec[1] == 1 || (ec[1] == 2 && ec[2] == 1)
}

// SendOne opens a connection, hands over one message, and closes it:
// for the odd e-mail, such as a sign-up's confirmation.
func (s *SMTP) SendOne(ctx context.Context, from, to string, msg []byte) error {
	t, err := s.Dial(ctx)
	if err != nil {
		return err
	}
	defer t.Close()
	return t.Send(ctx, from, to, msg)
}
