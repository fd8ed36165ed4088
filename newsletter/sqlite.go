package newsletter

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // pure Go: no C compiler needed
)

// SQLite is the embedded store: one file, in .plainpress/ of the project.
type SQLite struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS subscribers (
	email     TEXT PRIMARY KEY,
	name      TEXT NOT NULL DEFAULT '',
	lists     TEXT NOT NULL DEFAULT '',
	status    TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
	created   INTEGER NOT NULL,
	updated   INTEGER NOT NULL,
	confirmed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sends (
	issue      TEXT NOT NULL,
	email      TEXT NOT NULL,
	state      TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'deferred')),
	message_id TEXT NOT NULL DEFAULT '',
	attempts   INTEGER NOT NULL DEFAULT 0,
	detail     TEXT NOT NULL DEFAULT '',
	updated    INTEGER NOT NULL,
	PRIMARY KEY (issue, email)
);`

// OpenSQLite opens (or creates) the store file. WAL mode lets the
// subscription server and a send work at once, and makes each write
// durable before it returns.
func OpenSQLite(path string) (*SQLite, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return &SQLite{db: db}, nil
}

func (s *SQLite) Close() error { return s.db.Close() }

func (s *SQLite) Add(ctx context.Context, sub Subscriber, update bool) error {
	now := time.Now().UTC()
	if sub.Created.IsZero() {
		sub.Created = now
	}
	if sub.Updated.IsZero() {
		sub.Updated = now
	}
	lists := strings.Join(sub.Lists, ",")
	conflict := "NOTHING"
	if update {
		conflict = "UPDATE SET name = excluded.name, lists = excluded.lists, status = excluded.status, updated = excluded.updated, confirmed = CASE WHEN excluded.confirmed > 0 THEN excluded.confirmed ELSE confirmed END"
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO subscribers (email, name, lists, status, created, updated, confirmed)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO `+conflict,
		sub.Email, sub.Name, lists, string(sub.Status), sub.Created.Unix(), sub.Updated.Unix(), unix(sub.Confirmed))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrExists
	}
	return nil
}

func (s *SQLite) Get(ctx context.Context, email string) (Subscriber, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+subscriberColumns+` FROM subscribers s WHERE email = ?`, email)
	sub, err := scanSubscriber(row.Scan)
	if errors.Is(err, sql.ErrNoRows) {
		return sub, ErrNotFound
	}
	return sub, err
}

func (s *SQLite) SetStatus(ctx context.Context, email string, st Status, at time.Time) error {
	q := `UPDATE subscribers SET status = ?, updated = ? WHERE email = ?`
	if st == Confirmed {
		q = `UPDATE subscribers SET status = ?, updated = ?, confirmed = ` + fmt.Sprint(at.Unix()) + ` WHERE email = ?`
	}
	res, err := s.db.ExecContext(ctx, q, string(st), at.Unix(), email)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

func (s *SQLite) Remove(ctx context.Context, email string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM subscribers WHERE email = ?`, email)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// pageSize is how many subscribers Each and Unsent read at a time.
const pageSize = 500

const subscriberColumns = `s.email, s.name, s.lists, s.status, s.created, s.updated, s.confirmed`

func (s *SQLite) Each(ctx context.Context, status Status, fn func(Subscriber) error) error {
	q := `SELECT ` + subscriberColumns + ` FROM subscribers s WHERE s.email > ?`
	var args []any
	if status != "" {
		q += ` AND s.status = ?`
		args = append(args, string(status))
	}
	return pages(ctx, s.db, q, args, func(scan func(...any) error) (Subscriber, string, error) {
		sub, err := scanSubscriber(scan)
		return sub, sub.Email, err
	}, fn)
}

// pages runs query (whose first placeholder is the address to start
// after) a page at a time in address order, reading each page whole
// before fn sees it, so fn may write to the store.
func pages[T any](ctx context.Context, db *sql.DB, query string, args []any, scan func(func(...any) error) (T, string, error), fn func(T) error) error {
	after := ""
	for {
		rows, err := db.QueryContext(ctx, query+` ORDER BY s.email LIMIT `+fmt.Sprint(pageSize), append([]any{after}, args...)...)
		if err != nil {
			return err
		}
		var page []T
		for rows.Next() {
			item, key, err := scan(rows.Scan)
			if err != nil {
				rows.Close()
				return err
			}
			page, after = append(page, item), key
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, item := range page {
			if err := fn(item); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
	}
}

func scanSubscriber(scan func(...any) error) (Subscriber, error) {
	var sub Subscriber
	var lists, status string
	var created, updated, confirmed int64
	if err := scan(&sub.Email, &sub.Name, &lists, &status, &created, &updated, &confirmed); err != nil {
		return sub, err
	}
	if lists != "" {
		sub.Lists = strings.Split(lists, ",")
	}
	sub.Status = Status(status)
	sub.Created, sub.Updated = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
	if confirmed > 0 {
		sub.Confirmed = time.Unix(confirmed, 0).UTC()
	}
	return sub, nil
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
