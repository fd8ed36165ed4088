package site

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startServer writes the test project to a folder and serves it.
func startServer(t *testing.T) (dir, base string) {
	t.Helper()
	dir = t.TempDir()
	for name, f := range testProject(nil) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	srv := &Server{Dir: dir, Addr: "127.0.0.1:0", Ready: ready}
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("server: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("server did not stop within 5 s of cancel")
		}
	})
	select {
	case addr := <-ready:
		return dir, "http://" + addr
	case err := <-done:
		t.Fatalf("server stopped: %v", err)
	}
	return "", ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServerServesSite(t *testing.T) {
	_, base := startServer(t)
	if code, body := get(t, base+"/apply/"); code != 200 || !strings.Contains(body, "/_plainpress/live.js") {
		t.Errorf("GET /apply/ = %d, live reload script present: %v", code, strings.Contains(body, "live.js"))
	}
	if code, body := get(t, base+"/es/nothing-here/"); code != 404 || !strings.Contains(body, "No encontramos") {
		t.Errorf("missing Spanish page: %d, want 404 with the Spanish 404 page", code)
	}
	resp, err := http.Get(base + "/apply")
	if err != nil || resp.Request.URL.Path != "/apply/" {
		t.Errorf("/apply did not redirect to /apply/: %v", err)
	}
}

// TestServerNoTraversal: no path reaches a file outside the built site.
func TestServerNoTraversal(t *testing.T) {
	dir, base := startServer(t)
	if err := os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/../../../../etc/passwd", "//etc/passwd", "/plainpress.yaml", "/content/en/apply.md"} {
		req, _ := http.NewRequest("GET", base+"/", nil)
		req.URL.Opaque = p // sent as written, not cleaned by the client
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "SECRET") || strings.Contains(string(b), "root:") || strings.Contains(string(b), "baseURL") {
			t.Errorf("%s served a file outside the site", p)
		}
	}
}

// events opens the server's event stream and returns its lines.
func events(t *testing.T, base string) <-chan string {
	t.Helper()
	resp, err := http.Get(base + "/_plainpress/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	if l := <-lines; l != ": connected" {
		t.Fatalf("first event line %q", l)
	}
	return lines
}

func waitEvent(t *testing.T, lines <-chan string, name string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("event stream closed")
			}
			if l == "event: "+name {
				return
			}
		case <-timeout:
			t.Fatalf("no %s event within 10 s", name)
		}
	}
}

// TestServerLiveReload: an edit reaches the page, and a broken edit shows
// its error in the page. The time from save to reload event is logged,
// never asserted (the machine is shared).
func TestServerLiveReload(t *testing.T) {
	dir, base := startServer(t)
	lines := events(t, base)
	page := filepath.Join(dir, "content", "en", "apply.md")
	start := time.Now()
	if err := os.WriteFile(page, []byte("---\ntitle: Apply today\ndescription: How to apply.\n---\n## What to bring {#what-to-bring}\n\nNew text.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, lines, "reload")
	t.Logf("edit to reload event: %s", time.Since(start))
	if _, body := get(t, base+"/apply/"); !strings.Contains(body, "New text.") {
		t.Error("the edit is not in the served page")
	}

	if err := os.WriteFile(page, []byte("---\ntitle: [broken\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, lines, "error-html")
	if _, body := get(t, base+"/apply/"); !strings.Contains(body, `id="plainpress-error"`) || !strings.Contains(body, "content/en/apply.md:") {
		t.Error("the build error is not shown in the page")
	}

	// A new folder is watched too.
	sub := filepath.Join(dir, "content", "en", "help")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // let the watcher add the folder
	_ = os.WriteFile(page, []byte("---\ntitle: Apply\ndescription: x\n---\n## What to bring {#what-to-bring}\n"), 0o644)
	waitEvent(t, lines, "reload")
	if err := os.WriteFile(filepath.Join(sub, "faq.md"), []byte("---\ntitle: FAQ\ndescription: Questions.\n---\nAsk us.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, lines, "reload")
	if code, _ := get(t, base+"/help/faq/"); code != 200 {
		t.Errorf("a page in a new folder is not served: %d", code)
	}
}
