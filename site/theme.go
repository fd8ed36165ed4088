package site

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/plainpress/plainpress/content"
)

//go:embed theme
var themeFS embed.FS

// kinds are the templates a page can be rendered with; each defines
// "main" and is run inside "base".
var kinds = []string{"page", "home", "section", "issue", "directory", "tags", "tag", "search", "404"}

// theme is the parsed set of templates: one per kind, plus the alias page.
type theme struct {
	byKind map[string]*template.Template
	alias  *template.Template
	i18n   map[string]map[string]string
	byLang sync.Map // language code → its words, English filled in
	hash   string   // of every layout's text, so an edit to one re-renders pages
}

// loadTheme parses the embedded theme, replacing any file the project has
// under layouts/ with the project's own. Faults name the layout file.
func loadTheme(proj fs.FS) (*theme, error) {
	files, err := themeFiles(proj)
	if err != nil {
		return nil, err
	}
	root := template.New("").Funcs(funcs)
	for name, f := range files {
		if strings.HasPrefix(name, "partials/") || name == "baseof.html" {
			if _, err := root.New(name).Parse(f.text); err != nil {
				return nil, templateFault(f, err)
			}
		}
	}
	th := &theme{byKind: map[string]*template.Template{}, hash: hashLayouts(files)}
	for _, k := range kinds {
		t, err := root.Clone()
		if err != nil {
			return nil, err
		}
		f := files[k+".html"]
		if _, err := t.New(f.file).Parse(f.text); err != nil {
			return nil, templateFault(f, err)
		}
		th.byKind[k] = t
	}
	f := files["alias.html"]
	if th.alias, err = template.New(f.file).Parse(f.text); err != nil {
		return nil, templateFault(f, err)
	}
	th.i18n, err = loadI18n()
	return th, err
}

func hashLayouts(files map[string]layoutFile) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%s\x00", files[n].file, files[n].text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// layoutFile is one template's text and the file it came from, for
// messages: layouts/page.html for a user's override, theme/... otherwise.
type layoutFile struct{ file, text string }

func themeFiles(proj fs.FS) (map[string]layoutFile, error) {
	files := map[string]layoutFile{}
	err := fs.WalkDir(themeFS, "theme/layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := themeFS.ReadFile(p)
		name := strings.TrimPrefix(p, "theme/layouts/")
		files[name] = layoutFile{file: "(theme) " + name, text: string(b)}
		return err
	})
	if err != nil {
		return nil, err
	}
	for name := range files {
		b, err := fs.ReadFile(proj, "layouts/"+name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return nil, fmt.Errorf("read layouts/%s: %w", name, err)
		}
		files[name] = layoutFile{file: "layouts/" + name, text: string(b)}
	}
	return files, nil
}

// templateLine finds "NAME:LINE:" in an html/template error: the package
// gives positions only inside its messages.
var templateLine = regexp.MustCompile(`^(?:html/)?template: ([^:]+):(\d+):(?:(\d+):)? ?(.*)$`)

// templateFault turns a template error into a fault at the file and line.
func templateFault(f layoutFile, err error) error {
	msg := err.Error()
	fault := content.Fault{File: f.file, Msg: "template: " + msg}
	if m := templateLine.FindStringSubmatch(msg); m != nil {
		fault.Line, _ = strconv.Atoi(m[2])
		fault.Col, _ = strconv.Atoi(m[3])
		fault.Msg = "template: " + m[4]
		if !strings.HasPrefix(m[1], "layouts/") && !strings.HasPrefix(m[1], "(theme)") {
			fault.File = "layouts/" + m[1]
		} else {
			fault.File = m[1]
		}
	}
	return content.Faults{fault}
}

func loadI18n() (map[string]map[string]string, error) {
	b, err := themeFS.ReadFile("theme/i18n.yaml")
	if err != nil {
		return nil, err
	}
	var m map[string]map[string]string
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("theme i18n.yaml: %w", err)
	}
	return m, nil
}

// words returns the theme's words for a language, falling back to English
// for any word the language lacks.
func (th *theme) words(lang string) map[string]string {
	if w, ok := th.byLang.Load(lang); ok {
		return w.(map[string]string)
	}
	out := map[string]string{}
	for k, v := range th.i18n["en"] {
		out[k] = v
	}
	base, _, _ := strings.Cut(lang, "-")
	for k, v := range th.i18n[base] {
		out[k] = v
	}
	th.byLang.Store(lang, out)
	return out
}

var funcs = template.FuncMap{
	"base": path.Base,
}

// assetFiles are the theme's CSS and scripts, published under /assets/.
func assetFiles() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, name := range []string{"site.css", "search.js", "live.js"} {
		b, err := themeFS.ReadFile("theme/assets/" + name)
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}
