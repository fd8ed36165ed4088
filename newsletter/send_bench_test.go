package newsletter

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"os"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/plainpress/plainpress/internal/smtptest"
)

// BenchmarkSend sends the starter issue to a list of subscribers (10,000;
// PLAINPRESS_BENCH_SUBSCRIBERS changes it) through a real SMTP server on
// loopback, with the send log in a real SQLite file, as `newsletter send`
// does. The targets: 1,000 messages a second unsigned, 500 with RSA-2048
// DKIM, and memory that stays flat as the list grows (peak-heap-MB).
//
//	go test ./newsletter -run NONE -bench Send -benchtime 1x
func BenchmarkSend(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("PLAINPRESS_BENCH_SUBSCRIBERS")); err == nil && v > 0 {
		n = v
	}
	ed := starterEdition(b, "2026-11")
	store := testStore(b)
	addMany(b, store, n)
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	for _, signed := range []bool{false, true} {
		name := "unsigned"
		if signed {
			name = "rsa2048"
		}
		b.Run(fmt.Sprintf("%s-%d", name, n), func(b *testing.B) {
			srv := smtptest.Start(b, smtptest.Options{Light: true})
			send := newSend(b, ed, store, srv)
			if signed {
				send.Envelope.DKIM, _ = NewDKIM(key, "childsupport.example.gov", "report")
			}
			run := 0
			peak := watchHeap()
			for b.Loop() {
				run++
				srv.Reset()
				send.Issue = fmt.Sprintf("bench-%d", benchRuns.Add(1)) // a fresh send log each time
				rep, err := send.Run(context.Background())
				if err != nil || rep.Sent != n || srv.Count() != n {
					b.Fatalf("%+v %v; the server has %d", rep, err, srv.Count())
				}
			}
			b.ReportMetric(float64(n*run)/b.Elapsed().Seconds(), "msgs/s")
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		})
	}
}

// benchRuns numbers the sends, across -count runs too.
var benchRuns atomic.Int64

// addMany adds n confirmed subscribers in one transaction.
func addMany(tb testing.TB, s *SQLite, n int) {
	tx, err := s.db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	now := time.Now().Unix()
	for i := range n {
		if _, err := tx.Exec(`INSERT INTO subscribers (email, name, status, created, updated) VALUES (?, ?, 'confirmed', ?, ?)`,
			fmt.Sprintf("reader%06d@example.org", i), fmt.Sprintf("Reader %d", i), now, now); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// watchHeap samples the live heap every 10 ms until peak is called.
func watchHeap() (peak func() uint64) {
	var max atomic.Uint64
	stop := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > max.Load() {
				max.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(stop); return max.Load() }
}
