// Package newsletter turns a newsletter issue (a folder: index.md and its
// articles) into e-mail: an HTML part with its CSS inlined and a plain-text
// part written from the Markdown, as one multipart/alternative message
// per subscriber with the list headers, DKIM-signed when a key is set.
// There are no tracking pixels and no rewritten links.
package newsletter
