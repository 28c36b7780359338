package validate

import (
	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
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
		"reach at least half of them, or to every file with --coverage " +
		"always. Sites are counted as \"pwbconf coverage\" counts the required ones. " +
		"When some sites of the family have a username, the finding points at the " +
		"first usernames entry that serves the family, whose reach falls short; when " +
		"none has, at the first entry under the family's name, or else at the whole " +
		"file (line 0), since nothing in it belongs to the family. The message gives " +
		"the line to add. A whole-file finding has no line for a suppression " +
		"comment; --ignore or .pwbconf.yaml silences it.",
	Bad:   exampleTokens + exampleDomains + "usernames['wikipedia']['*'] = 'ExampleBot'\n",
	Good:  exampleTokens + exampleDomains + exampleUsers,
	check: checkMissingUsername,
}

func checkMissingUsername(p *pass) {
	f := p.coverage()
	if !f.active {
		return
	}
	for _, fam := range f.need.Users {
		rf, ok := f.report.Family(fam)
		if !ok || rf.Required == nil || rf.Required.NoUser == 0 {
			continue
		}
		q := rf.Required
		if with := q.Sites - q.NoUser; with > 0 {
			p.report(firstUserEntry(f.report.FamilySites(rf)), "usernames", "usernames for %s cover %d of %s. %s",
				fam, with, plural(q.Sites, "site"), f.suggestUser(fam, "*"))
			continue
		}
		p.report(familyEntry(p.cfg.Usernames, fam), "usernames", "no username for the %s family. %s",
			fam, f.suggestUser(fam, "*"))
	}
}

// firstUserEntry is where the first usernames entry serving some of the
// sites is set.
func firstUserEntry(sites []coverage.Site) model.Pos {
	var first *model.Entry
	for i := range sites {
		if e := sites[i].UserEntry(); e != nil && (first == nil || e.Pos.Line < first.Pos.Line) {
			first = e
		}
	}
	if first == nil {
		return model.Pos{}
	}
	return first.Pos
}

// familyEntry is where the first usernames entry under the family's name
// is set, or the whole file when there is none.
func familyEntry(users []model.Entry, fam string) model.Pos {
	for _, e := range users {
		if len(e.Path) > 1 && e.Path[1] == fam {
			return e.Pos
		}
	}
	return model.Pos{}
}
