package validate

import (
	"strings"

	"github.com/pwbconf/pwbconf/diag"
)

var bareDomainKey = &Rule{
	Code:     "PWB323",
	Name:     "bare-domain-key",
	Severity: diag.Warning,
	Summary:  "a bare domain as authenticate key where the wikis have subdomains",
	Doc: "A key without \"*\" matches one host exactly. The wikis of a family " +
		"live on subdomains such as en.wikisource.org, so a key like " +
		"\"wikisource.org\" does not reach them: it matches nothing, or only " +
		"the one wiki that happens to sit at the bare domain (the multilingual " +
		"Wikisource). Write \"*.wikisource.org\" for the subdomains; keep the " +
		"bare key as well only if that one wiki needs it.",
	Bad:  "authenticate['wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		for _, e := range p.authEntries() {
			key := e.Name()
			wildcard := "*." + key
			if strings.Count(key, ".") != 1 || strings.Contains(key, "*") || keyFault(key) != "" ||
				!servesSites(wildcard) || p.hasAuthKey(wildcard) {
				continue
			}
			if r, ok := reachOf(key); ok {
				p.report(e.Pos, "authenticate", "key %q reaches only %s:%s, not the subdomains. "+
					"Add %q", key, r.first.Family, r.first.Code, wildcard)
				continue
			}
			p.report(e.Pos, "authenticate", "key %q matches no wiki; did you mean %q?", key, wildcard)
		}
	},
}
