package site

import "github.com/plainpress/plainpress/content"

// publish decides which pages a build puts on the site. It is the one
// place that decides: drafts stay out unless asked for, and an article
// goes out only with its issue.
func publish(proj *content.Project, opts Options) []*content.Page {
	var out []*content.Page
	for _, pg := range proj.Pages {
		if pg.Meta.Draft && !opts.Drafts {
			continue
		}
		if pg.Kind == content.KindArticle && (pg.Parent == nil || (pg.Parent.Meta.Draft && !opts.Drafts)) {
			continue
		}
		out = append(out, pg)
	}
	return out
}
