package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/plainpress/plainpress/content"
)

// Watcher reports changes under a folder in batches: an editor's save is
// often several events (write a temp file, rename, chmod), and one
// rebuild should follow them all.
type Watcher struct {
	root  string
	skip  func(rel string) bool
	quiet time.Duration
	w     *fsnotify.Watcher
}

// NewWatcher watches root and every folder below it, except those skip
// names (paths relative to root, with slashes). Folders made later are
// watched too.
func NewWatcher(root string, skip func(rel string) bool) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &Watcher{root: root, skip: skip, quiet: 40 * time.Millisecond, w: fw}
	if err := wt.addTree(root); err != nil {
		fw.Close()
		return nil, err
	}
	return wt, nil
}

func (wt *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder removed while we walk is no fault
		}
		if !d.IsDir() {
			return nil
		}
		if p != wt.root && wt.ignored(p) {
			return filepath.SkipDir
		}
		return wt.w.Add(p)
	})
}

func (wt *Watcher) ignored(p string) bool {
	rel, err := filepath.Rel(wt.root, p)
	if err != nil {
		return true
	}
	rel = filepath.ToSlash(rel)
	return content.Ignored(filepath.Base(p)) || (wt.skip != nil && wt.skip(rel))
}

// Run sends each batch of changed paths (relative to root) on out until
// ctx ends. A batch closes when no event has come for a short quiet time.
func (wt *Watcher) Run(ctx context.Context, out chan<- []string) error {
	defer wt.w.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-wt.w.Errors:
			if err != nil {
				return err
			}
		case ev := <-wt.w.Events:
			if wt.ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = wt.addTree(ev.Name)
				}
			}
			rel, _ := filepath.Rel(wt.root, ev.Name)
			pending[filepath.ToSlash(rel)] = true
			timer.Reset(wt.quiet)
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			pending = map[string]bool{}
			select {
			case out <- batch:
			case <-ctx.Done():
				return nil
			}
		}
	}
}
