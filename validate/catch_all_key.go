package validate

import (
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var catchAllKey = &Rule{
	Code:     "PWB322",
	Name:     "catch-all-key",
	Severity: diag.Warning,
	Summary:  "credentials handed to every host, wikis or not",
	Doc: "Pywikibot tries authenticate[\"*\"] for every host it contacts that " +
		"has no closer key, and \"*.org\" for every such host under .org. " +
		"Scripts fetch from many sites besides wikis (reference URLs, " +
		"Toolforge tools, archives), and each of them then receives the " +
		"tokens or the password. Name the wiki domains instead, one key each, " +
		"such as \"*.wikipedia.org\" and \"*.wikimedia.org\".",
	Bad:  "authenticate['*'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		for _, e := range p.authEntries() {
			key := e.Name()
			if !catchAll(key) || valueShapeProblem(e.Value) != "" {
				continue
			}
			what := "OAuth tokens"
			if n := len(e.Value.Items); n == 2 && e.Value.Kind != model.Str {
				what = "a password"
			}
			hosts := "every host"
			if key != "*" {
				hosts = "every \"" + strings.TrimPrefix(key, "*") + "\" host"
			}
			p.report(e.Pos, "authenticate", "key %q sends %s to %s, wikis or not. "+
				"Use one key per wiki domain", key, what, hosts)
		}
	},
}
