package newsletter

import (
	"context"
	"fmt"
	"time"
)

// SendState is where one subscriber's copy of one issue is. The send
// log keeps it so that a send that stops, for any reason, can resume
// without sending anyone the issue twice or skipping anyone.
type SendState string

const (
	// Sending is written before a message goes to the SMTP server. Found
	// on a resume, it means the send stopped during that hand-off: the
	// server may or may not have the message.
	Sending  SendState = "sending"
	Sent     SendState = "sent"     // the server took it
	Failed   SendState = "failed"   // refused for good (5xx)
	Deferred SendState = "deferred" // still refused for now (4xx) after the retries: the next run tries again
)

// SendMark is one entry in the send log.
type SendMark struct {
	Email     string
	State     SendState
	MessageID string
	Attempts  int
	Detail    string // the server's answer, for a failure
	At        time.Time
	Bounce    bool // the address itself was refused: mark the subscriber bounced
}

// SendTally sums up an issue's send log.
type SendTally struct {
	Sent, Failed, Deferred, Sending int
	First, Last                     time.Time
}

// Total is how many subscribers the log has an entry for.
func (t SendTally) Total() int { return t.Sent + t.Failed + t.Deferred + t.Sending }

// Unsent calls fn for each confirmed subscriber (on list, unless list is
// empty) who has not had the issue, with the state of an earlier
// attempt: "" for none, Sending or Deferred.
func (s *SQLite) Unsent(ctx context.Context, issue, list string, fn func(Subscriber, SendState) error) error {
	args := []any{issue}
	if list != "" {
		args = append(args, "%,"+list+",%")
	}
	type row struct {
		sub   Subscriber
		state SendState
	}
	return pages(ctx, s.db, unsentQuery(list != ""), args, func(scan func(...any) error) (row, string, error) {
		var r row
		var state string
		sub, err := scanSubscriber(func(dest ...any) error { return scan(append(dest, &state)...) })
		r.sub, r.state = sub, SendState(state)
		return r, sub.Email, err
	}, func(r row) error { return fn(r.sub, r.state) })
}

// unsentQuery is Unsent's SELECT. pages binds the address to start
// after first (?1), so the issue is ?2 and the list ?3.
func unsentQuery(byList bool) string {
	q := `SELECT ` + subscriberColumns + `, COALESCE(x.state, '') FROM subscribers s
		LEFT JOIN sends x ON x.email = s.email AND x.issue = ?2
		WHERE s.email > ?1 AND s.status = 'confirmed' AND (x.state IS NULL OR x.state IN ('sending', 'deferred'))`
	if byList {
		q += ` AND (',' || s.lists || ',') LIKE ?3`
	}
	return q
}

// CountUnsent is how many subscribers Unsent would call fn for.
func (s *SQLite) CountUnsent(ctx context.Context, issue, list string) (int, error) {
	args := []any{"", issue}
	if list != "" {
		args = append(args, "%,"+list+",%")
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+unsentQuery(list != "")+`)`, args...).Scan(&n)
	return n, err
}

// LogSends writes marks in one transaction, durable when it returns.
func (s *SQLite) LogSends(ctx context.Context, issue string, marks []SendMark) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, m := range marks {
		at := m.At.Unix()
		if _, err := tx.ExecContext(ctx, `INSERT INTO sends (issue, email, state, message_id, attempts, detail, updated) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (issue, email) DO UPDATE SET state = excluded.state, message_id = excluded.message_id,
			attempts = sends.attempts + excluded.attempts, detail = excluded.detail, updated = excluded.updated`,
			issue, m.Email, string(m.State), m.MessageID, m.Attempts, m.Detail, at); err != nil {
			return fmt.Errorf("send log: %w", err)
		}
		if m.Bounce {
			if _, err := tx.ExecContext(ctx, `UPDATE subscribers SET status = 'bounced', updated = ? WHERE email = ?`, at, m.Email); err != nil {
				return fmt.Errorf("send log: %w", err)
			}
		}
	}
	return tx.Commit()
}

// SendTally counts an issue's send log by state.
func (s *SQLite) SendTally(ctx context.Context, issue string) (SendTally, error) {
	var t SendTally
	rows, err := s.db.QueryContext(ctx, `SELECT state, COUNT(*), MIN(updated), MAX(updated) FROM sends WHERE issue = ? GROUP BY state`, issue)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		var first, last int64
		if err := rows.Scan(&state, &n, &first, &last); err != nil {
			return t, err
		}
		switch SendState(state) {
		case Sent:
			t.Sent = n
		case Failed:
			t.Failed = n
		case Deferred:
			t.Deferred = n
		case Sending:
			t.Sending = n
		}
		if f := time.Unix(first, 0).UTC(); t.First.IsZero() || f.Before(t.First) {
			t.First = f
		}
		if l := time.Unix(last, 0).UTC(); l.After(t.Last) {
			t.Last = l
		}
	}
	return t, rows.Err()
}
