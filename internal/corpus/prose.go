package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The word lists are ours: the kinds of things a child support page says.
var (
	subjects = []string{"you", "the parent who pays", "the parent who gets support", "your employer", "our office",
		"the court", "a caseworker", "the other parent", "your child", "the agency", "a judge", "the state"}
	verbs = []string{"can ask for", "must send", "will review", "may change", "should keep", "can get",
		"needs to report", "will mail", "can pay", "must follow", "may need", "will explain"}
	objects = []string{"a copy of the order", "the monthly payment", "proof of income", "a new address",
		"the case number", "health insurance for the child", "past-due support", "a pay stub", "the review form",
		"a hearing date", "the payment card", "a letter from the court"}
	tails = []string{"within ten days", "before the next payment", "at any office", "by mail or online",
		"if income changes", "when a child turns 18", "each month", "after the hearing", "in most cases",
		"as soon as you can", "without a lawyer", "once a year"}
	wordy = []string{"In order to get help, you shall utilize the form that is provided by the agency.",
		"Prior to the commencement of the hearing, the applicant must submit additional documentation.",
		"The payment was received by the office and it was processed in a timely manner.",
		"It is important to note that the obligor is responsible for all arrearages that have accrued.",
		"Notwithstanding the foregoing, the parties may enter into an agreement concerning modification."}
	headings = []string{"What to bring", "How long it takes", "What it costs", "Who can apply", "How to pay",
		"When payments arrive", "If you move", "If you lose your job", "Your rights", "Getting help",
		"What happens next", "Health care for your child"}
	tags = []string{"payments", "orders", "apply", "employers", "health care", "paternity"}
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// Sentence is one sentence of plain prose, sometimes a long or wordy one,
// so a linter finds a realistic share of problems.
func Sentence(r *rand.Rand) string {
	switch n := r.IntN(20); {
	case n == 0:
		return pick(r, wordy)
	case n == 1:
		return capital(fmt.Sprintf("%s %s %s %s, and %s %s %s %s.", pick(r, subjects), pick(r, verbs), pick(r, objects),
			pick(r, tails), pick(r, subjects), pick(r, verbs), pick(r, objects), pick(r, tails)))
	case n < 8:
		return capital(fmt.Sprintf("%s %s %s.", pick(r, subjects), pick(r, verbs), pick(r, objects)))
	}
	return capital(fmt.Sprintf("%s %s %s %s.", pick(r, subjects), pick(r, verbs), pick(r, objects), pick(r, tails)))
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// Paragraph is sentences up to about words words.
func Paragraph(r *rand.Rand, words int) string {
	var b strings.Builder
	for n := 0; n < words; {
		s := Sentence(r)
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		n += strings.Count(s, " ") + 1
	}
	return b.String()
}
