package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// SARIF 2.1.0, the shape GitHub code scanning reads. Only the fields we
// fill are declared.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	DefaultConfiguration struct {
		Level string `json:"level"`
	} `json:"defaultConfiguration"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
			EndLine     int `json:"endLine"`
			EndColumn   int `json:"endColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// sarifLevel maps our levels to SARIF's: a suggestion is a note.
func sarifLevel(s Severity) string {
	if s == Suggestion {
		return "note"
	}
	return string(s)
}

// WriteSARIF writes the report as SARIF 2.1.0.
func (r *Report) WriteSARIF(w io.Writer) error {
	driver := sarifDriver{Name: "plainpress", InformationURI: "https://github.com/plainpress/plainpress"}
	for _, rl := range rules {
		sr := sarifRule{ID: rl.id, ShortDescription: sarifMessage{Text: ruleHelp[rl.id]}}
		sr.DefaultConfiguration.Level = sarifLevel(rl.level)
		driver.Rules = append(driver.Rules, sr)
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			res := sarifResult{RuleID: x.Rule, Level: sarifLevel(x.Severity), Message: sarifMessage{Text: withSuggestion(x)}}
			var loc sarifLocation
			loc.PhysicalLocation.ArtifactLocation.URI = f.Path
			reg := &loc.PhysicalLocation.Region
			reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn = x.Line, x.Column, x.EndLine, x.EndColumn
			res.Locations = []sarifLocation{loc}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

func withSuggestion(x Finding) string {
	if x.Suggestion == "" {
		return x.Message
	}
	return fmt.Sprintf("%s (suggestion: %s)", x.Message, x.Suggestion)
}

// WriteGitHub writes GitHub Actions workflow commands, which show as
// annotations on the pull request's files.
func (r *Report) WriteGitHub(w io.Writer) error {
	kind := map[Severity]string{Error: "error", Warning: "warning", Suggestion: "notice"}
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, f := range r.Files {
		for _, x := range f.Findings {
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				kind[x.Severity], prop.Replace(f.Path), x.Line, x.Column, x.EndLine, x.EndColumn, prop.Replace(x.Rule), esc.Replace(withSuggestion(x)))
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// ruleHelp is one line on what each rule checks.
var ruleHelp = map[string]string{
	"plain.sentence-length":  "Sentences over 25 words (an error over 40)",
	"plain.paragraph-length": "Paragraphs over 150 words or 8 sentences",
	"readability.grade":      "A page or section above the target school grade",
	"plain.passive":          "Passive voice: say who does what",
	"plain.shall":            `"shall": write "must" or "will"`,
	"plain.wordy":            "Words and phrases with plainer alternatives",
	"plain.hidden-verb":      `Verbs hidden in nouns ("make an application")`,
	"plain.legalese":         "Legal words a parent will not use",
	"respect.terms":          "Words that judge parents, and agency jargon",
	"plain.and-or":           `"and/or" and words joined by slashes`,
	"plain.double-negative":  `Double negatives ("not uncommon")`,
	"plain.noun-string":      "Three or more nouns in a row",
	"plain.acronym":          "Abbreviations used before they are spelled out, or too many",
	"plain.link-text":        "Link text that does not say where it goes",
	"plain.alt-text":         "Images without useful alt text",
	"plain.heading-order":    "Headings that skip a level",
}
