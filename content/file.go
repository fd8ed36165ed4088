package content

// ParseFile parses one Markdown file outside a project, for the linter:
// front matter is optional and nothing in it is required. It returns
// faults only for text that cannot be read at all (invalid UTF-8, front
// matter that does not parse).
func ParseFile(name string, src []byte) (*Page, error) {
	var faults faultList
	src = trimBOM(src)
	pg := &Page{File: name, Source: src, Hash: Hash(src), Kind: KindPage}
	if !validUTF8(src, name, &faults) {
		return nil, faults.all
	}
	fm, body, bodyLine, hasFM, err := splitFrontMatter(src)
	if err != nil {
		faults.errorf(name, 1, 1, "%v", err)
		return nil, faults.all
	}
	if hasFM {
		pg.Meta = parseMeta(name, fm, &faults)
	}
	if faults.errors > 0 {
		return nil, faults.all
	}
	pg.Body, pg.BodyLine, pg.lineStarts = body, bodyLine, lineStarts(body)
	pg.Doc = parseMarkdown(body)
	return pg, nil
}

// ParseText reads a plain text file for the linter: all of it is prose,
// with no front matter and no Markdown (Doc is nil).
func ParseText(name string, src []byte) (*Page, error) {
	var faults faultList
	src = trimBOM(src)
	if !validUTF8(src, name, &faults) {
		return nil, faults.all
	}
	pg := &Page{File: name, Source: src, Hash: Hash(src), Kind: KindPage, Body: src, BodyLine: 1}
	pg.lineStarts = lineStarts(src)
	return pg, nil
}
