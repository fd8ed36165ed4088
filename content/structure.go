package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Trip is something in a page's structure that readers trip on: an image
// a screen reader cannot describe, or headings that skip a level. The
// build warns about trips and lint reports them, from this one check.
type Trip struct {
	Node ast.Node
	Kind TripKind
	Msg  string
}

// TripKind tells images from headings, so lint can file each under its
// rule.
type TripKind int

const (
	TripAltText TripKind = iota
	TripHeading
)

// uselessAlt is alt text that tells a reader nothing.
var uselessAlt = map[string]bool{"image": true, "picture": true, "photo": true, "graphic": true,
	"icon": true, "logo": true, "img": true, "imagen": true, "foto": true}

// Trips finds missing or useless alt text, a level-1 heading in the text
// (the front matter's title is the page's h1) and headings that skip a
// level. A file with no title in front matter, linted alone, may have
// its own # title.
func Trips(pg *Page) []Trip {
	if pg.Doc == nil {
		return nil
	}
	var out []Trip
	level := 1 // the page title is the h1
	if pg.Kind == KindArticle {
		level = 2 // an article's title is an h2 in its issue
	}
	_ = ast.Walk(pg.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			if msg := altProblem(n, pg.Body); msg != "" {
				out = append(out, Trip{Node: n, Kind: TripAltText, Msg: msg})
			}
		case *ast.Heading:
			l := n.Level
			if pg.Kind == KindArticle {
				l++
			}
			switch {
			case l <= 1 && pg.Meta.Title == "":
			case l <= 1:
				out = append(out, Trip{Node: n, Kind: TripHeading,
					Msg: "a level-1 heading in the text: the title is the page's only one, so start at ##"})
			case l > level+1:
				out = append(out, Trip{Node: n, Kind: TripHeading,
					Msg: fmt.Sprintf("heading skips from level %d to %d: use %s", level, l, strings.Repeat("#", level+1))})
			}
			level = l
		}
		return ast.WalkContinue, nil
	})
	return out
}

func altProblem(img *ast.Image, body []byte) string {
	alt := strings.TrimSpace(PlainText(img, body))
	switch {
	case alt == "":
		return fmt.Sprintf("image has no alt text: say what it shows in the brackets, such as ![Steps to get paid](%s)", img.Destination)
	case uselessAlt[strings.ToLower(alt)] || alt == path.Base(string(img.Destination)):
		return fmt.Sprintf("alt text %q does not say what the image shows: describe it for readers who cannot see it", alt)
	}
	return ""
}
