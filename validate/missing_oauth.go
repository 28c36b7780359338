package validate

import (
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
)

var missingOAuth = &Rule{
	Code:     "PWB252",
	Name:     "missing-oauth",
	Severity: diag.Warning,
	Summary:  "required sites that no OAuth key reaches",
	Doc: "Every site of the required families (test wikis aside) needs an " +
		"authenticate key that reaches its host with the four OAuth tokens; by " +
		"default that is the eleven families of Wikimedia's OAuth manual and " +
		"www.mediawiki.org. The sites left out are reported once per domain, with " +
		"the line that adds it, next to the last OAuth entry whose tokens it copies. " +
		"Like the other requirement rules it applies to a file whose OAuth keys " +
		"reach at least half of the required families, or as --coverage says.",
	Bad: exampleTokens + exampleUsers + "authenticate['*.wikipedia.org'] = _tokens\n" +
		"authenticate['*.wikimedia.org'] = _tokens\nauthenticate['*.wikidata.org'] = _tokens\n" +
		"authenticate['*.wiktionary.org'] = _tokens\nauthenticate['*.wikibooks.org'] = _tokens\n",
	Good:  exampleTokens + exampleUsers + exampleDomains,
	check: checkMissingOAuth,
}

func checkMissingOAuth(p *pass) {
	f := p.coverage()
	if !f.active {
		return
	}
	type gap struct {
		key            string
		missing, total int
	}
	gaps := map[hostDomain]*gap{}
	var order []*gap
	var g *gap
	var last hostDomain
	for i := range f.report.Sites {
		s := &f.report.Sites[i]
		if !f.needsOAuth(s) || bareDomainGap(f, s) {
			continue
		}
		// Sites of one domain mostly come in a row, so the map is seldom
		// asked and the key built once per domain.
		if d := domainOf(s.Host); g == nil || d != last {
			if g, last = gaps[d], d; g == nil {
				g = &gap{key: d.key()}
				gaps[d] = g
				order = append(order, g)
			}
		}
		g.total++
		if s.AuthKind != coverage.AuthOAuth {
			g.missing++
		}
	}
	slices.SortFunc(order, func(a, b *gap) int { return strings.Compare(a.key, b.key) })
	pos := anchor(p.cfg.Authenticate, p.cfg.Usernames)
	if e := f.lastOAuthEntry(); e != nil {
		pos = e.Pos
	}
	for _, g := range order {
		key := g.key
		switch {
		case g.missing == 0:
		case g.missing == g.total:
			p.report(pos, "authenticate", "no OAuth for %s under %q. %s",
				plural(g.total, "site"), key, f.suggestKey(key))
		default:
			p.report(pos, "authenticate", "no OAuth for %d of %s under %q. %s",
				g.missing, plural(g.total, "site"), key, f.suggestKey(key))
		}
	}
}
