package lint

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/internal/par"
)

// Project lints a project's pages with its settings. With a cache, a
// page whose text, path and settings are the same as when it was last
// linted is not linted again.
func (s *Settings) Project(pages []*content.Page, cache *Cache) []FileReport {
	out := make([]FileReport, len(pages))
	par.Each(len(pages), func(i int) {
		pg := pages[i]
		key := s.cacheKey(pg)
		if r, ok := cache.get(key); ok {
			out[i] = r
			return
		}
		out[i] = Page(pg, s.For(pg.File))
		cache.put(key, out[i])
	})
	return out
}

// cacheKey names what a page's report depends on: the lint program, the
// settings, and the page's path, language and bytes.
func (s *Settings) cacheKey(pg *content.Page) string {
	h := sha256.New()
	for _, part := range []string{programStamp(), s.key, pg.File, pg.Lang} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	h.Write(pg.Source)
	return hex.EncodeToString(h.Sum(nil))
}
