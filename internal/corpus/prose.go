package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
)

// The word lists are ours: the kinds of things an agency's page about
// child support, benefits and public services says. Every verb follows
// a modal ("can", "must") or stands alone as a command, so any subject
// fits any verb without agreement rules.
var (
	subjects = []string{"you", "the parent who pays support", "the parent who gets support", "your employer",
		"our office", "the court", "your caseworker", "the other parent", "the agency", "a judge", "the state",
		"the child support office", "a family law clinic", "each parent", "the benefits office", "your lawyer"}
	modals = []string{"can", "must", "will", "may", "should"}
	verbs  = []string{"ask for", "send", "review", "change", "keep", "get", "report", "mail", "pay", "follow",
		"check", "explain", "file", "sign", "update", "bring", "look at", "share", "find", "print"}
	objects = []string{"a copy of the order", "the monthly payment", "proof of income", "a new address",
		"the case number", "health insurance for the child", "past-due support", "a recent pay stub",
		"the review form", "a hearing date", "the payment card", "the letter from the court", "a photo ID",
		"the application for services", "your tax return", "the child's birth certificate", "a change of address form",
		"the amount of support", "a list of your bills", "the notice about your benefits", "proof of child care costs",
		"the name of your employer", "a payment plan", "the income withholding order"}
	tails = []string{"within ten days", "before the next payment", "at any office", "by mail or online",
		"if your income changes", "when a child turns 18", "each month", "after the hearing", "in most cases",
		"as soon as you can", "without a lawyer", "once a year", "on our website", "by phone", "at no cost",
		"before the court date", "every three years", "for each child", "in person", "during business hours"}
	leads = []string{"If you move", "When your child turns 18", "After the court signs the order",
		"If your income changes", "Before the hearing", "If the other parent lives in another state",
		"While your case is open", "If you lose your job", "When you start a new job", "If you get benefits",
		"Unless a judge says otherwise", "After you apply", "If you do not agree with the amount"}
	links = []string{"so that your child gets the money on time", "because the court needs current facts",
		"so we can update your case", "because the order stays in place until a judge changes it",
		"so that nobody misses a payment", "because late payments add interest", "so the amount stays fair"}
	// Passive sentences pair a thing with what is done to it, so they read true.
	passives = [][2]string{{"your payment", "processed"}, {"the order", "signed"}, {"the notice", "mailed"},
		{"your case", "reviewed"}, {"the amount", "changed"}, {"your application", "approved"},
		{"the money", "sent to the other parent"}, {"the form", "received"}, {"paternity", "established"},
		{"part of your wages", "withheld"}, {"the hearing", "scheduled"}, {"a new order", "issued"},
		{"your benefit payment", "stopped"}, {"the payment card", "replaced"}}
	auxes  = []string{"is", "will be", "was", "must be", "can be", "has been", "may be"}
	agents = []string{"by the court", "by our office", "by your employer", "by the state", "by a judge",
		"by the State Disbursement Unit (SDU)", "by your caseworker"}
	commands = []string{"Call", "Write to", "Ask", "Tell", "Email"}
	contacts = []string{"us", "your caseworker", "the office near you", "the court clerk", "our help line"}
	nudges   = []string{"Please", "Remember to", "Be sure to", "Try to", "Do not forget to"}
	asks     = []string{"if you have questions", "if anything changes", "before you send anything",
		"if you need more time", "if you need help in another language", "if a payment is late"}
	// Wordy words a plain-language linter should find; %s slots take
	// a verb, an object, a subject and a tail in that order of use.
	wordy = []string{
		"In order to %[1]s %[2]s, %[3]s shall utilize the form that is provided %[4]s.",
		"Prior to the commencement of the hearing, %[3]s must submit %[2]s and any additional documentation.",
		"It is important to note that %[3]s will be responsible for %[2]s %[4]s.",
		"%[5]s shall %[1]s %[2]s in the event that the obligor fails to remit payment.",
		"Due to the fact that arrearages have accrued, %[3]s may %[1]s %[2]s %[4]s.",
		"At this point in time, %[3]s will be required to %[1]s %[2]s %[4]s.",
		"%[5]s should endeavor to %[1]s %[2]s with regard to the modification of the order.",
		"A number of parents %[1]s %[2]s %[4]s in accordance with the terms of the order.",
		"Notwithstanding the foregoing, %[3]s may %[1]s %[2]s pursuant to state law.",
	}
	headings = []string{"What to bring", "How long it takes", "What it costs", "Who can apply", "How to pay",
		"When payments arrive", "If you move", "If you lose your job", "Your rights", "Getting help",
		"What happens next", "Health care for your child", "Changing the amount", "Paying by mail",
		"If you disagree", "Working with your employer", "Keeping your case up to date", "Closing a case",
		"Getting a hearing", "Before you start", "Forms you may need", "Help in other languages"}
	topics = []string{"Paying child support", "Getting child support", "Changing a support order",
		"Setting up paternity", "Health insurance for children", "Payment cards", "Past-due support",
		"Income withholding", "Child support hearings", "Moving to another state", "Applying for services",
		"Food and cash benefits", "Help with child care costs", "Your case online", "Closing your case",
		"Support for older children", "Tax refunds and support", "Parenting time", "Safety and privacy",
		"Employer reporting"}
	audiences = []string{"", "", "for parents", "for employers", "for grandparents", "after a move", "in another state"}
	tags      = []string{"payments", "orders", "apply", "employers", "health care", "paternity"}
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// Sentence is one sentence of plain prose, 6 to 30 words. About one in
// eight is passive and one in twelve wordy, and a few run long, so a
// linter finds a realistic share of problems.
func Sentence(r *rand.Rand) string {
	switch n := r.IntN(100); {
	case n < 36:
		return capital(active(r, true)) + "."
	case n < 50:
		return pick(r, leads) + ", " + active(r, r.IntN(3) == 0) + "."
	case n < 62:
		return passive(r)
	case n < 70:
		return command(r)
	case n < 78:
		return wordySentence(r)
	case n < 90:
		return capital(active(r, r.IntN(2) == 0)) + ", and " + active(r, false) + "."
	case n < 96:
		return capital(active(r, true)) + " " + pick(r, links) + "."
	}
	return long(r)
}

// active is "subject modal verb object", with a tail if tail is set.
func active(r *rand.Rand, tail bool) string {
	s := pick(r, subjects) + " " + pick(r, modals) + " " + pick(r, verbs) + " " + pick(r, objects)
	if tail {
		s += " " + pick(r, tails)
	}
	return s
}

// passive names what is done and, half the time, who does it.
func passive(r *rand.Rand) string {
	p := passives[r.IntN(len(passives))]
	s := capital(p[0]) + " " + pick(r, auxes) + " " + p[1]
	if r.IntN(2) == 0 {
		s += " " + pick(r, agents)
	}
	return s + " " + pick(r, tails) + "."
}

func command(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return fmt.Sprintf("%s %s about %s %s.", pick(r, commands), pick(r, contacts), pick(r, objects), pick(r, asks))
	}
	return pick(r, nudges) + " " + pick(r, verbs) + " " + pick(r, objects) + " " + pick(r, tails) + "."
}

func wordySentence(r *rand.Rand) string {
	subj := pick(r, subjects)
	return fmt.Sprintf(pick(r, wordy), pick(r, verbs), pick(r, objects), subj, pick(r, tails), capital(subj))
}

// long joins a condition, two actions and a reason: 25 to 40 words, the
// sentences a linter should ask writers to split.
func long(r *rand.Rand) string {
	return fmt.Sprintf("%s, %s, and %s %s.", pick(r, leads), active(r, true), active(r, false), pick(r, links))
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// countWords counts runs of text holding a letter or digit, so Markdown
// marks such as "##" and "-" are not words.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) >= 0 {
			n++
		}
	}
	return n
}

// Paragraph is sentences adding up to about words words: it stops
// before a sentence that would overshoot by more than it fills.
func Paragraph(r *rand.Rand, words int) string {
	p, _ := paragraph(r, words)
	return p
}

func paragraph(r *rand.Rand, words int) (string, int) {
	var b strings.Builder
	n := 0
	for n < words {
		s := Sentence(r)
		w := countWords(s)
		if n > 0 && n+w-words > words-n {
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
		n += w
	}
	return b.String(), n
}

// Words is about n words of prose in paragraphs of 40 to 120 words,
// separated by blank lines.
func Words(r *rand.Rand, n int) string {
	var paras []string
	for n > 3 {
		size := min(n, 40+r.IntN(81))
		p, w := paragraph(r, size)
		paras = append(paras, p)
		n -= w
	}
	return strings.Join(paras, "\n\n")
}
