package content

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Kind is what a page is in the site's tree.
type Kind int

const (
	KindPage    Kind = iota // a regular page: apply.md
	KindHome                // the language's home: _index.md
	KindSection             // a folder's list page: news/_index.md
	KindIssue               // a newsletter issue: newsletter/2026-11/index.md
	KindArticle             // an article of an issue: newsletter/2026-11/01-taxes.md
)

func (k Kind) String() string {
	return [...]string{"page", "home", "section", "issue", "article"}[k]
}

// Page is one Markdown file, parsed.
type Page struct {
	File string // path from the project root, with slashes: content/en/apply.md
	Lang string // language code: en
	Key  string // path inside the language folder, the same for translations: apply.md
	Kind Kind
	Meta Meta

	Source   []byte   // the whole file as read (less a UTF-8 BOM)
	Body     []byte   // the Markdown after the front matter
	BodyLine int      // the line of the file on which Body starts
	Doc      ast.Node // the goldmark parse of Body
	Hash     string   // SHA-256 of Source with line endings normalised, hex

	URL    string // site path: /apply/, /es/apply/; for an article, its issue's URL
	Anchor string // for an article, its id inside the issue page

	Parent       *Page   // the section (or issue) the page belongs to; nil for a home page
	Children     []*Page // for homes, sections and issues: pages directly inside, in order
	Translations []*Page // the same Key in other languages, in config order

	lineStarts []int  // offsets in Body where each line starts
	warnings   Faults // warnings from parsing, shown again when the parse is reused
}

// Position turns a byte offset in Body into a 1-based line and column of
// the file. Columns count characters, not bytes, as editors do.
func (p *Page) Position(offset int) (line, col int) {
	if offset < 0 {
		return p.BodyLine, 1
	}
	if offset > len(p.Body) {
		offset = len(p.Body)
	}
	i := sort.SearchInts(p.lineStarts, offset+1) - 1
	if i < 0 {
		i = 0
	}
	start := p.lineStarts[i]
	return p.BodyLine + i, utf8.RuneCount(p.Body[start:offset]) + 1
}

// NodePosition is the line and column where a node of Doc starts.
func (p *Page) NodePosition(n ast.Node) (line, col int) {
	return p.Position(NodeOffset(n))
}

// Title is the page's title.
func (p *Page) Title() string { return p.Meta.Title }

// IsList reports whether the page lists other pages (home, section, issue).
func (p *Page) IsList() bool {
	return p.Kind == KindHome || p.Kind == KindSection || p.Kind == KindIssue
}

// Section is the first folder of the page's Key ("news" for
// news/2026-10-01-hours.md), or "" for pages at the top.
func (p *Page) Section() string {
	if i := strings.IndexByte(p.Key, '/'); i >= 0 {
		return p.Key[:i]
	}
	return ""
}

// Translation returns the page's translation into lang, or nil.
func (p *Page) Translation(lang string) *Page {
	for _, t := range p.Translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// Hash is the SHA-256 of content with CRLF and CR line endings turned
// into LF, so the same text saved on Windows and on Linux has one hash.
func Hash(src []byte) string {
	sum := sha256.Sum256(NormalizeNewlines(src))
	return hex.EncodeToString(sum[:])
}

// NormalizeNewlines turns CRLF and CR line endings into LF, as Hash sees
// the text.
func NormalizeNewlines(src []byte) []byte {
	if !strings.ContainsRune(string(src), '\r') {
		return src
	}
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	return []byte(strings.ReplaceAll(s, "\r", "\n"))
}

// kindOf tells the kind of a page from its Key.
func kindOf(key string) Kind {
	dir, base := path.Split(key)
	switch {
	case base == "_index.md" && dir == "":
		return KindHome
	case base == "_index.md":
		return KindSection
	case isIssueDir(dir) && base == "index.md":
		return KindIssue
	case isIssueDir(dir):
		return KindArticle
	}
	return KindPage
}

// NewsletterSection is the folder under content/LANG/ that holds issues.
const NewsletterSection = "newsletter"

// isIssueDir reports whether dir (with a trailing slash) is an issue
// folder: newsletter/SLUG/.
func isIssueDir(dir string) bool {
	parts := strings.Split(strings.TrimSuffix(dir, "/"), "/")
	return len(parts) == 2 && parts[0] == NewsletterSection
}

// urlOf is the site path of a page in a language with the given prefix.
// Articles share their issue's URL and get an anchor.
func urlOf(prefix, key string, kind Kind) (url, anchor string) {
	dir, base := path.Split(key)
	name := strings.TrimSuffix(base, path.Ext(base))
	switch kind {
	case KindHome, KindSection, KindIssue:
		return prefix + "/" + dir, ""
	case KindArticle:
		return prefix + "/" + dir, articleAnchor(name)
	}
	if name == "index" {
		return prefix + "/" + dir, ""
	}
	return prefix + "/" + dir + strings.ReplaceAll(name, " ", "-") + "/", ""
}

// articleAnchor drops the ordering prefix of an article file name:
// "01-back-to-school" → "back-to-school".
func articleAnchor(name string) string {
	trimmed := strings.TrimLeft(name, "0123456789")
	if trimmed != name {
		trimmed = strings.TrimLeft(trimmed, "-_")
	}
	if trimmed == "" {
		return Slug(name)
	}
	return Slug(trimmed)
}

func lineStarts(body []byte) []int {
	starts := []int{0}
	for i, c := range body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
