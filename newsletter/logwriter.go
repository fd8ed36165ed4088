package newsletter

import (
	"context"
	"sync"
)

// logWriter writes send-log marks in order, as many as are waiting in
// one transaction (a group commit): every worker waits for its own mark
// to be on disk, but the disk syncs once for all of them.
type logWriter struct {
	log   SendLog
	issue string
	in    chan logEntry
	wg    sync.WaitGroup
}

type logEntry struct {
	mark SendMark
	done chan error
}

// maxBatch bounds one transaction.
const maxBatch = 256

func startLog(log SendLog, issue string) *logWriter {
	w := &logWriter{log: log, issue: issue, in: make(chan logEntry, maxBatch)}
	w.wg.Go(w.loop)
	return w
}

// add queues a mark; the channel answers once it is written.
func (w *logWriter) add(m SendMark) <-chan error {
	done := make(chan error, 1)
	w.in <- logEntry{m, done}
	return done
}

// stop writes what is queued and ends the writer.
func (w *logWriter) stop() {
	close(w.in)
	w.wg.Wait()
}

func (w *logWriter) loop() {
	// Marks are written even while a send is being stopped: a message
	// handed off must be logged as sent.
	ctx := context.Background()
	var batch []logEntry
	for e := range w.in {
		batch = append(batch[:0], e)
	more:
		for len(batch) < maxBatch {
			select {
			case e, ok := <-w.in:
				if !ok {
					break more
				}
				batch = append(batch, e)
			default:
				break more
			}
		}
		marks := make([]SendMark, len(batch))
		for i, e := range batch {
			marks[i] = e.mark
		}
		err := w.log.LogSends(ctx, w.issue, marks)
		for _, e := range batch {
			e.done <- err
		}
	}
}
