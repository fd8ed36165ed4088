package main

import (
	"fmt"
	"os"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/content/clearance"
	"github.com/plainpress/plainpress/site"
)

// published is the project a build renders. Without clearance, it is
// the project as it is. With clearance, a preview renders the working
// copies and marks each page's status; a production build renders each
// page as last cleared, and leaves out pages never cleared.
func published(io *streams, dir string, proj *content.Project, opts *site.Options, quiet bool) (*content.Project, error) {
	ledger, statuses, err := markClearance(dir, proj, opts)
	if err != nil || ledger == nil || opts.Preview {
		return proj, err
	}
	pub, err := ledger.Publish(os.DirFS(dir), statuses)
	if err != nil {
		return nil, projectError{dir: dir, err: err}
	}
	opts.Withheld = map[string]string{}
	for f, st := range pub.Withheld {
		opts.Withheld[f] = string(st)
	}
	cleared, err := content.Load(pub.FS)
	if err != nil {
		return nil, projectError{dir: dir, err: err}
	}
	if !quiet {
		fmt.Fprintf(io.out, "Clearance: %s as cleared, %s as last cleared (edited since), %s left out (never cleared).\n",
			count(len(cleared.Pages)-len(pub.Replaced), "page"), count(len(pub.Replaced), "page"), count(len(pub.Withheld), "page"))
	}
	return cleared, nil
}

// markClearance works out each document's status and puts it in the
// site options: the "last reviewed" date of each page, and in a preview,
// a banner on each page that is not cleared. Without clearance, it does
// nothing and returns a nil ledger.
func markClearance(dir string, proj *content.Project, opts *site.Options) (*clearance.Ledger, []*clearance.Status, error) {
	if !clearance.Enabled(proj.Config.Clearance) {
		return nil, nil, nil
	}
	policy, err := clearance.NewPolicy(proj.Config.Clearance)
	if err != nil {
		return nil, nil, projectError{dir: dir, err: err}
	}
	ledger, faults, err := clearance.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	if len(faults) > 0 {
		return nil, nil, projectError{dir: dir, err: faults}
	}
	statuses := ledger.Statuses(clearance.Docs(proj), policy, now())
	opts.Clearance = map[string]site.PageClearance{}
	for _, st := range statuses {
		for _, pg := range st.Doc.Pages {
			opts.Clearance[pg.File] = site.PageClearance{State: string(st.State), Reviewed: st.Reviewed}
		}
	}
	return ledger, statuses, nil
}
