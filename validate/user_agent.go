package validate

import (
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// userAgentFields are the names Pywikibot fills in user_agent_format;
// deprecatedUAFields maps the names it still rewrites to their successors.
var (
	userAgentFields = map[string]bool{
		"python": true, "http_backend": true, "pwb": true, "script": true, "site": true,
		"username": true, "script_comments": true, "revision": true,
	}
	deprecatedUAFields = map[string]string{
		"lang": "site", "code": "site", "family": "site", "script_product": "script",
		"version": "revision",
	}
)

var userAgentDeprecated = &Rule{
	Code:     "PWB105",
	Name:     "user-agent-deprecated-placeholder",
	Severity: diag.Warning,
	Summary:  "a user_agent_format placeholder Pywikibot rewrites",
	Doc: "Since Pywikibot 11, user_agent_format knows {site} where it knew " +
		"{lang}, {code} and {family}, {script} for {script_product}, and " +
		"{revision} for {version}. It rewrites the old names with a " +
		"deprecation warning: the first of {lang}, {code} or {family} becomes " +
		"{site} and the others are dropped. Write the new names.",
	Bad:  "user_agent_format = '{script_product} ({family}:{lang}) {pwb}'\n",
	Good: "user_agent_format = '{script} ({site}) {pwb}'\n",
	check: func(p *pass) {
		p.userAgentFields(func(e model.Entry, field string) {
			if next, ok := deprecatedUAFields[field]; ok {
				p.report(e.Pos, "user_agent_format", "placeholder {%s} in user_agent_format is "+
					"deprecated. Write {%s}", field, next)
			}
		})
	},
}

var userAgentUnknown = &Rule{
	Code:     "PWB106",
	Name:     "user-agent-unknown-placeholder",
	Severity: diag.Error,
	Summary:  "a user_agent_format placeholder Pywikibot does not fill",
	Doc: "Pywikibot formats user_agent_format with str.format for every " +
		"request, filling {username}, {script}, {script_comments}, {site}, " +
		"{pwb}, {revision}, {python} and {http_backend}. Any other name, a " +
		"positional {} or an unmatched brace makes the formatting raise, and " +
		"no request gets out. Write a literal brace as {{ or }}.",
	Bad:  "user_agent_format = '{script} ({contact}) {pwb}'\n",
	Good: "user_agent_format = '{script} ({script_comments}) {pwb}'\n",
	check: func(p *pass) {
		p.userAgentFields(func(e model.Entry, field string) {
			switch {
			case field == "}" || field == "{":
				p.report(e.Pos, "user_agent_format", "user_agent_format has an unmatched %q. "+
					"Write a literal brace as %q", field, field+field)
			case field == "" || field[0] >= '0' && field[0] <= '9':
				p.report(e.Pos, "user_agent_format", "user_agent_format has a positional "+
					"placeholder {%s}. Name a placeholder", field)
			case !userAgentFields[field] && deprecatedUAFields[field] == "":
				p.report(e.Pos, "user_agent_format", "placeholder {%s} in user_agent_format "+
					"is unknown to Pywikibot", field)
			}
		})
	},
}

// userAgentFields calls f with the name of each replacement field in
// user_agent_format: the part before any ".", "[", "!" or ":". An
// unmatched brace is passed as "{" or "}".
func (p *pass) userAgentFields(f func(e model.Entry, field string)) {
	e, ok := p.cfg.Setting("user_agent_format")
	if !ok || e.Value.Kind != model.Str {
		return
	}
	for _, field := range formatFields(e.Value.Str) {
		f(e, field)
	}
}

// formatFields splits a str.format template into its field names, as
// Python's string.Formatter parses it.
func formatFields(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '}' && i+1 < len(s) && s[i+1] == '}', c == '{' && i+1 < len(s) && s[i+1] == '{':
			i++
		case c == '}':
			return append(out, "}")
		case c == '{':
			end := matchingBrace(s, i)
			if end < 0 {
				return append(out, "{")
			}
			name := s[i+1 : end]
			if j := strings.IndexAny(name, ".[!:"); j >= 0 {
				name = name[:j]
			}
			out = append(out, name)
			i = end
		}
	}
	return out
}

// matchingBrace finds the "}" closing the field that opens at i; a format
// spec may hold nested fields.
func matchingBrace(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}
