// Package lint finds what makes a page hard to read and says what to
// write instead. It walks the goldmark document that content parsed (never
// rendered HTML), so every finding points at a line and column of the
// Markdown source.
//
// Text is gathered into blocks (paragraphs, headings, list items, table
// cells, image alt text), split into sentences, and measured; rules then
// look at words, sentences and the document's structure.
package lint
