package lint

import "fmt"

// minGradeWords: a grade over fewer words says little, so short sections
// are judged only as part of the page.
const minGradeWords = 60

func grade(d *doc) {
	m, sections := d.measure()
	target := d.cfg.TargetGrade
	if m.Words >= minGradeWords && m.Grade > target && len(d.blocks) > 0 {
		d.report("readability.grade", d.blocks[0], 0, 0,
			fmt.Sprintf("the page reads at grade %.1f, above the target of %.0f: use shorter sentences and shorter words", m.Grade, target), "")
	}
	for _, s := range sections {
		if s.Metrics.Words < minGradeWords || s.Metrics.Grade <= target {
			continue
		}
		for _, b := range d.blocks {
			if b.Kind == Heading && b.Text == s.Heading {
				d.report("readability.grade", b, 0, len(b.Text),
					fmt.Sprintf("the section %q reads at grade %.1f, above the target of %.0f", s.Heading, s.Metrics.Grade, target), "")
				break
			}
		}
	}
}
