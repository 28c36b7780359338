package validate

import (
	"fmt"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var unknownFamily = &Rule{
	Code:     "PWB201",
	Name:     "unknown-family",
	Severity: diag.Warning,
	Summary:  "a usernames family that no family file defines",
	Doc: "The first key of usernames is a family name, as Pywikibot's family " +
		"files define them: wikipedia, commons, wikidata, meta and so on, plus " +
		"those of family_files and of the folders given to " +
		"register_families_folder or user_families_paths. An entry under any " +
		"other name is never read. A misspelt family gets the nearest known " +
		"name as suggestion. \"wikimedia\" is a domain, not a family: the " +
		"wikis under wikimedia.org are the families meta, commons, species " +
		"and others, each with its own entry.",
	Bad:  "usernames['wikiboks']['*'] = 'ExampleBot'\n",
	Good: "usernames['wikibooks']['*'] = 'ExampleBot'\n",
	check: func(p *pass) {
		fs := p.families()
		seen := map[string]bool{}
		for _, e := range p.cfg.Usernames {
			fam := e.Path[1]
			if fam == "*" || seen[fam] || fs.known(fam) {
				continue
			}
			seen[fam] = true
			p.report(e.Pos, "usernames", "%s", unknownFamilyMessage(fam))
		}
	},
}

func unknownFamilyMessage(fam string) string {
	if under := domainFamilies(fam); len(under) > 0 {
		return fmt.Sprintf("usernames family %q is a domain, not a family. "+
			"Its wikis are the families %s", fam, examples(under, 4))
	}
	if near := pywikibot.NearestFamily(fam); near != "" {
		return fmt.Sprintf("usernames family %q is unknown; did you mean %q?", fam, near)
	}
	return fmt.Sprintf("usernames family %q is no family Pywikibot knows", fam)
}
