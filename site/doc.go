// Package site builds a plainpress project into a static web site and
// serves a live preview of it.
//
// A build renders every published page of a loaded content.Project with
// the embedded accessible theme (overridable file by file from the
// project's layouts/ folder), writes feeds, a sitemap, a search index per
// language and alias redirects, and checks what it wrote: broken links and
// anchors, images without alt text, skipped heading levels. Output goes
// to an Output: a folder swapped in whole when the build succeeds, or
// memory for the preview server.
package site
