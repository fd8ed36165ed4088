package corpus

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestPageIsDeterministicAndSized(t *testing.T) {
	a := Page(rand.New(rand.NewPCG(1, 1)), 7, 400)
	b := Page(rand.New(rand.NewPCG(1, 1)), 7, 400)
	if a != b {
		t.Fatal("the same seed gave two pages")
	}
	front, body, _ := strings.Cut(strings.TrimPrefix(a, "---\n"), "\n---\n")
	var meta map[string]any
	if err := yaml.Unmarshal([]byte(front), &meta); err != nil || meta["title"] == nil {
		t.Fatalf("front matter %q: %v", front, err)
	}
	if n := len(strings.Fields(body)); n < 360 || n > 520 {
		t.Errorf("page has %d words, want about 400", n)
	}
	if strings.Count(body, "\n## ") != 3 || !strings.Contains(body, "\n- ") {
		t.Error("page lacks three sections and a list")
	}
}

func TestWriteBothProjects(t *testing.T) {
	dir := t.TempDir()
	o := Options{Pages: 30, Sections: 3, Words: 100, Seed: 1}
	if err := WriteProject(filepath.Join(dir, "pp"), o); err != nil {
		t.Fatal(err)
	}
	if err := WriteHugoProject(filepath.Join(dir, "hugo"), o); err != nil {
		t.Fatal(err)
	}
	pp, _ := os.ReadFile(filepath.Join(dir, "pp/content/en/section-01/page-0015.md"))
	hugo, _ := os.ReadFile(filepath.Join(dir, "hugo/content/section-01/page-0015.md"))
	if len(pp) == 0 || string(pp) != string(hugo) {
		t.Error("the two projects do not hold the same page")
	}
}
