package dashboard

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strings"
)

// The charts are SVG drawn here, not by a script: the file must open
// anywhere, and print. Each has a title and a description for screen
// readers, and the same numbers are in the tables.

const (
	chartWidth = 720
	labelWidth = 260
	rowHeight  = 22
	barHeight  = 14
)

// gradeChart is a bar per page, longest first, with the target grade as
// a line: bars past it are drawn in the warning colour and say so.
func gradeChart(d Data) template.HTML {
	rows := append([]Row(nil), d.Pages...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Grade > rows[j].Grade })
	top := math.Max(12, d.Target+2)
	for _, r := range rows {
		top = math.Max(top, math.Ceil(r.Grade))
	}
	plot := float64(chartWidth - labelWidth - 60)
	x := func(g float64) float64 { return labelWidth + math.Max(0, g)/top*plot }
	height := len(rows)*rowHeight + 50
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-labelledby="grade-title grade-desc" viewBox="0 0 %d %d" width="100%%">`, chartWidth, height)
	fmt.Fprintf(&b, `<title id="grade-title">Reading grade of each page</title><desc id="grade-desc">%d pages. The target is grade %s; %d pages are above it.</desc>`,
		len(rows), num(d.Target), d.Over)
	for g := 0.0; g <= top; g += 2 {
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" x2="%.1f" y1="10" y2="%d"/><text class="axis" x="%.1f" y="%d">%s</text>`,
			x(g), x(g), height-30, x(g), height-14, num(g))
	}
	for i, r := range rows {
		y := 14 + i*rowHeight
		class := "bar"
		note := ""
		if r.Grade > d.Target {
			class, note = "bar over", " (above the target)"
		}
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%d">%s</text>`, labelWidth-8, y+barHeight-2, html.EscapeString(shorten(r.File)))
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%.1f" height="%d"><title>%s: grade %s%s</title></rect>`,
			class, labelWidth, y, x(r.Grade)-labelWidth, barHeight, html.EscapeString(r.File), num(r.Grade), note)
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%d">%s</text>`, x(r.Grade)+4, y+barHeight-2, num(r.Grade))
	}
	fmt.Fprintf(&b, `<line class="target" x1="%.1f" x2="%.1f" y1="4" y2="%d"/><text class="target-label" x="%.1f" y="%d">target %s</text>`,
		x(d.Target), x(d.Target), height-30, x(d.Target)+4, height-2, num(d.Target))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// queueChart is a bar per stage: documents it can act on now, and
// documents that wait for an earlier stage first.
func queueChart(d Data) template.HTML {
	top := 1
	for _, s := range d.Queue {
		top = max(top, s.Ready+s.Waiting)
	}
	const labelWidth = 150 // roles are short
	plot := float64(chartWidth - labelWidth - 170)
	w := func(n int) float64 { return float64(n) / float64(top) * plot }
	height := len(d.Queue)*rowHeight*2 + 40
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-labelledby="queue-title queue-desc" viewBox="0 0 %d %d" width="100%%">`, chartWidth, height)
	var desc []string
	for _, s := range d.Queue {
		desc = append(desc, fmt.Sprintf("%s: %d now, %d waiting", s.Role, s.Ready, s.Waiting))
	}
	fmt.Fprintf(&b, `<title id="queue-title">Clearance queue by stage</title><desc id="queue-desc">%s.</desc>`, html.EscapeString(strings.Join(desc, "; ")))
	for i, s := range d.Queue {
		y := 10 + i*rowHeight*2
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%d">%s</text>`, labelWidth-8, y+barHeight, html.EscapeString(s.Role))
		fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%d" width="%.1f" height="%d"><title>%s can act on %d now</title></rect>`,
			labelWidth, y+2, w(s.Ready), barHeight+4, html.EscapeString(s.Role), s.Ready)
		fmt.Fprintf(&b, `<rect class="bar waiting" x="%.1f" y="%d" width="%.1f" height="%d"><title>%d wait for an earlier stage</title></rect>`,
			labelWidth+w(s.Ready), y+2, w(s.Waiting), barHeight+4, s.Waiting)
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%d">%d now, %d waiting</text>`, labelWidth+w(s.Ready+s.Waiting)+6, y+barHeight, s.Ready, s.Waiting)
	}
	fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%d" width="12" height="12"/><text class="axis" x="%d" y="%d">can act now</text>`, labelWidth, height-16, labelWidth+16, height-6)
	fmt.Fprintf(&b, `<rect class="bar waiting" x="%d" y="%d" width="12" height="12"/><text class="axis" x="%d" y="%d">waits for an earlier stage</text>`, labelWidth+120, height-16, labelWidth+136, height-6)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// shorten drops "content/" from a path for a chart label.
func shorten(file string) string {
	s := strings.TrimPrefix(file, "content/")
	if r := []rune(s); len(r) > 30 {
		s = "…" + string(r[len(r)-29:])
	}
	return s
}

func num(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.1f", f)
}
