package lint

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/plainpress/plainpress/internal/atomicfile"
)

// Cache keeps lint reports between runs in one file, so that a build
// does not lint an unchanged page again. A cache that is missing,
// unreadable or from another version of plainpress is simply empty: it
// can make a run slower, never wrong. A nil *Cache caches nothing.
type Cache struct {
	path   string
	mu     sync.Mutex
	old    map[string]FileReport // what the file held
	used   map[string]FileReport // what this run asked for: saved, so old pages drop out
	hits   int
	misses int
}

// cacheFormat changes when the file's layout does.
const cacheFormat = "plainpress-lint-cache-1"

type cacheFile struct {
	Format  string
	Reports map[string]FileReport
}

// OpenCache reads the cache at path, if there is one.
func OpenCache(path string) *Cache {
	c := &Cache{path: path, old: map[string]FileReport{}, used: map[string]FileReport{}}
	b, err := os.ReadFile(path)
	if err != nil {
		return c
	}
	var f cacheFile
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&f) == nil && f.Format == cacheFormat {
		c.old = f.Reports
	}
	return c
}

func (c *Cache) get(key string) (FileReport, bool) {
	if c == nil {
		return FileReport{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.used[key] // a long run (serve) asks again and again
	if !ok {
		r, ok = c.old[key]
	}
	if ok {
		c.hits++
		c.used[key] = r
	} else {
		c.misses++
	}
	return r, ok
}

func (c *Cache) put(key string, r FileReport) {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.used[key] = r
	c.mu.Unlock()
}

// Stats is how many pages came from the cache and how many were linted.
func (c *Cache) Stats() (hits, misses int) {
	if c == nil {
		return 0, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// Save writes the reports this run used, replacing the file whole.
func (c *Cache) Save() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cacheFile{Format: cacheFormat, Reports: c.used}); err != nil {
		return fmt.Errorf("lint cache: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return fmt.Errorf("lint cache: %w", err)
	}
	if err := atomicfile.Write(c.path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("lint cache: %w", err)
	}
	return nil
}

// programStamp names the running plainpress binary by its path, size
// and time, so that a new version (with other rules) never reuses the
// reports of an old one.
var programStamp = sync.OnceValue(func() string {
	exe, err := os.Executable()
	fi, err2 := os.Stat(exe)
	if err != nil || err2 != nil {
		return fmt.Sprint("no stamp, never a hit ", os.Getpid(), time.Now().UnixNano())
	}
	return fmt.Sprintf("%s %d %d", exe, fi.Size(), fi.ModTime().UnixNano())
})
