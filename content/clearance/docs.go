package clearance

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// Kind tells pages from newsletter issues.
type Kind string

const (
	KindPage  Kind = "page"
	KindIssue Kind = "issue"
)

// Doc is what is cleared as one: a page, or a newsletter issue with its
// articles.
type Doc struct {
	ID    string // the page's file, or the issue's folder with a slash: content/en/newsletter/2026-11/
	Kind  Kind
	Pages []*content.Page // the page; or the issue's index.md, then its articles
	Hash  string          // SHA-256 of the content as it is now
}

// Docs lists a project's documents, in the order of its pages.
func Docs(proj *content.Project) []*Doc {
	var out []*Doc
	for _, pg := range proj.Pages {
		switch pg.Kind {
		case content.KindArticle:
			continue // cleared with its issue
		case content.KindIssue:
			d := &Doc{ID: path.Dir(pg.File) + "/", Kind: KindIssue, Pages: append([]*content.Page{pg}, pg.Children...)}
			d.Hash = manifestHash(manifest(d.Pages))
			out = append(out, d)
		default:
			out = append(out, &Doc{ID: pg.File, Kind: KindPage, Pages: []*content.Page{pg}, Hash: pg.Hash})
		}
	}
	return out
}

// Find is the document a path names: a page's file, an issue's folder,
// or any file of an issue. Paths are from the project root.
func Find(docs []*Doc, p string) (*Doc, bool) {
	p = strings.TrimPrefix(path.Clean(strings.ReplaceAll(p, "\\", "/")), "./")
	for _, d := range docs {
		if d.ID == p || d.ID == p+"/" {
			return d, true
		}
		for _, pg := range d.Pages {
			if pg.File == p {
				return d, true
			}
		}
	}
	return nil, false
}

// A manifest lists the files of an issue bundle: "HASH PATH" a line,
// sorted by path. Its own hash is the bundle's hash, and it is kept in
// the store with the files, so the exact issue approved can be rebuilt.
func manifest(pages []*content.Page) []byte {
	lines := make([]string, 0, len(pages))
	for _, pg := range pages {
		lines = append(lines, pg.Hash+" "+pg.File)
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i][65:] < lines[j][65:] })
	return []byte(strings.Join(lines, "\n") + "\n")
}

func manifestHash(m []byte) string {
	sum := sha256.Sum256(m)
	return hex.EncodeToString(sum[:])
}

// manifestEntry is one line of a manifest.
type manifestEntry struct{ hash, file string }

func parseManifest(m []byte) ([]manifestEntry, error) {
	var out []manifestEntry
	for i, line := range strings.Split(strings.TrimSuffix(string(m), "\n"), "\n") {
		hash, file, ok := strings.Cut(line, " ")
		if !ok || len(hash) != 64 || file == "" {
			return nil, fmt.Errorf("line %d of the issue's list of files is not HASH PATH", i+1)
		}
		out = append(out, manifestEntry{hash, file})
	}
	return out, nil
}
