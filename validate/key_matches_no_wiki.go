package validate

import (
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var keyMatchesNoWiki = &Rule{
	Code:     "PWB321",
	Name:     "key-matches-no-wiki",
	Severity: diag.Warning,
	Summary:  "a wildcard authenticate key that matches no known wiki",
	Doc: "A wildcard key such as \"*.wikipedia.org\" serves every host under " +
		"the domain. A wildcard over a domain that no family Pywikibot ships " +
		"uses is most likely a misspelt domain, and its tokens are never used. " +
		"A private wiki is better named by its plain host name, which is never " +
		"reported; a file that brings its own family files is not checked " +
		"here, since their hosts are not known.",
	Bad:  "authenticate['*.wikipeda.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		if userFamilies(p.cfg) {
			return
		}
		for _, e := range p.authEntries() {
			key := e.Name()
			if !strings.HasPrefix(key, "*.") || catchAll(key) || keyFault(key) != "" ||
				servesSites(key) {
				continue
			}
			if near := pywikibot.Nearest(key, wildcardKeys()); near != "" {
				p.report(e.Pos, "authenticate", "key %q matches no known wiki; did you mean %q?",
					key, near)
				continue
			}
			p.report(e.Pos, "authenticate", "key %q matches no wiki Pywikibot knows", key)
		}
	},
}
