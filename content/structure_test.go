package content

import (
	"strings"
	"testing"
)

func TestTrips(t *testing.T) {
	cases := []struct {
		name, md string
		want     []string // messages' starts, in order
	}{
		{"good", "---\ntitle: T\n---\n## One\n\n### Two\n\n![Three steps to apply](steps.png)\n", nil},
		{"no alt", "![](steps.png)\n", []string{"image has no alt text"}},
		{"useless alt", "![photo](steps.png) ![steps.png](steps.png)\n", []string{`alt text "photo"`, `alt text "steps.png"`}},
		{"skip", "## One\n\n#### Three\n", []string{"heading skips from level 2 to 4: use ###"}},
		{"h1 under a title", "---\ntitle: T\n---\n# Again\n", []string{"a level-1 heading in the text"}},
		{"h1 without a title", "# Form\n\n## Part\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pg, err := ParseFile("t.md", []byte(c.md))
			if err != nil {
				t.Fatal(err)
			}
			got := Trips(pg)
			if len(got) != len(c.want) {
				t.Fatalf("got %d trips %+v, want %d", len(got), got, len(c.want))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i].Msg, w) {
					t.Errorf("trip %d: %q, want %q…", i, got[i].Msg, w)
				}
			}
		})
	}
}
