package lint

// Config is what a project can set for lint. The zero value is not ready:
// start from DefaultConfig.
type Config struct {
	TargetGrade float64             // readability.grade fires above it
	Levels      map[string]Severity // per rule id, to change a default or turn a rule off
	Accept      []string            // terms never reported (a program's own name, say)
	extra       *phraseList         // the project's own wordy phrases
}

// DefaultConfig is lint's configuration outside a project.
func DefaultConfig() Config {
	return Config{TargetGrade: 8, Levels: map[string]Severity{}}
}

// level is the severity of a rule under this config.
func (c Config) level(id string) Severity {
	if s, ok := c.Levels[id]; ok {
		return s
	}
	if s, ok := defaultLevel[id]; ok {
		return s
	}
	return Off
}

// defaultLevel is each rule's level when the config does not set one.
var defaultLevel = map[string]Severity{}

func init() {
	for _, r := range rules {
		defaultLevel[r.id] = r.level
	}
}
