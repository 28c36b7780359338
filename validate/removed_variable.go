package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var removedVariable = &Rule{
	Code:     "PWB104",
	Name:     "removed-variable",
	Severity: diag.Warning,
	Summary:  "a variable that Pywikibot has removed",
	Doc: "The variable existed in older Pywikibot releases and is gone now. " +
		"Pywikibot calls it unknown and ignores it, so whatever it once " +
		"controlled is not configured any more. Delete the line, and check the " +
		"release notes of the version that dropped it for a replacement. " +
		"Reading such a variable, as in sysopnames['wikipedia']['en'] = ..., " +
		"is worse: Pywikibot stops with NameError (see PWB003).",
	Bad:       "sysopnames = {'wikipedia': {'en': 'ExampleAdmin'}}\n",
	Good:      "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	Pywikibot: "unknown",
	check: func(p *pass) {
		p.topLevel(removed, func(name string, e model.Entry) {
			r, _ := pywikibot.RemovedIn(name)
			p.report(e.Pos, name, "%q was removed in Pywikibot %s. Pywikibot ignores it; delete it",
				name, r.GoneSince)
		})
	},
}
