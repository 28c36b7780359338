package validate

import (
	"slices"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var deprecatedVariable = &Rule{
	Code:     "PWB103",
	Name:     "deprecated-variable",
	Severity: diag.Warning,
	Summary:  "a variable Pywikibot has deprecated",
	Doc: "Some names Pywikibot no longer supports but still recognises, and it " +
		"warns that they are deprecated and should be removed. Among them are " +
		"the names a Python 2 era `from __future__ import` line binds " +
		"(absolute_import, division, unicode_literals), which Python 3 does " +
		"not need. Delete the setting, or the whole __future__ line.",
	Bad: "from __future__ import absolute_import, unicode_literals\n" +
		"textfile_encoding = 'utf-8'\n",
	Good:      "family = 'wikipedia'\n",
	Pywikibot: "deprecated",
	check: func(p *pass) {
		p.topLevel(deprecated, func(name string, e model.Entry) {
			since, _ := pywikibot.DeprecatedSince(name)
			fix := "Delete it"
			if isFutureFeature(name, e.Value) {
				fix = "Drop it from the __future__ import"
			}
			p.report(e.Pos, name, "%q is deprecated since Pywikibot %s. %s", name, since, fix)
		})
	},
}

// futureFeatures are the names `from __future__ import` can bind.
var futureFeatures = []string{
	"absolute_import", "annotations", "barry_as_FLUFL", "division", "generator_stop",
	"generators", "nested_scopes", "print_function", "unicode_literals", "with_statement",
}

// isFutureFeature tells a name bound by a __future__ import from a plain
// assignment that happens to use the same name.
func isFutureFeature(name string, v model.Value) bool {
	return slices.Contains(futureFeatures, name) && v.Kind == model.Other
}
