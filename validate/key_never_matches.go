package validate

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/pwbconf/pwbconf/diag"
)

var keyNeverMatches = &Rule{
	Code:     "PWB320",
	Name:     "key-never-matches",
	Severity: diag.Error,
	Summary:  "an authenticate key that no host Pywikibot builds can match",
	Doc: "Pywikibot looks authenticate keys up by exact text: first the host " +
		"of the request (with its port, if the URL has one), then \"*.\" and " +
		"the host without its first label, then without two, down to \"*\". " +
		"Host names are lower case and come without a scheme or path. So a key " +
		"with \"https://\", a slash, upper-case letters or white space never " +
		"matches, nor does a \"*\" that is not followed by a dot or stands " +
		"anywhere but first, nor a port on a wiki whose URLs have none. The " +
		"tokens are never used and the login falls back to a password.",
	Bad:  "authenticate['https://en.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['en.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		for _, e := range p.authEntries() {
			reason := keyFault(e.Name())
			if reason == "" {
				continue
			}
			fix := "Write one key per domain, such as \"*.wikipedia.org\""
			if k := intendedKey(e.Name()); keyFault(k) == "" {
				fix = fmt.Sprintf("Write %q", k)
			}
			p.report(e.Pos, "authenticate", "key %q never matches: %s. %s", e.Name(), reason, fix)
		}
	},
}

// keyFault says why no host Pywikibot builds can match key, or "" when
// some host could.
func keyFault(key string) string {
	switch {
	case strings.IndexFunc(key, unicode.IsSpace) >= 0:
		return "it holds white space"
	case strings.Contains(key, "://"):
		return "it has a scheme"
	case strings.HasSuffix(key, "/"):
		return "it ends with a slash"
	case strings.Contains(key, "/"):
		return "it has a path"
	case strings.ToLower(key) != key:
		return "host names are lower case"
	case strings.HasPrefix(key, "*") && key != "*" && !strings.HasPrefix(key, "*."):
		return "\"*\" must be followed by a dot"
	case strings.Count(key, "*") > 1 || strings.Contains(key, "*") && !strings.HasPrefix(key, "*"):
		return "\"*\" only works as the first label"
	}
	host, _, hasPort := strings.Cut(key, ":")
	if hasPort && servesSites(host) {
		return "the wiki has no port"
	}
	return ""
}
