// Package smtptest runs a real SMTP server (github.com/emersion/go-smtp)
// on 127.0.0.1 for tests: it keeps what it receives, and can refuse
// addresses, answer "try again later", ask for a login, speak TLS, or
// hold a message before answering so a test can kill the sender then.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Message is one message the server took.
type Message struct {
	From, To  string
	Data      []byte
	MessageID string
}

// Options shape the server.
type Options struct {
	// TLS: "" for none, "starttls" to offer STARTTLS, "implicit" for TLS
	// from the first byte. The certificate is for 127.0.0.1; CertPool
	// trusts it.
	TLS string
	// User and Password, when set, are required (AUTH PLAIN).
	User, Password string
	// Light counts messages but keeps none, so a benchmark measures the
	// sender's memory, not the server's.
	Light bool
}

// Server is a running test server.
type Server struct {
	Addr     string // 127.0.0.1:PORT
	CertPool *x509.CertPool

	srv  *smtp.Server
	opts Options

	mu       sync.Mutex
	msgs     []Message
	light    int                        // messages counted but not kept (Options.Light)
	reject   map[string]*smtp.SMTPError // at RCPT TO, every time
	tempFail map[string]int             // at RCPT TO: how many more 451s
	holdAt   int                        // hold the message with this number (1-based)
	held     chan struct{}              // closed once it is held
	release  chan struct{}              // closed to let it go (refused)
	arrived  chan struct{}              // signalled on each message
}

// Start runs a server until the test ends.
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// New runs a server; Close stops it.
func New(opts Options) (*Server, error) {
	s := &Server{opts: opts, reject: map[string]*smtp.SMTPError{}, tempFail: map[string]int{},
		arrived: make(chan struct{}, 1)}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	s.srv.Domain = "mail.test"
	s.srv.AllowInsecureAuth = opts.TLS == ""
	s.srv.ReadTimeout, s.srv.WriteTimeout = time.Minute, time.Minute
	s.srv.MaxMessageBytes = 10 << 20
	s.srv.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	if opts.TLS != "" {
		cfg, pool, err := selfSigned()
		if err != nil {
			l.Close()
			return nil, err
		}
		s.CertPool = pool
		s.srv.TLSConfig = cfg
		if opts.TLS == "implicit" {
			l = tls.NewListener(l, cfg)
		}
	}
	s.Addr = l.Addr().String()
	go s.srv.Serve(l)
	return s, nil
}

// URL is the address plainpress takes, with the login if one is set.
func (s *Server) URL() string {
	scheme := map[string]string{"": "smtp", "starttls": "smtp+starttls", "implicit": "smtps"}[s.opts.TLS]
	user := ""
	if s.opts.User != "" {
		user = s.opts.User + ":" + s.opts.Password + "@"
	}
	return scheme + "://" + user + s.Addr
}

// Close stops the server and lets a held message go.
func (s *Server) Close() {
	s.mu.Lock()
	if s.release != nil {
		select {
		case <-s.release:
		default:
			close(s.release)
		}
	}
	s.mu.Unlock()
	s.srv.Close()
}

// Reject refuses an address at RCPT TO with the given answer.
func (s *Server) Reject(addr string, code int, enhanced smtp.EnhancedCode, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reject[strings.ToLower(addr)] = &smtp.SMTPError{Code: code, EnhancedCode: enhanced, Message: msg}
}

// TempFail answers "451 try again later" to an address n times.
func (s *Server) TempFail(addr string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tempFail[strings.ToLower(addr)] = n
}

// Hold makes the server keep the n-th message's final answer back:
// Held is closed once it has the message whole, and after Release the
// server refuses it, as a server does whose client is gone.
func (s *Server) Hold(n int) (held <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.holdAt, s.held, s.release = n, make(chan struct{}), make(chan struct{})
	return s.held
}

// Held is the channel Hold returned, or nil.
func (s *Server) Held() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held
}

// Release lets a held message go (it is not kept).
func (s *Server) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.release != nil {
		close(s.release)
		s.release = nil
	}
}

// Messages is a copy of what the server took, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Count is how many messages the server took.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.msgs) + s.light
}

// Reset forgets what the server took.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs, s.light = nil, 0
}

// WaitFor waits until the server has taken n messages, or timeout.
func (s *Server) WaitFor(n int, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for s.Count() < n {
		select {
		case <-s.arrived:
		case <-deadline:
			return false
		}
	}
	return true
}

type session struct {
	s        *Server
	from, to string
	authed   bool
}

func (ss *session) AuthMechanisms() []string {
	if ss.s.opts.User == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != ss.s.opts.User || pass != ss.s.opts.Password {
			return smtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.opts.User != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s := ss.s
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(to)
	if e := s.reject[key]; e != nil {
		return e
	}
	if s.tempFail[key] > 0 {
		s.tempFail[key]--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 7, 1}, Message: "Greylisted, try again later"}
	}
	ss.to = to
	return nil
}

func (ss *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := ss.s
	s.mu.Lock()
	n := len(s.msgs) + s.light + 1
	if s.holdAt == n && s.held != nil {
		s.holdAt = 0
		held, release := s.held, s.release
		s.mu.Unlock()
		close(held)
		<-release
		return errors.New("the client went away")
	}
	m := Message{From: ss.from, To: ss.to, Data: data}
	if pm, err := mail.ReadMessage(bytes.NewReader(data)); err == nil {
		m.MessageID = pm.Header.Get("Message-Id")
	}
	if s.opts.Light {
		s.light++
	} else {
		s.msgs = append(s.msgs, m)
	}
	s.mu.Unlock()
	select {
	case s.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (ss *session) Reset()        { ss.from, ss.to = "", "" }
func (ss *session) Logout() error { return nil }

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned() (*tls.Config, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "smtptest"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}, pool, nil
}
