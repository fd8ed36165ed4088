package newsletter

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// SendLog is the part of the store a send needs.
type SendLog interface {
	Unsent(ctx context.Context, issue, list string, fn func(Subscriber, SendState) error) error
	CountUnsent(ctx context.Context, issue, list string) (int, error)
	LogSends(ctx context.Context, issue string, marks []SendMark) error
	SendTally(ctx context.Context, issue string) (SendTally, error)
}

// Send hands an edition to every confirmed subscriber who has not had it,
// through several connections at once, at most Rate messages a second.
// Each subscriber's state is in the send log before and after each
// hand-off, so a send that stops for any reason resumes where it
// stopped when run again.
type Send struct {
	Edition     *Edition
	Envelope    Envelope
	Issue       string // the send log's key for this issue
	List        string // only subscribers on this list ("" for all)
	Log         SendLog
	Dial        func(context.Context) (Transport, error)
	Unsubscribe func(email string) string // a subscriber's one-click link

	Connections int           // at once (default 4)
	Rate        float64       // messages a second (0: as fast as the server takes them)
	Retries     int           // tries again after a 4xx answer or a broken connection (default 3)
	Backoff     time.Duration // the first wait before trying again; it doubles (default 2 s)
	Now         func() time.Time
	// Progress, if set, hears after each subscriber (from one goroutine
	// at a time).
	Progress func(Report)
}

// Report is how a send went.
type Report struct {
	Total    int // subscribers this run set out to reach
	Done     int // of those, how many are finished (sent, failed or deferred)
	Sent     int
	Failed   int // refused for good
	Bounced  int // of the failed, the address itself: marked bounced
	Deferred int // refused for now after the retries; the next run tries again
	Retried  int // tries again after a 4xx answer or a broken connection
	// Unsure is how many an earlier, stopped send was handing off when it
	// stopped; they went again with the same Message-ID.
	Unsure int
	// Failures holds the first few refusals, for the summary.
	Failures []SendMark
	Elapsed  time.Duration
}

const maxFailuresKept = 10

// tripAfter is how many refusals in a row, with nothing sent yet, stop a
// send: the fault is then the server's settings, not the addresses.
const tripAfter = 20

func (s *Send) defaults() {
	if s.Connections <= 0 {
		s.Connections = 4
	}
	if s.Retries < 0 {
		s.Retries = 0
	} else if s.Retries == 0 {
		s.Retries = 3
	}
	if s.Backoff <= 0 {
		s.Backoff = 2 * time.Second
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Issue == "" {
		s.Issue = s.Edition.Issue.File
	}
}

// job is one subscriber to reach, and how an earlier run left them.
type job struct {
	sub  Subscriber
	prev SendState
}

// run is the shared state of one Send.Run.
type run struct {
	*Send
	from    *mail.Address
	limit   *rate.Limiter
	log     *logWriter
	cancel  context.CancelCauseFunc
	mu      sync.Mutex
	report  Report
	refused int // refusals in a row while nothing is sent
}

// Run sends. It returns when every subscriber is done, ctx is canceled
// (the report then shows how far it got), or a fault stops the whole
// send (a refused sender, a failed login, a send log that cannot be
// written, or a server that refuses every message).
func (s *Send) Run(ctx context.Context) (Report, error) {
	s.defaults()
	start := time.Now()
	from, err := mail.ParseAddress(s.Envelope.From)
	if err != nil {
		return Report{}, fmt.Errorf("newsletter.from %q: %v", s.Envelope.From, err)
	}
	total, err := s.Log.CountUnsent(ctx, s.Issue, s.List)
	if err != nil {
		return Report{}, fmt.Errorf("send log: %w", err)
	}
	r := &run{Send: s, from: from, log: startLog(s.Log, s.Issue), limit: rate.NewLimiter(rate.Inf, 1)}
	defer r.log.stop()
	r.report.Total = total
	if s.Rate > 0 {
		r.limit = rate.NewLimiter(rate.Limit(s.Rate), 1)
	}
	if total == 0 {
		return r.report, nil
	}
	// One connection first: a wrong address, password or certificate
	// stops the send here, before anyone is marked.
	first, err := s.Dial(ctx)
	if err != nil {
		return r.report, err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	r.cancel = cancel
	jobs := make(chan job, 2*s.Connections)
	var wg sync.WaitGroup
	for i := range s.Connections {
		var t Transport
		if i == 0 {
			t = first
		}
		wg.Go(func() { r.worker(ctx, t, jobs) })
	}
	err = s.Log.Unsent(ctx, s.Issue, s.List, func(sub Subscriber, prev SendState) error {
		select {
		case jobs <- job{sub, prev}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	r.report.Elapsed = time.Since(start)
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return r.report, cause
	}
	if err != nil && ctx.Err() == nil {
		return r.report, fmt.Errorf("send log: %w", err)
	}
	return r.report, nil
}

// worker sends jobs over one connection, opening a new one when it breaks.
func (r *run) worker(ctx context.Context, t Transport, jobs <-chan job) {
	defer func() {
		if t != nil {
			t.Close()
		}
	}()
	var lastMark <-chan error
	for j := range jobs {
		if ctx.Err() != nil {
			continue // drain: the dispatcher stops too
		}
		if err := r.limit.Wait(ctx); err != nil {
			continue
		}
		msg, id, err := r.message(j.sub)
		if err != nil {
			r.finish(j, SendMark{Email: j.sub.Email, State: Failed, Detail: err.Error()})
			continue
		}
		// The mark goes in before the hand-off, and waiting for it also
		// waits for the previous message's outcome (the log is in order).
		if err := <-r.log.add(SendMark{Email: j.sub.Email, State: Sending, MessageID: id, At: r.Now()}); err != nil {
			r.cancel(err)
			continue
		}
		if lastMark != nil {
			if err := <-lastMark; err != nil {
				r.cancel(err)
				continue
			}
		}
		mark := r.deliver(ctx, &t, j.sub.Email, msg)
		mark.MessageID = id
		lastMark = r.finish(j, mark)
	}
	if lastMark != nil {
		if err := <-lastMark; err != nil {
			r.cancel(err)
		}
	}
}

// message builds a subscriber's own copy: their name, their unsubscribe
// link, signed.
func (r *run) message(sub Subscriber) ([]byte, string, error) {
	to := Recipient{Email: sub.Email, Name: sub.Name, Unsubscribe: r.Unsubscribe(sub.Email)}
	msg, err := r.Edition.Message(r.Envelope, to, r.Now())
	return msg, r.Edition.messageID(sub.Email, r.from.Address), err
}

// deliver hands one message over, trying again after temporary
// failures. It returns the outcome to log.
func (r *run) deliver(ctx context.Context, t *Transport, to string, msg []byte) SendMark {
	mark := SendMark{Email: to}
	wait := r.Backoff
	for attempt := 0; ; attempt++ {
		mark.Attempts = attempt + 1
		err := r.handOff(ctx, t, to, msg)
		var se *SendError
		switch {
		case err == nil:
			mark.State, mark.At = Sent, r.Now()
			return mark
		case !errors.As(err, &se):
			se = &SendError{Kind: Connection, Err: err}
		}
		mark.Detail, mark.At = se.Error(), r.Now()
		switch se.Kind {
		case Fatal:
			r.cancel(se)
			mark.State = Deferred
			return mark
		case Permanent:
			mark.State, mark.Bounce = Failed, se.Bounce
			return mark
		}
		if attempt >= r.Retries {
			if se.Kind == Connection {
				// The server has been out of reach through every retry:
				// stop rather than wait out each remaining subscriber.
				r.cancel(fmt.Errorf("the SMTP server failed %d times in a row: %w", attempt+1, se))
			}
			mark.State = Deferred
			return mark
		}
		r.mu.Lock()
		r.report.Retried++
		r.mu.Unlock()
		select {
		case <-time.After(wait):
			wait *= 2
		case <-ctx.Done():
			mark.State = Deferred
			mark.Detail += " (stopped before trying again)"
			return mark
		}
	}
}

// handOff sends over the worker's connection, opening it if needed and
// dropping it when it breaks.
func (r *run) handOff(ctx context.Context, t *Transport, to string, msg []byte) error {
	if *t == nil {
		c, err := r.Dial(ctx)
		if err != nil {
			return err
		}
		*t = c
	}
	err := (*t).Send(ctx, r.from.Address, to, msg)
	var se *SendError
	if err != nil && (!errors.As(err, &se) || se.Broken || se.Kind == Connection) {
		(*t).Close()
		*t = nil
	}
	return err
}

// finish logs a subscriber's outcome (without waiting for the write)
// and counts it.
func (r *run) finish(j job, m SendMark) <-chan error {
	done := r.log.add(m)
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &r.report
	rep.Done++
	if j.prev == Sending {
		rep.Unsure++
	}
	switch m.State {
	case Sent:
		rep.Sent++
		r.refused = 0
	case Failed:
		rep.Failed++
		if m.Bounce {
			rep.Bounced++
		}
	case Deferred:
		rep.Deferred++
	}
	if m.State != Sent {
		if len(rep.Failures) < maxFailuresKept {
			rep.Failures = append(rep.Failures, m)
		}
		if rep.Sent == 0 {
			r.refused++
			if r.refused >= tripAfter && r.cancel != nil {
				r.cancel(fmt.Errorf("the server refused the first %d messages (the last: %s); check the SMTP settings before sending again", r.refused, m.Detail))
			}
		}
	}
	if r.Progress != nil {
		r.Progress(*rep)
	}
	return done
}

// Test sends one test copy to addr, outside the send log.
func (s *Send) Test(ctx context.Context, addr string) error {
	s.defaults()
	from, err := mail.ParseAddress(s.Envelope.From)
	if err != nil {
		return fmt.Errorf("newsletter.from %q: %v", s.Envelope.From, err)
	}
	msg, err := s.Edition.TestCopy().Message(s.Envelope, Recipient{Email: addr, Unsubscribe: s.Unsubscribe(addr)}, s.Now())
	if err != nil {
		return err
	}
	t, err := s.Dial(ctx)
	if err != nil {
		return err
	}
	defer t.Close()
	return t.Send(ctx, from.Address, addr, msg)
}
