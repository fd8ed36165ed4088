package content

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ConfigFile is the name of the project file at the root of a project.
const ConfigFile = "plainpress.yaml"

// Config is plainpress.yaml.
type Config struct {
	Title      string     `yaml:"title"`
	BaseURL    string     `yaml:"baseURL"`
	Languages  []Language `yaml:"languages"`
	Agency     Agency     `yaml:"agency"`
	Markup     Markup     `yaml:"markup"`
	Limits     Limits     `yaml:"limits"`
	Lint       Lint       `yaml:"lint"`
	Clearance  Clearance  `yaml:"clearance"`
	Newsletter Newsletter `yaml:"newsletter"`
}

// Newsletter is the newsletter: section of plainpress.yaml: who the
// e-mail comes from, the list's name, and how it is sent.
type Newsletter struct {
	From         string `yaml:"from"`         // "Riverland Child Support <news@example.gov>"
	ReplyTo      string `yaml:"replyTo"`      // where replies go, if not From
	ListID       string `yaml:"listID"`       // the List-Id, such as report.childsupport.example.gov
	SubscribeURL string `yaml:"subscribeURL"` // where the subscription service answers (https://…/)
	SMTP         string `yaml:"smtp"`         // smtp://host:port, smtps://… or smtp+starttls://user:pass@…
	DKIM         DKIM   `yaml:"dkim"`
}

// DKIM names the key that signs the newsletter and the DNS record of its
// public half (SELECTOR._domainkey.DOMAIN).
type DKIM struct {
	Key      string `yaml:"key"` // a PEM file: RSA (2048 bits or more) or Ed25519
	Domain   string `yaml:"domain"`
	Selector string `yaml:"selector"`
}

// Clearance is the clearance: section of plainpress.yaml, the policy for
// who signs off on what. The clearance package checks it. With no roles,
// a project has no clearance and every page is published.
type Clearance struct {
	Roles    map[string][]string `yaml:"roles"`    // role → its members' e-mail addresses
	Pages    []Stage             `yaml:"pages"`    // the stages every page needs
	Issues   []Stage             `yaml:"issues"`   // the stages a newsletter issue needs
	Sections []ClearanceSection  `yaml:"sections"` // other stages for the pages under some paths
	// AuthorMayApprove lets whoever submitted a version approve it too;
	// by default they may not.
	AuthorMayApprove bool       `yaml:"authorMayApprove"`
	LintGate         string     `yaml:"lintGate"`    // error (default), warning, suggestion or off
	ReviewEvery      string     `yaml:"reviewEvery"` // "12 months" (default), "90 days", "2 years"
	DueSoon          string     `yaml:"dueSoon"`     // how early clear due warns: "30 days" (default)
	Signatures       Signatures `yaml:"signatures"`
}

// Stage is one approval a document needs: a role, and the stages that
// must approve first. Stages that wait for the same ones run side by side.
type Stage struct {
	Role  string   `yaml:"role"`
	After []string `yaml:"after"`
}

// ClearanceSection gives the pages whose path matches Path (a glob from
// the project root, such as content/*/employers/*.md) stages of their own.
type ClearanceSection struct {
	Path   string  `yaml:"path"`
	Stages []Stage `yaml:"stages"`
}

// Signatures asks for SSH signatures on clearance events, checked
// against an allowed-signers file (ssh-keygen -Y verify).
type Signatures struct {
	AllowedSigners string `yaml:"allowedSigners"` // path from the project root
	Required       bool   `yaml:"required"`       // refuse events without a good signature
}

// Lint is the lint: section of plainpress.yaml. The lint package checks
// the rule names and levels.
type Lint struct {
	TargetGrade   float64           `yaml:"targetGrade"`
	Rules         map[string]string `yaml:"rules"`         // rule id → error, warning, suggestion or off
	Accept        []string          `yaml:"accept"`        // terms never reported
	Substitutions map[string]string `yaml:"substitutions"` // extra wordy phrases → plainer words
	Overrides     []LintOverride    `yaml:"overrides"`
}

// LintOverride changes rules for the files whose path (from the project
// root) matches Path, a glob such as content/en/legal/*.md.
type LintOverride struct {
	Path        string            `yaml:"path"`
	TargetGrade float64           `yaml:"targetGrade"`
	Rules       map[string]string `yaml:"rules"`
}

// Language is one language of the site. The first language in the list is
// the default: its pages live at the root of the site, the others under
// /CODE/.
type Language struct {
	Code        string `yaml:"code"`
	Name        string `yaml:"name"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Menu        []Link `yaml:"menu"`
	Footer      []Link `yaml:"footer"`
	// Agency, when set, replaces the site's agency details for this
	// language (hours and address written in it).
	Agency *Agency `yaml:"agency"`
}

// Link is a menu or footer entry: either a page (a path under
// content/LANG/) or an outside URL.
type Link struct {
	Name string `yaml:"name"`
	Page string `yaml:"page"`
	URL  string `yaml:"url"`
	Line int    `yaml:"-"`
	Col  int    `yaml:"-"`
}

// UnmarshalYAML keeps the position of each link so a link to a missing
// page can be reported at its line in plainpress.yaml.
func (l *Link) UnmarshalYAML(n *yaml.Node) error {
	type plain Link
	if err := n.Decode((*plain)(l)); err != nil {
		return err
	}
	l.Line, l.Col = n.Line, n.Column
	return nil
}

// Agency is who publishes the site; the theme shows it in the footer.
type Agency struct {
	Name    string `yaml:"name"`
	Phone   string `yaml:"phone"`
	Email   string `yaml:"email"`
	Hours   string `yaml:"hours"`
	Address string `yaml:"address"`
}

// Markup holds Markdown options.
type Markup struct {
	// UnsafeHTML lets raw HTML in Markdown through to the page. Off by
	// default: raw HTML is shown escaped, as text.
	UnsafeHTML bool `yaml:"unsafeHTML"`
}

// Limits guard against files that would make a build slow or run out of
// memory. Zero means the default.
type Limits struct {
	MaxFileSize int64 `yaml:"maxFileSize"`
}

// DefaultMaxFileSize is the largest page or data file a project may hold.
const DefaultMaxFileSize = 4 << 20

// FileSizeLimit is the configured limit, or the default.
func (c *Config) FileSizeLimit() int64 {
	if c.Limits.MaxFileSize > 0 {
		return c.Limits.MaxFileSize
	}
	return DefaultMaxFileSize
}

// DefaultLanguage is the first language: its pages live at the site root.
func (c *Config) DefaultLanguage() *Language { return &c.Languages[0] }

// Language returns the language with the given code, or nil.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// Prefix is the URL path prefix of a language: "" for the default
// language, "/CODE" for the others.
func (c *Config) Prefix(code string) string {
	if code == c.Languages[0].Code {
		return ""
	}
	return "/" + code
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// ParseConfig reads plainpress.yaml. Every fault names the line.
func ParseConfig(src []byte) (*Config, error) {
	var l faultList
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		for _, f := range yamlFaults(ConfigFile, 0, err) {
			l.add(f)
		}
		return nil, l.all
	}
	cfg.validate(&l)
	if l.errors > 0 {
		return nil, l.all
	}
	return cfg, nil
}

func (c *Config) validate(l *faultList) {
	if strings.TrimSpace(c.Title) == "" {
		l.errorf(ConfigFile, 0, 0, "title is missing: add a line such as `title: Child Support Services`")
	}
	if c.BaseURL == "" {
		l.errorf(ConfigFile, 0, 0, "baseURL is missing: add the address where the site will live, such as `baseURL: https://childsupport.example.gov/`")
	} else if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		l.errorf(ConfigFile, 0, 0, "baseURL %q is not a full web address: write it as https://host/", c.BaseURL)
	} else if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	if len(c.Languages) == 0 {
		l.errorf(ConfigFile, 0, 0, "languages is missing: list at least one, such as `languages: [{code: en, name: English}]`")
	}
	seen := map[string]bool{}
	for i := range c.Languages {
		lang := &c.Languages[i]
		switch {
		case !langCode.MatchString(lang.Code):
			l.errorf(ConfigFile, 0, 0, "language %d: code %q is not a language code such as en or es", i+1, lang.Code)
		case seen[lang.Code]:
			l.errorf(ConfigFile, 0, 0, "language %q is listed twice", lang.Code)
		}
		seen[lang.Code] = true
		if lang.Name == "" {
			lang.Name = lang.Code
		}
		if lang.Title == "" {
			lang.Title = c.Title
		}
		for _, links := range [][]Link{lang.Menu, lang.Footer} {
			for _, ln := range links {
				if ln.Name == "" || (ln.Page == "") == (ln.URL == "") {
					l.errorf(ConfigFile, ln.Line, ln.Col, "a menu or footer link needs a name and either page or url")
				}
			}
		}
	}
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlFaults turns a YAML error into faults. The YAML library reports
// positions only inside its message text ("yaml: line 3: ..."), so this is
// the one place that reads them back out. lineOffset is added to each
// line, for YAML that starts below the top of a file (front matter).
func yamlFaults(file string, lineOffset int, err error) Faults {
	var msgs []string
	var te *yaml.TypeError
	firstLine := 0
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
		// The library leaves out the line of a syntax error on the first
		// line (it tests its 0-based line against 0).
		firstLine = 1 + lineOffset
	}
	var out Faults
	for _, m := range msgs {
		f := Fault{File: file, Line: firstLine, Msg: "YAML: " + strings.TrimPrefix(m, "yaml: ")}
		if sm := yamlLine.FindStringSubmatch(strings.TrimPrefix(m, "yaml: ")); sm != nil {
			n, _ := strconv.Atoi(sm[1])
			f.Line = n + lineOffset
			f.Msg = friendlyYAML(sm[2])
		}
		out = append(out, f)
	}
	return out
}

var unknownField = regexp.MustCompile(`^field (\S+) not found in type .*$`)

func friendlyYAML(msg string) string {
	if sm := unknownField.FindStringSubmatch(msg); sm != nil {
		return "unknown key " + strconv.Quote(sm[1]) + ": check its spelling"
	}
	msg = strings.ReplaceAll(msg, "!!str", "text")
	msg = strings.ReplaceAll(msg, "!!int", "number")
	msg = strings.ReplaceAll(msg, "!!seq", "list")
	msg = strings.ReplaceAll(msg, "!!map", "mapping")
	return "YAML: " + msg
}
