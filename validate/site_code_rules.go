package validate

import (
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// The five rules below judge the code of each usernames entry with
// judgeCode, each reporting one outcome.

func codeCheck(fault codeFault) func(*pass) {
	return func(p *pass) {
		p.usernameCodes(fault, func(e model.Entry, msg string) {
			p.report(e.Pos, "usernames", "%s", msg)
		})
	}
}

var unknownSiteCode = &Rule{
	Code:     "PWB202",
	Name:     "unknown-site-code",
	Severity: diag.Warning,
	Summary:  "a usernames code that is no site of its family",
	Doc: "The second key of usernames is a site code of the family: a " +
		"language such as en or de for Wikipedia, but the family's own name " +
		"for the projects that have a single wiki plus test wikis, such as " +
		"wikidata (codes wikidata, test, beta) and commons. An entry under any " +
		"other code is never read. A family with only one site, such as " +
		"mediawiki, maps every code to that site, so only its own code is " +
		"read for the username.",
	Bad:   "usernames['wikidata']['en'] = 'ExampleBot'\n",
	Good:  "usernames['wikidata']['wikidata'] = 'ExampleBot'\n",
	check: codeCheck(codeNoSite),
}

var oldSiteCode = &Rule{
	Code:     "PWB203",
	Name:     "old-site-code",
	Severity: diag.Warning,
	Summary:  "a usernames code that Pywikibot replaces by a newer one",
	Doc: "Some wikis changed their code (nb became no, be-x-old became " +
		"be-tarask; every Wikisource language without a wiki of its own leads " +
		"to mul, the multilingual Wikisource at wikisource.org). Pywikibot " +
		"looks the username up under the code a script asks for, then builds " +
		"the site with the new code. Scripts name the site by its new code, so " +
		"the entry under the old one is read only by a script that asks for " +
		"the old code, or when mylang is that code; it is not counted as a site " +
		"of its own, and no other rule reports it again. Use the new code.",
	Bad:   "usernames['wikipedia']['nb'] = 'ExampleBot'\n",
	Good:  "usernames['wikipedia']['no'] = 'ExampleBot'\n",
	check: codeCheck(codeOld),
}

var uppercaseSiteCode = &Rule{
	Code:     "PWB204",
	Name:     "uppercase-site-code",
	Severity: diag.Warning,
	Summary:  "a usernames code or mylang with upper-case letters",
	Doc: "Site codes are lower case. Pywikibot looks the username up under " +
		"the code as a script gives it, then lowers the code to build the " +
		"site. Scripts give lower-case codes, so an entry under \"EN\" is not " +
		"read for en. mylang = 'EN' is the other half of the same trap: " +
		"pywikibot.Site() then warns that it built the site with a different " +
		"code, and looks the username up under \"EN\", missing an entry under " +
		"\"en\". Write codes and mylang in lower case.",
	Bad:  "usernames['wikipedia']['EN'] = 'ExampleBot'\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: func(p *pass) {
		codeCheck(codeUpper)(p)
		e, ok := p.cfg.Setting("mylang")
		if !ok || e.Value.Kind != model.Str {
			return
		}
		if lower := strings.ToLower(e.Value.Str); lower != e.Value.Str {
			p.report(e.Pos, "mylang", "mylang %q is upper case; Pywikibot warns and looks up %q "+
				"usernames. Set mylang = %s", e.Value.Str, e.Value.Str, pyStr(lower))
		}
	},
}

var closedWiki = &Rule{
	Code:     "PWB205",
	Name:     "closed-wiki",
	Severity: diag.Info,
	Summary:  "credentials or the default site for a closed wiki",
	Doc: "A closed wiki is read-only: nobody but a steward can edit it. " +
		"Pywikibot still builds the site, logs in and reads, but refuses " +
		"every write. A username for one is dead weight, and a default site " +
		"(family and mylang) that is closed leaves scripts nothing to do. " +
		"Remove the entry, or pick an open wiki as default site.",
	Bad:  "usernames['wikipedia']['aa'] = 'ExampleBot'\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: func(p *pass) {
		codeCheck(codeClosed)(p)
		if site, ok := p.defaultSite(); ok && site.closed {
			p.report(site.pos, site.variable, "default site %s:%s is a closed wiki (read-only)",
				site.family, site.code)
		}
	},
}

var removedWiki = &Rule{
	Code:     "PWB206",
	Name:     "removed-wiki",
	Severity: diag.Warning,
	Summary:  "a usernames code of a deleted wiki",
	Doc: "Some wikis were deleted altogether (the Klingon Wikipedia, tlh, is " +
		"one). Pywikibot refuses to build a site for them, so the entry is " +
		"never used. Delete it.",
	Bad:   "usernames['wikipedia']['tlh'] = 'ExampleBot'\n",
	Good:  "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: codeCheck(codeRemoved),
}
