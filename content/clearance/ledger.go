package clearance

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/atomicfile"
)

// Ledger is the clearance/ folder of a project: its events, read and
// checked one by one, in time order.
type Ledger struct {
	root   string // the project folder
	fsys   fs.FS
	Events []*Event
	byDoc  map[string][]*Event
	byID   map[string]*Event
}

// maxEventSize bounds an event file: real ones are well under 2 KB.
const maxEventSize = 64 << 10

// Open reads the ledger of the project in root. Event files that cannot
// be read as events come back as faults naming the file and what is
// wrong; the rest of the ledger is still read.
func Open(root string) (*Ledger, content.Faults, error) {
	l := &Ledger{root: root, fsys: os.DirFS(root), byDoc: map[string][]*Event{}, byID: map[string]*Event{}}
	entries, err := fs.ReadDir(l.fsys, eventsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", eventsDir, err)
	}
	var faults content.Faults
	for _, ent := range entries {
		if ent.IsDir() || content.Ignored(ent.Name()) {
			continue
		}
		file := eventsDir + "/" + ent.Name()
		e, err := l.readEvent(file, ent)
		if err != nil {
			faults = append(faults, content.Fault{File: file, Msg: err.Error()})
			continue
		}
		l.add(e)
	}
	for doc := range l.byDoc {
		l.byDoc[doc] = chainOrder(l.byDoc[doc])
	}
	return l, faults, nil
}

// chainOrder puts a document's events in the order their links give:
// each after the one it names in Prev, and among events after the same
// one (two reviewers at once), oldest first. Events whose Prev is missing
// (which verify reports) start the order, by time.
func chainOrder(events []*Event) []*Event {
	ids := map[string]bool{}
	next := map[string][]*Event{}
	var roots []*Event
	for _, e := range events {
		ids[e.ID] = true
	}
	for _, e := range events {
		if e.Prev == "" || !ids[e.Prev] {
			roots = append(roots, e)
		} else {
			next[e.Prev] = append(next[e.Prev], e)
		}
	}
	out := make([]*Event, 0, len(events))
	queue := roots
	for len(queue) > 0 {
		sortByTime(queue)
		e := queue[0]
		queue = append(queue[1:], next[e.ID]...)
		out = append(out, e)
	}
	if len(out) < len(events) { // a loop of links, which hashes make all but impossible
		return sortByTime(events)
	}
	return out
}

func sortByTime(events []*Event) []*Event {
	sort.SliceStable(events, func(i, j int) bool {
		if !events[i].At.Equal(events[j].At) {
			return events[i].At.Before(events[j].At)
		}
		return events[i].ID < events[j].ID
	})
	return events
}

func (l *Ledger) readEvent(file string, ent fs.DirEntry) (*Event, error) {
	info, err := ent.Info()
	if err != nil {
		return nil, err
	}
	if info.Size() > maxEventSize {
		return nil, fmt.Errorf("%d bytes: too big to be a clearance event", info.Size())
	}
	b, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		return nil, err
	}
	return decodeEvent(file, ent.Name(), b)
}

func (l *Ledger) add(e *Event) {
	l.Events = append(l.Events, e)
	sort.SliceStable(l.Events, func(i, j int) bool { return l.Events[i].At.Before(l.Events[j].At) })
	l.byDoc[e.Doc] = append(l.byDoc[e.Doc], e)
	l.byID[e.ID] = e
}

// History is a document's events, in the order of their chain.
func (l *Ledger) History(doc string) []*Event { return l.byDoc[doc] }

// Docs are the IDs of every document the ledger has events for.
func (l *Ledger) Docs() []string { return sortedKeys(l.byDoc) }

// head is the newest event of a document, which the next one follows.
func (l *Ledger) head(doc string) string {
	h := l.byDoc[doc]
	if len(h) == 0 {
		return ""
	}
	return h[len(h)-1].ID
}

// append writes a new event for a document, after its newest one, and
// keeps the policy it was made under. The file is new and written whole.
func (l *Ledger) append(e *Event, policy *Policy, sign Signer) error {
	e.Prev = l.head(e.Doc)
	e.Policy = policy.Hash
	if _, err := putObject(l.root, policyBytes(policy)); err != nil {
		return fmt.Errorf("keep the policy: %w", err)
	}
	if sign != nil {
		sig, err := sign(e.payload())
		if err != nil {
			return err
		}
		e.Signature = sig
	}
	b := e.encode()
	id := hashOf(b)
	file := fileName(e, id)
	p := filepath.Join(l.root, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if _, err := os.Stat(p); err == nil {
		return fmt.Errorf("%s already exists", file)
	}
	if err := atomicfile.Write(p, b, 0o644); err != nil {
		return err
	}
	e.ID, e.File = id, path.Clean(file)
	l.add(e)
	return nil
}
