package site

import (
	"fmt"
	"time"
)

// date is a date as templates show it: for people and for machines.
type date struct {
	Human   string
	Machine string
}

var months = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"es": {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
}

// newDate formats t in the way readers of lang write dates; nil for a
// zero time so templates can skip it with {{with}}.
func newDate(t time.Time, lang string) *date {
	if t.IsZero() {
		return nil
	}
	d := &date{Machine: t.Format("2006-01-02")}
	m := t.Month() - 1
	switch lang {
	case "es":
		d.Human = fmt.Sprintf("%d de %s de %d", t.Day(), months["es"][m], t.Year())
	default:
		d.Human = fmt.Sprintf("%s %d, %d", months["en"][m], t.Day(), t.Year())
	}
	return d
}
