package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plainpress/plainpress/content"
)

func lintText(t *testing.T, md string) FileReport {
	t.Helper()
	pg, err := content.ParseFile("test.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	return Page(pg, DefaultConfig())
}

func has(r FileReport, rule string, line, col int) bool {
	for _, f := range r.Findings {
		if f.Rule == rule && f.Line == line && f.Column == col {
			return true
		}
	}
	return false
}

func ids(r FileReport) string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%s@%d:%d", f.Rule, f.Line, f.Column))
	}
	return strings.Join(out, " ")
}

// TestShallAndPassive is the example: both findings, at the
// right place, with suggestions.
func TestShallAndPassive(t *testing.T) {
	r := lintText(t, "---\ntitle: Form\n---\nThe form shall be submitted by the applicant.\n")
	if !has(r, "plain.shall", 4, 10) || !has(r, "plain.passive", 4, 16) {
		t.Fatalf("findings: %s", ids(r))
	}
	for _, f := range r.Findings {
		if f.Rule == "plain.shall" && f.Suggestion != "must" {
			t.Errorf("shall suggestion = %q", f.Suggestion)
		}
		if f.Rule == "plain.passive" && !strings.Contains(f.Message, "who does it") {
			t.Errorf("passive message = %q", f.Message)
		}
	}
}

var passives = []string{
	"The form must be submitted by Friday.",
	"Your payment was received on Monday.",
	"The order was signed by the judge.",
	"Your case will be reviewed every three years.",
	"The money is sent to your bank account.",
	"Past-due support was taken from his tax refund.",
	"The father was named in the court order.",
	"Your license may be suspended.",
	"The hearing has been moved to May.",
	"The children were given health insurance.",
	"A notice is mailed to both parents.",
	"The case was closed by the court last year.",
	"Your address is kept private.",
	"The test is paid for by the state.",
	"Payments are processed within two days.",
	"The amount was changed after the review.",
	"Your application is being reviewed.",
	"The employer was told to withhold support.",
	"These rules were written by the legislature.",
	"A new order is issued when income changes.",
}

var actives = []string{
	"You must send the form by Friday.",
	"We received your payment on Monday.",
	"The judge signed the order.",
	"We review your case every three years.",
	"The office is closed on Monday.",
	"I am tired of waiting.",
	"We are open from 8 to 5.",
	"Your child is ten years old.",
	"She is married to the father.",
	"The office is located on River Street.",
	"He was worried about the rent.",
	"We are here to help.",
	"You are not alone.",
	"The test is free.",
	"This is the fastest way to pay.",
	"They were happy with the result.",
	"It is easy to apply online.",
	"Your payment is on its way.",
	"The parents were divorced in 2020.",
	"We are interested in your story.",
}

func TestPassive(t *testing.T) {
	for _, s := range passives {
		if r := lintText(t, s+"\n"); !strings.Contains(ids(r), "plain.passive") {
			t.Errorf("passive not found in %q", s)
		}
	}
	for _, s := range actives {
		if r := lintText(t, s+"\n"); strings.Contains(ids(r), "plain.passive") {
			t.Errorf("passive reported in %q", s)
		}
	}
}

func TestRules(t *testing.T) {
	long := strings.Repeat("word ", 30) + "end."
	veryLong := strings.Repeat("word ", 45) + "end."
	tests := []struct {
		name, md, rule string
		fires          bool
	}{
		{"long sentence", long + "\n", "plain.sentence-length", true},
		{"short sentence", "You can pay online.\n", "plain.sentence-length", false},
		{"wordy", "Please utilize the form.\n", "plain.wordy", true},
		{"wordy phrase", "Call us in order to apply.\n", "plain.wordy", true},
		{"address is a noun here", "Tell us your new address.\n", "plain.wordy", false},
		{"hidden verb", "You can make a payment online.\n", "plain.hidden-verb", true},
		{"legalese", "The parties agree notwithstanding the order.\n", "plain.legalese", true},
		{"and/or", "The mother and/or father can apply.\n", "plain.and-or", true},
		{"slash", "Each parent/guardian signs.\n", "plain.and-or", true},
		{"date is no slash pair", "Pay by 11/30.\n", "plain.and-or", false},
		{"respect", "The absent parent must pay.\n", "respect.terms", true},
		{"jargon", "The obligor pays the arrearages.\n", "respect.terms", true},
		{"initialism", "Call the IV-D office.\n", "respect.terms", true},
		{"cp in a word", "Copy the form.\n", "respect.terms", false},
		{"click here", "To apply, [click here](apply.md).\n", "plain.link-text", true},
		{"bare url", "Go to [https://example.gov](https://example.gov).\n", "plain.link-text", true},
		{"good link", "Read [how to pay](pay.md).\n", "plain.link-text", false},
		{"no alt", "![](steps.png)\n", "plain.alt-text", true},
		{"useless alt", "![image](steps.png)\n", "plain.alt-text", true},
		{"good alt", "![Three steps to apply](steps.png)\n", "plain.alt-text", false},
		{"heading skip", "## One\n\n#### Three\n", "plain.heading-order", true},
		{"heading ok", "## One\n\n### Two\n", "plain.heading-order", false},
		{"code is not linted", "Run `you shall utilize this` now.\n", "plain.shall", false},
		{"fenced code is not linted", "```\nThis shall be done.\n```\n", "plain.shall", false},
		{"urls are not linted", "See <https://example.gov/shall/utilize>.\n", "plain.wordy", false},
		{"html is not linted", "<p>You shall pay.</p>\n", "plain.shall", false},
		{"double negative", "This is not uncommon.\n", "plain.double-negative", true},
		{"plain negative", "This is not common.\n", "plain.double-negative", false},
		{"noun string", "Call the child support payment processing center.\n", "plain.noun-string", true},
		{"compound is one noun", "We send child support payments.\n", "plain.noun-string", false},
		{"undefined acronym", "Call the OCSE office.\n", "plain.acronym", true},
		{"defined acronym", "Give your Social Security number (SSN). Keep your SSN safe.\n", "plain.acronym", false},
		{"known acronym", "Bring your ID.\n", "plain.acronym", false},
		{"state in an address", "Write to 200 River Street, Capital City, RL 00000.\n", "plain.acronym", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := lintText(t, tt.md)
			if got := strings.Contains(ids(r), tt.rule+"@"); got != tt.fires {
				t.Errorf("%s fired = %v, want %v; findings: %s", tt.rule, got, tt.fires, ids(r))
			}
		})
	}
	if r := lintText(t, veryLong+"\n"); len(r.Findings) == 0 || r.Findings[0].Severity != Error {
		t.Errorf("a 46-word sentence is not an error: %+v", r.Findings)
	}
}

// TestPositionsInListsAndTables: findings inside list items and table
// cells point at the word.
func TestPositionsInListsAndTables(t *testing.T) {
	md := "Intro.\n\n- First item.\n  - Nested item shall wait.\n\n| A | B |\n|---|---|\n| ok | we utilize it |\n"
	r := lintText(t, md)
	if !has(r, "plain.shall", 4, 17) || !has(r, "plain.wordy", 8, 11) {
		t.Fatalf("findings: %s", ids(r))
	}
}

func TestDisableComments(t *testing.T) {
	md := "<!-- plainpress-disable plain.shall -->\nYou shall pay.\n\n<!-- plainpress-enable -->\nYou shall pay.\n\n<!-- plainpress-disable-next-line -->\nYou shall utilize it.\n"
	r := lintText(t, md)
	if got := ids(r); got != "plain.shall@5:5" {
		t.Errorf("findings = %s, want only the shall on line 5", got)
	}
}

// TestMetrics uses a text whose counts can be checked by hand: 2
// sentences, 9 words, 11 syllables ("Apply" and "money" have two).
func TestMetrics(t *testing.T) {
	r := lintText(t, "Apply for help now. We send money to you.\n")
	m := r.Metrics
	if m.Words != 9 || m.Sentences != 2 || m.Syllables != 11 {
		t.Fatalf("counts = %d words, %d sentences, %d syllables; want 9, 2, 11", m.Words, m.Sentences, m.Syllables)
	}
	// FK = 0.39*4.5 + 11.8*11/9 - 15.59 = 0.587 → 0.6
	if m.FleschKincaidGrade != 0.6 || m.YouPercent != 50 {
		t.Errorf("grade %.1f, you %.0f%%; want 0.6 and 50%%", m.FleschKincaidGrade, m.YouPercent)
	}
	// Headings and list items are sentences of their own.
	r = lintText(t, "## Who can apply\n\n- Parents\n- Grandparents\n")
	if r.Metrics.Sentences != 3 {
		t.Errorf("heading and two list items = %d sentences, want 3", r.Metrics.Sentences)
	}
}

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{"apply": 2, "make": 1, "table": 2, "support": 2, "payment": 2,
		"filed": 1, "added": 2, "taxes": 2, "makes": 1, "responsibility": 6, "2026": 2, "SSN": 3, "past-due": 2} {
		if got := syllables(w); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestSpanish: English word and tag rules do not run on Spanish pages,
// which are graded with Crawford's formula.
func TestSpanish(t *testing.T) {
	pg, err := content.ParseFile("content/es/pagar.md", []byte("Usted shall pagar la manutención cada mes. Es fácil pagar en línea.\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := Page(pg, DefaultConfig())
	if len(r.Findings) != 0 {
		t.Errorf("findings on a Spanish page: %s", ids(r))
	}
	if r.Metrics.Grade == r.Metrics.FleschKincaidGrade {
		t.Errorf("Spanish grade %.1f is the Flesch-Kincaid grade", r.Metrics.Grade)
	}
}

// TestNounStringPlace: the run is reported where it is, even when its
// first word is also earlier in the sentence, and a noun ending in -ly
// still counts.
func TestNounStringPlace(t *testing.T) {
	r := lintText(t, "The child support office will send proof of child care costs.\n\nA family law clinic can help.\n")
	if !has(r, "plain.noun-string", 1, 45) {
		t.Fatalf("want child care costs at 1:45: %s", ids(r))
	}
	if !has(r, "plain.noun-string", 3, 3) {
		t.Fatalf("want family law clinic at 3:3: %s", ids(r))
	}
	if has(r, "plain.noun-string", 1, 5) {
		t.Fatalf("child support office is two things, not three nouns: %s", ids(r))
	}
}
