package lint

import (
	"sort"
	"strings"

	"github.com/jdkato/prose/v2"
	"github.com/plainpress/plainpress/content"
)

// FileReport is what lint found in one file.
type FileReport struct {
	Path     string    `json:"path"`
	Metrics  Metrics   `json:"metrics"`
	Sections []Section `json:"sections,omitempty"`
	Findings []Finding `json:"findings"`
}

// Section is the part of a page under one heading, measured alone.
type Section struct {
	Heading string  `json:"heading"`
	Line    int     `json:"line"`
	Metrics Metrics `json:"metrics"`
}

// doc is one page being linted.
type doc struct {
	page      *content.Page
	cfg       Config
	blocks    []*Block
	sentences []*Sentence
	byBlock   map[*Block][]*Sentence
	passive   map[*Sentence]passiveMatch
	tagged    map[*Sentence][]prose.Token
	findings  []Finding
}

// Page lints one parsed page.
func Page(pg *content.Page, cfg Config) FileReport {
	d := &doc{page: pg, cfg: cfg, byBlock: map[*Block][]*Sentence{}, tagged: map[*Sentence][]prose.Token{}}
	d.blocks = Extract(pg)
	for _, b := range d.blocks {
		ss := Sentences(b)
		d.byBlock[b] = ss
		d.sentences = append(d.sentences, ss...)
	}
	english := d.lang() == "en"
	if english {
		d.passive = d.findPassive()
	}
	for _, r := range rules {
		if cfg.level(r.id) != Off && (english || !r.english) {
			r.check(d)
		}
	}
	rep := FileReport{Path: pg.File, Findings: d.suppress(d.findings)}
	rep.Metrics, rep.Sections = d.measure()
	sort.SliceStable(rep.Findings, func(i, j int) bool {
		a, b := rep.Findings[i], rep.Findings[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	return rep
}

// report adds a finding about Text[start:end] of a block, at the rule's
// configured level.
func (d *doc) report(id string, b *Block, start, end int, msg, suggestion string) {
	d.reportAs("", id, b, start, end, msg, suggestion)
}

// reportAs is report with a level that overrides the rule's default, as
// for a very long sentence; the config's level for the rule still wins.
func (d *doc) reportAs(sev Severity, id string, b *Block, start, end int, msg, suggestion string) {
	level, set := d.cfg.Levels[id]
	if !set && sev != "" {
		level = sev
	} else if !set {
		level = d.cfg.level(id)
	}
	if level == Off {
		return
	}
	f := Finding{Rule: id, Severity: level, Message: msg, Suggestion: suggestion}
	f.Offset, f.EndOffset = b.Source(start), b.Source(max(end-1, start))+1
	f.Line, f.Column = d.page.Position(f.Offset)
	f.EndLine, f.EndColumn = d.page.Position(f.EndOffset - 1)
	f.EndColumn++
	d.findings = append(d.findings, f)
}

// lang is the page's language: its project language, or for a file
// linted alone, the language folder in its path (content/es/...).
func (d *doc) lang() string {
	if d.page.Lang != "" {
		return d.page.Lang
	}
	if i := strings.LastIndex(d.page.File, "content/"); i >= 0 {
		rest := d.page.File[i+len("content/"):]
		if code, _, ok := strings.Cut(rest, "/"); ok && len(code) <= 3 {
			return code
		}
	}
	return "en"
}

func (d *doc) accepted(text string) bool {
	for _, a := range d.cfg.Accept {
		if strings.EqualFold(a, text) {
			return true
		}
	}
	return false
}

// measure computes the metrics of the whole page and of each section.
func (d *doc) measure() (Metrics, []Section) {
	var total, cur counts
	var sections []Section
	var heading *Block
	flush := func() {
		if heading != nil && cur.sentences > 0 {
			line, _ := d.page.Position(heading.Source(0))
			sections = append(sections, Section{Heading: heading.Text, Line: line, Metrics: cur.metrics(d.lang())})
		}
	}
	for _, b := range d.blocks {
		if b.Kind == AltText {
			continue
		}
		if b.Kind == Heading && b.Level <= 2 {
			flush()
			heading, cur = b, counts{}
		}
		for _, s := range d.byBlock[b] {
			_, passive := d.passive[s]
			var c counts
			c.addSentence(s, passive)
			total.add(c)
			cur.add(c)
		}
	}
	flush()
	return total.metrics(d.lang()), sections
}
