package validate

import (
	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
)

var bareDomainGapRule = &Rule{
	Code:     "PWB253",
	Name:     "bare-domain-gap",
	Severity: diag.Info,
	Summary:  "a \"*.\" key does not reach the wiki at the bare domain",
	Doc: "A key \"*.wikisource.org\" matches hosts under wikisource.org, never " +
		"wikisource.org itself, which is where the multilingual Wikisource " +
		"(wikisource:mul) lives. A file laid out as Wikimedia's OAuth manual says " +
		"therefore has no OAuth there. If the bot works on that wiki, add a key for " +
		"the bare host; otherwise this is only a note.",
	Bad:   exampleTokens + exampleUsers + exampleDomains,
	Good:  exampleTokens + exampleUsers + exampleDomains + "authenticate['wikisource.org'] = _tokens\n",
	check: checkBareDomainGap,
}

func checkBareDomainGap(p *pass) {
	f := p.coverage()
	if !f.active {
		return
	}
	for i := range f.report.Sites {
		s := &f.report.Sites[i]
		if !f.needsOAuth(s) || !bareDomainGap(f, s) {
			continue
		}
		wide := "*." + s.Host
		p.report(authEntryFor(f, wide).Pos, "authenticate",
			"%q does not reach %s at %q. Add authenticate[%s] = authenticate[%s]",
			wide, s.ID(), s.Host, pyStr(s.Host), pyStr(wide))
	}
}

// bareDomainGap reports a site at a bare domain (two labels) that no OAuth
// key reaches while a "*." key for that very domain holds OAuth tokens:
// the writer most likely believed the wildcard covers it.
func bareDomainGap(f *coverageFacts, s *coverage.Site) bool {
	if s.AuthKind == coverage.AuthOAuth || !domainOf(s.Host).bare {
		return false
	}
	e := authEntryFor(f, "*."+s.Host)
	return e != nil && isOAuthValue(e)
}
