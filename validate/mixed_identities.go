package validate

import (
	"slices"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var mixedIdentities = &Rule{
	Code:     "PWB257",
	Name:     "mixed-identities",
	Severity: diag.Info,
	Summary:  "the required families use several usernames or consumers",
	Doc: "Across the required families the file gives more than one username, or " +
		"OAuth tokens of more than one consumer. That is legitimate (a bot account " +
		"per project, a consumer per task) but often a left-over, so it is shown " +
		"once, at the entry that brings in the second name or consumer. Like the " +
		"other requirement rules it applies to files that follow the manual's layout.",
	Bad: exampleTokens + exampleUsers + exampleDomains +
		"usernames['wikidata']['*'] = 'ExampleDataBot'\n",
	Good:  exampleTokens + exampleUsers + exampleDomains,
	check: checkMixedIdentities,
}

func checkMixedIdentities(p *pass) {
	f := p.coverage()
	if !f.active {
		return
	}
	var names, consumers []string
	var nameAt, consumerAt model.Pos
	var consumerKeys []string
	for _, fam := range f.need.Users {
		for s := range f.sites(fam) {
			if s.UserState == coverage.UserOK && !slices.Contains(names, s.Username) {
				names = append(names, s.Username)
				nameAt = laterPos(nameAt, s.UserEntry().Pos, len(names))
			}
			e := s.AuthEntry()
			if s.AuthKind != coverage.AuthOAuth || len(e.Value.Items) != 4 ||
				e.Value.Items[0].Kind != model.Str {
				continue
			}
			if ck := e.Value.Items[0].Str; !slices.Contains(consumers, ck) {
				consumers = append(consumers, ck)
				consumerKeys = append(consumerKeys, s.AuthKey)
				consumerAt = laterPos(consumerAt, e.Pos, len(consumers))
			}
		}
	}
	if len(names) > 1 {
		p.report(nameAt, "usernames", "the required families log in as %s: %s",
			plural(len(names), "account"), andList(quoted(names)))
	}
	if len(consumers) > 1 {
		p.report(consumerAt, "authenticate", "the required families use %s: keys %s",
			plural(len(consumers), "OAuth consumer"), andList(quoted(consumerKeys)))
	}
}

// laterPos keeps where the second distinct value came in.
func laterPos(at, pos model.Pos, n int) model.Pos {
	if n == 2 {
		return pos
	}
	return at
}
