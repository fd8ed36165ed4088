package newsletter

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/plainpress/plainpress/content"
)

// ReadCSV reads subscribers from CSV with a header row naming at least
// an email column (name and lists are optional; lists are split on ";").
// Bad rows are faults naming their line; the good rows still come back.
func ReadCSV(file string, r io.Reader, status Status) ([]Subscriber, content.Faults, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, content.Faults{{File: file, Line: 1, Msg: "the file is empty: the first row names the columns, such as email,name"}}, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	emailCol, ok := col["email"]
	if !ok {
		return nil, content.Faults{{File: file, Line: 1, Msg: "no email column: the first row names the columns, such as email,name,lists"}}, nil
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var subs []Subscriber
	var faults content.Faults
	seen := map[string]int{}
	now := time.Now().UTC()
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			faults = append(faults, content.Fault{File: file, Line: line, Msg: err.Error()})
			if len(faults) >= content.MaxFaults {
				break
			}
			continue
		}
		email, err := CleanAddress(rec[min(emailCol, len(rec)-1)])
		if emailCol >= len(rec) {
			err = fmt.Errorf("no email in this row")
		}
		if err == nil && seen[email] > 0 {
			err = fmt.Errorf("%s is also on line %d", email, seen[email])
		}
		if err != nil {
			faults = append(faults, content.Fault{File: file, Line: line, Msg: err.Error()})
			continue
		}
		seen[email] = line
		sub := Subscriber{Email: email, Name: field(rec, "name"), Status: status, Created: now, Updated: now}
		if status == Confirmed {
			sub.Confirmed = now
		}
		for _, l := range strings.Split(field(rec, "lists"), ";") {
			if l = strings.TrimSpace(l); l != "" {
				sub.Lists = append(sub.Lists, l)
			}
		}
		subs = append(subs, sub)
	}
	return subs, faults, nil
}

// WriteCSV writes subscribers as CSV with a header row, the shape
// ReadCSV reads.
func WriteCSV(w io.Writer, subs func(func(Subscriber) error) error) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"email", "name", "lists", "status", "created", "confirmed"}); err != nil {
		return err
	}
	err := subs(func(s Subscriber) error {
		confirmed := ""
		if !s.Confirmed.IsZero() {
			confirmed = s.Confirmed.Format(time.RFC3339)
		}
		return cw.Write([]string{s.Email, s.Name, strings.Join(s.Lists, ";"), string(s.Status), s.Created.Format(time.RFC3339), confirmed})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
