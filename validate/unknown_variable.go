package validate

import (
	"fmt"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
	"strings"
)

var unknownVariable = &Rule{
	Code:     "PWB101",
	Name:     "unknown-variable",
	Severity: diag.Warning,
	Summary:  "a top-level name that is no Pywikibot variable",
	Doc: "Pywikibot reads only the configuration variables it defines. Any other " +
		"top-level name the file leaves bound, a misspelled variable, a helper " +
		"value, an imported module, a function, is warned about as unknown and " +
		"has no effect: a misspelled put_throttle leaves the default throttle in " +
		"place. Correct the spelling, or give helpers a name that starts with " +
		"an underscore, which Pywikibot skips, or delete them with del.",
	Bad:       "put_throtle = 2\nhome = '/home/example'\n",
	Good:      "put_throttle = 2\n_home = '/home/example'\n",
	Pywikibot: "unknown",
	check: func(p *pass) {
		p.topLevel(unknown, func(name string, e model.Entry) {
			p.report(e.Pos, name, "%s", unknownMessage(name, e.Value))
		})
	},
}

func unknownMessage(name string, v model.Value) string {
	near := pywikibot.NearestVariable(name)
	if near == "db_password" && !strings.HasPrefix(strings.ToLower(name), "db") {
		// db_password is the database's; a bot's password belongs in the
		// password file, and a hint to put it here would leak it further.
		return fmt.Sprintf("unknown variable %q, Pywikibot ignores it. Bot passwords go "+
			"in the file password_file names", name)
	}
	if near != "" {
		return fmt.Sprintf("unknown variable %q; did you mean %q?", name, near)
	}
	switch {
	case v.Kind == model.Other && v.Source == "module":
		return fmt.Sprintf("unknown variable %q (a module). Write \"import %s as _%s\"",
			name, name, name)
	case v.Kind == model.Other && v.Source == "function":
		return fmt.Sprintf("unknown variable %q (a function). Rename it \"_%s\"", name, name)
	}
	return fmt.Sprintf("unknown variable %q, Pywikibot ignores it. Delete it or rename it \"_%s\"",
		name, name)
}
