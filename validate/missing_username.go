package validate

import (
	"github.com/pwbconf/pwbconf/diag"
)

var missingUsername = &Rule{
	Code:     "PWB251",
	Name:     "missing-username",
	Severity: diag.Warning,
	Summary:  "a required family has no username for some of its sites",
	Doc: "Every required family needs a username that resolves for each of its " +
		"sites (test wikis aside), or the bot cannot log in there. The required " +
		"families default to the eleven of Wikimedia's OAuth manual and can be set " +
		"with --require-families; the requirement applies to a file whose OAuth keys " +
		"reach at least half of them, or to every file with --require-coverage " +
		"always. The finding points at the last usernames entry, after which the " +
		"suggested line goes.",
	Bad:   exampleTokens + exampleDomains + "usernames['wikipedia']['*'] = 'ExampleBot'\n",
	Good:  exampleTokens + exampleDomains + exampleUsers,
	check: checkMissingUsername,
}

func checkMissingUsername(p *pass) {
	f := p.coverage()
	if !f.active {
		return
	}
	pos := anchor(p.cfg.Usernames, p.cfg.Authenticate)
	for _, fam := range f.need.users {
		sites := f.sites(fam)
		with := 0
		for _, s := range sites {
			if s.HasUser() {
				with++
			}
		}
		switch {
		case len(sites) == 0 || with == len(sites):
		case with == 0:
			p.report(pos, "usernames", "no username for the %s family. %s", fam,
				f.suggestUser(fam, "*"))
		default:
			p.report(pos, "usernames", "usernames for %s cover %d of %s. %s", fam, with,
				plural(len(sites), "site"), f.suggestUser(fam, "*"))
		}
	}
}
