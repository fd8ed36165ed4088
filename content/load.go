package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/plainpress/plainpress/internal/par"
)

// Loader loads projects and remembers parsed pages, so loading a project
// again after an edit parses only the files that changed. The zero value
// is ready to use; a Loader is safe for one goroutine at a time.
type Loader struct {
	cache map[string]*Page // by File; reused when Source is unchanged
}

// Load reads a project from fsys (the project root) with no cache.
func Load(fsys fs.FS) (*Project, error) {
	var l Loader
	return l.Load(fsys)
}

// Load reads a project. On faults in the user's files it returns a
// Faults error that lists every fault found (up to MaxFaults errors).
func (ld *Loader) Load(fsys fs.FS) (*Project, error) {
	src, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Faults{{File: ConfigFile, Msg: "not found: this folder is not a plainpress project (run `plainpress init` to start one, or use -s to name the project folder)"}}
	} else if err != nil {
		return nil, fmt.Errorf("read %s: %w", ConfigFile, err)
	}
	cfg, err := ParseConfig(src)
	if err != nil {
		return nil, err
	}
	var faults faultList
	proj := &Project{Config: cfg, FS: fsys, byURL: map[string]*Page{}, byKey: map[string]*Page{}}
	files, err := ld.scan(proj, &faults)
	if err != nil {
		return nil, err
	}
	proj.Pages = ld.readPages(fsys, cfg, files, &faults)
	proj.Data = loadData(fsys, cfg.FileSizeLimit(), &faults)
	link(proj, &faults)
	faults.all.Sort()
	if faults.errors > 0 {
		return nil, faults.all
	}
	proj.Warnings = faults.all
	return proj, nil
}

// pageFile is a Markdown file found by scan, before it is read.
type pageFile struct {
	file, lang, key string
	size            int64
}

// scan lists the Markdown files and assets under content/LANG/.
func (ld *Loader) scan(proj *Project, faults *faultList) ([]pageFile, error) {
	var files []pageFile
	for _, lang := range proj.Config.Languages {
		root := "content/" + lang.Code
		err := fs.WalkDir(proj.FS, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == root {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || Ignored(d.Name()) {
				if d.IsDir() && p != root && Ignored(d.Name()) {
					return fs.SkipDir
				}
				return nil
			}
			key := strings.TrimPrefix(p, root+"/")
			if path.Ext(p) != ".md" {
				proj.Assets = append(proj.Assets, Asset{File: p, URL: proj.Config.Prefix(lang.Code) + "/" + key})
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			files = append(files, pageFile{file: p, lang: lang.Code, key: key, size: info.Size()})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", root, err)
		}
	}
	if len(files) == 0 {
		faults.errorf("content", 0, 0, "no pages: add Markdown files under content/%s/", proj.Config.DefaultLanguage().Code)
	}
	return files, nil
}

// Ignored reports files a writer's tools leave beside real ones: hidden
// files, editor backups, swap and lock files, and vim's 4913 probe. They
// are never content, and saving them never triggers a rebuild.
func Ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") || name == "4913"
}

// readPages reads and parses files on every core. Pages come back in the
// order of files; a file that could not be read leaves no page.
func (ld *Loader) readPages(fsys fs.FS, cfg *Config, files []pageFile, faults *faultList) []*Page {
	pages := make([]*Page, len(files))
	lists := make([]faultList, len(files))
	par.Each(len(files), func(i int) {
		pages[i] = ld.readPage(fsys, cfg, files[i], &lists[i])
	})

	if ld.cache == nil {
		ld.cache = map[string]*Page{}
	}
	var out []*Page
	for i, pg := range pages {
		for _, f := range lists[i].all {
			faults.add(f)
		}
		if pg == nil {
			continue
		}
		if lists[i].errors == 0 {
			ld.cache[pg.File] = pg
		}
		out = append(out, pg)
	}
	return out
}

// readPage reads one page, or returns a cached parse of the same bytes.
// It returns nil when the file cannot be used at all.
func (ld *Loader) readPage(fsys fs.FS, cfg *Config, f pageFile, faults *faultList) *Page {
	if f.size > cfg.FileSizeLimit() {
		faults.errorf(f.file, 0, 0, "file is %s, over the limit of %s: split it into smaller pages (or raise limits.maxFileSize)", size(f.size), size(cfg.FileSizeLimit()))
		return nil
	}
	src, err := fs.ReadFile(fsys, f.file)
	if err != nil {
		faults.errorf(f.file, 0, 0, "cannot read: %v", err)
		return nil
	}
	if old := ld.cache[f.file]; old != nil && string(old.Source) == string(trimBOM(src)) {
		pg := *old // the parse is immutable; the tree links are made anew
		pg.Parent, pg.Children, pg.Translations = nil, nil, nil
		pg.URL, pg.Anchor = urlOf(cfg.Prefix(f.lang), f.key, pg.Kind)
		for _, w := range pg.warnings {
			faults.add(w)
		}
		return &pg
	}
	var own faultList
	pg := parsePage(f, src, cfg, &own)
	for _, x := range own.all {
		faults.add(x)
	}
	if pg != nil && own.errors == 0 {
		pg.warnings = own.all
	}
	return pg
}

func parsePage(f pageFile, src []byte, cfg *Config, faults *faultList) *Page {
	src = trimBOM(src)
	if !validUTF8(src, f.file, faults) {
		return nil
	}
	pg := &Page{File: f.file, Lang: f.lang, Key: f.key, Kind: kindOf(f.key), Source: src, Hash: Hash(src)}
	fm, body, bodyLine, hasFM, err := splitFrontMatter(src)
	if err != nil {
		faults.errorf(f.file, 1, 1, "%v", err)
		return nil
	}
	before := faults.errors
	if !hasFM {
		faults.errorf(f.file, 1, 1, "no front matter: start the file with ---, then title: and description: lines, then ---")
	} else {
		pg.Meta = parseMeta(f.file, fm, faults)
	}
	metaOK := faults.errors == before
	pg.Body, pg.BodyLine = body, bodyLine
	pg.lineStarts = lineStarts(body)
	pg.Doc = parseMarkdown(body)
	pg.URL, pg.Anchor = urlOf(cfg.Prefix(f.lang), f.key, pg.Kind)
	checkMeta(pg, hasFM && metaOK, faults)
	return pg
}

// checkMeta reports front matter a page of its kind must have. It says
// nothing of front matter that did not parse: that fault comes first.
func checkMeta(pg *Page, parsed bool, faults *faultList) {
	if !parsed {
		return
	}
	if pg.Meta.Title == "" {
		faults.errorf(pg.File, 1, 1, "title is missing: add a line such as `title: Apply for services` to the front matter")
	}
	if pg.Meta.Description == "" && pg.Kind != KindArticle {
		faults.errorf(pg.File, 1, 1, "description is missing: add one sentence, such as `description: How to apply and what to bring.` (search results and link previews show it)")
	}
	if pg.Kind == KindIssue && pg.Meta.Date.IsZero() {
		faults.errorf(pg.File, 1, 1, "a newsletter issue needs a date: add a line such as `date: 2026-11-02`")
	}
}

func trimBOM(src []byte) []byte {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return src[3:]
	}
	return src
}

// validUTF8 reports whether src is UTF-8, and a fault at the first bad
// byte if it is not.
func validUTF8(src []byte, file string, faults *faultList) bool {
	if utf8.Valid(src) {
		return true
	}
	line, col := badUTF8(src)
	faults.errorf(file, line, col, "the file is not valid UTF-8 text: save it as UTF-8 in your editor")
	return false
}

// badUTF8 finds the line and column of the first invalid byte.
func badUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		src = src[n:]
	}
	return line, col
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}
