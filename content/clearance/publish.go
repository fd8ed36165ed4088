package clearance

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"time"
)

// Published is what a production build may show: the project's files,
// with each document as last cleared. A page edited since is replaced by
// its cleared text; one never cleared is left out, as are an issue's
// files that were not in the issue as cleared.
type Published struct {
	FS       fs.FS
	Withheld map[string]State // files left out, and why
	Replaced map[string]bool  // files shown as cleared, not as they are now
}

// Publish works out the published view of a project whose files are in
// fsys, from its documents' statuses.
func (l *Ledger) Publish(fsys fs.FS, statuses []*Status) (*Published, error) {
	o := &overlay{base: fsys, replace: map[string][]byte{}, hide: map[string]bool{}}
	pub := &Published{FS: o, Withheld: map[string]State{}, Replaced: map[string]bool{}}
	for _, st := range statuses {
		d := st.Doc
		switch {
		case st.Cleared == d.Hash:
			continue
		case st.Cleared == "":
			for _, pg := range d.Pages {
				o.hide[pg.File] = true
				pub.Withheld[pg.File] = st.State
			}
		default:
			if err := l.restore(o, pub, d, st.Cleared); err != nil {
				return nil, fmt.Errorf("%s: the cleared version: %w", d.ID, err)
			}
		}
	}
	return pub, nil
}

// restore puts a document's cleared text in the overlay.
func (l *Ledger) restore(o *overlay, pub *Published, d *Doc, hash string) error {
	b, err := getObject(l.fsys, hash)
	if err != nil {
		return err
	}
	if d.Kind == KindPage {
		o.replace[d.ID], pub.Replaced[d.ID] = b, true
		return nil
	}
	entries, err := parseManifest(b)
	if err != nil {
		return err
	}
	kept := map[string]bool{}
	for _, m := range entries {
		text, err := getObject(l.fsys, m.hash)
		if err != nil {
			return fmt.Errorf("%s: %w", m.file, err)
		}
		o.replace[m.file], pub.Replaced[m.file], kept[m.file] = text, true, true
	}
	for _, pg := range d.Pages {
		if !kept[pg.File] {
			o.hide[pg.File] = true
			pub.Withheld[pg.File] = Stale
		}
	}
	return nil
}

// overlay is a file system that shows some files with other content and
// hides others. It adds no folders.
type overlay struct {
	base    fs.FS
	replace map[string][]byte
	hide    map[string]bool
}

func (o *overlay) Open(name string) (fs.File, error) {
	if o.hide[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if b, ok := o.replace[name]; ok {
		return &memFile{Reader: bytes.NewReader(b), info: memInfo{name: path.Base(name), size: int64(len(b))}}, nil
	}
	return o.base.Open(name)
}

func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil {
		return nil, err
	}
	out := entries[:0]
	seen := map[string]bool{}
	for _, e := range entries {
		p := path.Join(name, e.Name())
		seen[p] = true
		switch {
		case o.hide[p]:
		case o.replace[p] != nil:
			out = append(out, fs.FileInfoToDirEntry(memInfo{name: e.Name(), size: int64(len(o.replace[p]))}))
		default:
			out = append(out, e)
		}
	}
	for p, b := range o.replace {
		if path.Dir(p) == name && !seen[p] { // an article deleted since its issue was cleared
			out = append(out, fs.FileInfoToDirEntry(memInfo{name: path.Base(p), size: int64(len(b))}))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

func (o *overlay) Stat(name string) (fs.FileInfo, error) {
	f, err := o.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Stat()
}

type memFile struct {
	*bytes.Reader
	info memInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }
func (f *memFile) ReadDir(int) ([]fs.DirEntry, error) {
	return nil, errors.New("not a folder")
}

var _ io.Reader = (*memFile)(nil)

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
