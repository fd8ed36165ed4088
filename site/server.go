package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/plainpress/plainpress/content"
)

// Server is the live preview: it builds a project into memory, serves
// it, rebuilds when files change and tells open pages to reload.
type Server struct {
	Dir     string    // the project folder on disk
	Addr    string    // where to listen, such as 127.0.0.1:1313
	Options Options   // build options; Dev is always set
	Log     io.Writer // where to report rebuilds; nil for nowhere
	// Skip names paths (relative to Dir) whose changes are ignored, such
	// as the output folder of a production build.
	Skip func(rel string) bool

	// Check, when set, runs before each build: it may set the build's
	// options (findings to mark in the text, clearance to show), and the
	// faults it returns show in each page's panel.
	Check func(*content.Project, *Options) (content.Faults, error)

	// Ready, when set, receives the address the server listens on once
	// the first build is done.
	Ready chan<- string

	loader  content.Loader
	builder *Builder
	mu      sync.RWMutex
	site    *Memory
	fault   error          // the last build's error, shown in every page
	issues  content.Faults // the last build's check findings
	pageOf  map[string]string
	clients map[chan event]bool
	cmu     sync.Mutex
}

type event struct{ name, data string }

// Run builds, serves and watches until ctx ends.
func (s *Server) Run(ctx context.Context) error {
	s.Options.Dev = true
	s.builder = NewBuilder(s.Options)
	s.clients = map[chan event]bool{}
	s.rebuild(ctx)
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.Addr, err)
	}
	w, err := NewWatcher(s.Dir, s.Skip)
	if err != nil {
		ln.Close()
		return fmt.Errorf("watch %s: %w", s.Dir, err)
	}
	changes := make(chan []string)
	go func() { _ = w.Run(ctx, changes) }()
	go s.rebuildOn(ctx, changes)

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		s.closeClients()
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	if s.Ready != nil {
		s.Ready <- ln.Addr().String()
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *Server) logf(format string, args ...any) {
	if s.Log != nil {
		fmt.Fprintf(s.Log, format+"\n", args...)
	}
}

func (s *Server) rebuildOn(ctx context.Context, changes <-chan []string) {
	for {
		select {
		case <-ctx.Done():
			return
		case batch := <-changes:
			s.logf("changed: %s", strings.Join(batch, ", "))
			s.rebuild(ctx)
		}
	}
}

// rebuild loads and builds the project; on success the new site replaces
// the old one whole. Either way, open pages are told.
func (s *Server) rebuild(ctx context.Context) {
	start := time.Now()
	site := NewMemory()
	proj, err := s.loader.Load(os.DirFS(s.Dir))
	var res *Result
	var found content.Faults
	if err == nil && s.Check != nil {
		found, err = s.Check(proj, &s.builder.opts)
	}
	if err == nil {
		res, err = s.builder.Build(ctx, proj, site)
	}
	if err == nil {
		res.Problems = append(res.Problems, found...)
	}
	s.mu.Lock()
	s.fault = err
	if err == nil {
		s.site, s.issues = site, res.Problems
		s.pageOf = map[string]string{}
		for _, pg := range proj.Pages {
			s.pageOf[fileName(pg.URL)] = pg.File
		}
	}
	s.mu.Unlock()
	if err != nil {
		s.logf("build failed:\n%v", err)
		s.broadcast(event{"error-html", errorPanel(err, nil)})
		return
	}
	s.logf("built %d pages (%d rendered) in %s", res.Pages, res.Rendered, time.Since(start).Round(time.Millisecond))
	s.broadcast(event{"reload", "1"})
}

// ServeHTTP serves the site from memory: nothing outside it can be read,
// whatever the path says.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_plainpress/events":
		s.events(w, r)
		return
	case "/_plainpress/live.js":
		js, _ := themeFS.ReadFile("theme/assets/live.js")
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(js)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	site, fault, issues, pageOf := s.site, s.fault, s.issues, s.pageOf
	s.mu.RUnlock()
	if site == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, "<!doctype html><html lang=\"en\"><title>Build failed</title><body>"+errorPanel(fault, nil)+"<script src=\"/_plainpress/live.js\"></script>")
		return
	}
	name, status := s.lookup(site, r.URL.Path)
	if name == "" {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	body, _ := site.File(name)
	if strings.HasSuffix(name, ".html") {
		body = withPanel(body, fault, pageIssues(issues, pageOf[name]))
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		_, _ = w.Write(body)
	}
}

// lookup finds the file for a URL path. It returns "" when the path
// names a folder without its trailing slash (the caller redirects), and
// the language's 404 page for anything missing.
func (s *Server) lookup(site *Memory, urlPath string) (string, int) {
	name := fileName(path.Clean("/" + urlPath))
	if strings.HasSuffix(urlPath, "/") {
		name = fileName(path.Clean("/"+urlPath) + "/")
	}
	if _, ok := site.File(name); ok {
		return name, http.StatusOK
	}
	if _, ok := site.File(path.Join(name, "index.html")); ok && !strings.HasSuffix(urlPath, "/") {
		return "", http.StatusMovedPermanently
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(urlPath, "/"), "/")
	if _, ok := site.File(first + "/404.html"); ok && first != "" {
		return first + "/404.html", http.StatusNotFound
	}
	return "404.html", http.StatusNotFound
}

func pageIssues(all content.Faults, file string) content.Faults {
	var out content.Faults
	for _, f := range all {
		if f.File == file && file != "" {
			out = append(out, f)
		}
	}
	return out
}

// withPanel adds a panel with the build error or the page's findings
// just before </body>, so a writer sees them in the page itself.
func withPanel(page []byte, fault error, issues content.Faults) []byte {
	if fault == nil && len(issues) == 0 {
		return page
	}
	panel := errorPanel(fault, issues)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, panel...)
	}
	out := make([]byte, 0, len(page)+len(panel))
	out = append(out, page[:i]...)
	out = append(out, panel...)
	return append(out, page[i:]...)
}

// errorPanel is the HTML of the panel: a build error in red, or a page's
// findings in amber.
func errorPanel(fault error, issues content.Faults) string {
	var b strings.Builder
	colour, title := "#b50909", "The site did not build"
	list := issues
	if fault != nil {
		list = nil
		if fs, ok := content.AsFaults(fault); ok {
			list = fs
		}
	} else {
		colour, title = "#8a5300", "Problems on this page"
	}
	fmt.Fprintf(&b, `<div id="plainpress-error" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:99;background:#fff;color:#1b1b1b;border-top:6px solid %s;padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.25)">`, colour)
	fmt.Fprintf(&b, "<p style=\"margin:0 0 .5rem;font-weight:700\">%s</p><ul style=\"margin:0;padding-left:1.25rem\">", title)
	if fault != nil && list == nil {
		fmt.Fprintf(&b, "<li>%s</li>", html.EscapeString(fault.Error()))
	}
	for _, f := range list {
		fmt.Fprintf(&b, "<li><code>%s</code></li>", html.EscapeString(f.Error()))
	}
	b.WriteString("</ul></div>")
	return b.String()
}

// events streams server-sent events to one open page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan event, 4)
	s.cmu.Lock()
	s.clients[ch] = true
	s.cmu.Unlock()
	defer func() {
		s.cmu.Lock()
		delete(s.clients, ch)
		s.cmu.Unlock()
	}()
	_, _ = io.WriteString(w, ": connected\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, open := <-ch:
			if !open {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, strings.ReplaceAll(ev.data, "\n", "\ndata: "))
			flusher.Flush()
		}
	}
}

func (s *Server) broadcast(ev event) {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- ev:
		default: // a slow page misses an event; the next one reloads it
		}
	}
}

func (s *Server) closeClients() {
	s.cmu.Lock()
	defer s.cmu.Unlock()
	for ch := range s.clients {
		close(ch)
		delete(s.clients, ch)
	}
}
