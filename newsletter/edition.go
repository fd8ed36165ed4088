package newsletter

import (
	"fmt"
	"strings"

	"github.com/plainpress/plainpress/content"
)

// UnsubscribeMark stands in an edition's HTML and text for each
// subscriber's own unsubscribe link: the edition is rendered once, and
// each message only swaps the link in.
const UnsubscribeMark = "https://plainpress.invalid/unsubscribe-link"

// Edition is an issue rendered for e-mail, before it is addressed.
type Edition struct {
	Issue     *content.Page
	Lang      string
	Subject   string
	ListName  string // the newsletter's name: its section's title
	Preheader string
	WebURL    string // the issue's page on the site
	Archive   string // the newsletter's archive page
	HTML      string // CSS inlined; UnsubscribeMark where the link goes
	Text      string // the plain-text twin, from the Markdown

	test bool // a test copy: "[Test]" in the subject, its own Message-ID
}

// TestCopy is the edition as a test copy for reviewers: marked in the
// subject, with Message-IDs apart from the real send's, so a reviewer
// who is also a subscriber still gets the real issue.
func (ed *Edition) TestCopy() *Edition {
	c := *ed
	c.Subject, c.test = "[Test] "+ed.Subject, true
	return &c
}

// FindIssue is the issue a path or slug names: the issue's folder, its
// index.md, or its folder's name (2026-11) in any language.
func FindIssue(proj *content.Project, name string) (*content.Page, error) {
	name = strings.TrimSuffix(strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "./"), "/")
	var issues []string
	for _, pg := range proj.Pages {
		if pg.Kind != content.KindIssue {
			continue
		}
		dir := strings.TrimSuffix(pg.File, "/index.md")
		slug := dir[strings.LastIndex(dir, "/")+1:]
		if name == dir || name == pg.File || name == slug || strings.HasSuffix(name, "/"+dir) {
			return pg, nil
		}
		issues = append(issues, dir)
	}
	if len(issues) == 0 {
		return nil, fmt.Errorf("%s: the project has no newsletter issues (an issue is a folder with index.md under a section, such as content/en/newsletter/2026-11/)", name)
	}
	return nil, fmt.Errorf("%s: no such newsletter issue (the issues are: %s)", name, strings.Join(issues, ", "))
}

// permalink is a site path as a full address.
func permalink(proj *content.Project, url string) string {
	return strings.TrimSuffix(proj.Config.BaseURL, "/") + url
}
