package lint

// Severity is how much a finding matters. Off turns a rule off.
type Severity string

const (
	Error      Severity = "error"
	Warning    Severity = "warning"
	Suggestion Severity = "suggestion"
	Off        Severity = "off"
)

// rank orders severities for --fail-on: a finding fails a run when its
// rank is at least the threshold's.
func (s Severity) rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Suggestion:
		return 1
	}
	return 0
}

// AtLeast reports whether s is as severe as t or more.
func (s Severity) AtLeast(t Severity) bool { return s.rank() >= t.rank() && s.rank() > 0 }

// ParseSeverity reads a level from a flag or config.
func ParseSeverity(s string) (Severity, bool) {
	switch v := Severity(s); v {
	case Error, Warning, Suggestion, Off:
		return v, true
	}
	return "", false
}

// Finding is one thing to fix, at a place in the source. Lines and
// columns are 1-based; columns count characters.
type Finding struct {
	Rule       string   `json:"rule"`
	Severity   Severity `json:"severity"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	EndLine    int      `json:"endLine"`
	EndColumn  int      `json:"endColumn"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion,omitempty"`

	// Offset and EndOffset are the finding's bytes in the page body, for
	// marking it in the preview and for --fix.
	Offset    int `json:"-"`
	EndOffset int `json:"-"`
	// Fix is the replacement --fix makes, when it is safe to make
	// without a person reading the sentence.
	Fix string `json:"-"`
}
