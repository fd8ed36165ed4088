package site

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Output receives the files of a build. Names are slash paths relative to
// the site root, such as "apply/index.html". Implementations must be safe
// for concurrent use: pages are written from several goroutines.
type Output interface {
	WriteFile(name string, data []byte) error
}

// dirOutput writes files under a folder.
type dirOutput struct {
	root string
	mu   sync.Mutex
	dirs map[string]bool
}

func (d *dirOutput) WriteFile(name string, data []byte) error {
	p := filepath.Join(d.root, filepath.FromSlash(name))
	dir := filepath.Dir(p)
	d.mu.Lock()
	made := d.dirs[dir]
	d.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	return os.WriteFile(p, data, 0o644)
}

// Memory is an Output that keeps the site in memory, for the preview
// server. The zero value is not ready: use NewMemory.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory site.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

func (m *Memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = data
	return nil
}

// File returns a file of the site, and whether it exists.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[name]
	return b, ok
}

// Names lists the site's files in order.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.files))
	for n := range m.files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// fileName is the file a site path is written to: /apply/ → apply/index.html.
func fileName(url string) string {
	name := strings.TrimPrefix(url, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return path.Clean(name)
}

// staging returns a fresh folder beside dir for a build to write into,
// after removing any left by a build that was killed.
func staging(dir string) (string, error) {
	parent, base := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", err
	}
	old, _ := filepath.Glob(filepath.Join(parent, "."+base+".plainpress-*"))
	for _, o := range old {
		_ = os.RemoveAll(o)
	}
	return os.MkdirTemp(parent, "."+base+".plainpress-*")
}

// swapIn puts the finished build at dir, replacing what was there in one
// step where the system allows it, so readers never see half a site.
func swapIn(tmp, dir string) error {
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return os.Rename(tmp, dir)
	}
	if err := exchange(tmp, dir); err == nil {
		return os.RemoveAll(tmp) // tmp now holds the previous site
	}
	old := tmp + "-old"
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("move the previous site aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return fmt.Errorf("put the new site in place: %w", err)
	}
	return os.RemoveAll(old)
}
