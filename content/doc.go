// Package content is plainpress's content model: it loads a project
// (plainpress.yaml, Markdown pages with front matter, data files) from an
// fs.FS, parses every page once with goldmark, and keeps source positions
// and a stable content hash for each page.
//
// Everything that reads a user's files reports faults with the file, line
// and column, so the CLI can show a writer exactly what to fix. Lint and
// the site builder walk the same parsed documents; nothing parses Markdown
// twice.
package content
