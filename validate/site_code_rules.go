package validate

import (
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
		"be-tarask). Pywikibot builds a site for an old code with the new " +
		"code, and looks the username up under the new one, so the entry " +
		"under the old code is never read. Use the new code.",
	Bad:   "usernames['wikipedia']['nb'] = 'ExampleBot'\n",
	Good:  "usernames['wikipedia']['no'] = 'ExampleBot'\n",
	check: codeCheck(codeOld),
}

var uppercaseSiteCode = &Rule{
	Code:     "PWB204",
	Name:     "uppercase-site-code",
	Severity: diag.Warning,
	Summary:  "a usernames code with upper-case letters",
	Doc: "Site codes are lower case, and Pywikibot lowers the code it is " +
		"given before it builds a site. The username is then looked up under " +
		"the lower-case code, so an entry under \"EN\" is never read. Write the " +
		"code in lower case.",
	Bad:   "usernames['wikipedia']['EN'] = 'ExampleBot'\n",
	Good:  "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: codeCheck(codeUpper),
}

var closedWiki = &Rule{
	Code:     "PWB205",
	Name:     "closed-wiki",
	Severity: diag.Info,
	Summary:  "credentials or the default site for a closed wiki",
	Doc: "A closed wiki is read-only: nobody, bots included, can edit it, " +
		"and Pywikibot marks many of them as obsolete and refuses to work on " +
		"them. A username for one is dead weight, and a default site " +
		"(family and mylang) that is closed leaves scripts nothing to do. " +
		"Remove the entry, or pick an open wiki as default site.",
	Bad:  "usernames['wikipedia']['aa'] = 'ExampleBot'\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: func(p *pass) {
		codeCheck(codeClosed)(p)
		if site, ok := defaultSite(p.cfg); ok && site.closed {
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
