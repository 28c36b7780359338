package validate

import (
	"fmt"
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var wrongType = &Rule{
	Code:     "PWB102",
	Name:     "wrong-type",
	Severity: diag.Warning,
	Summary:  "a variable set to a value of another type than its default",
	Doc: "Pywikibot compares the type of each variable the file sets with the " +
		"type of its default. When they differ it warns, and then uses the " +
		"value as the file gave it, and a script that counts with " +
		"put_throttle = '10' fails with TypeError. None is accepted for every variable, " +
		"and so is any value for a variable whose default is None; an int is " +
		"accepted where the default is a float, and socket_timeout takes an " +
		"int, a float or a tuple. A number in quotes is the usual cause.",
	Bad:       "put_throttle = '10'\nlog = 'interwiki'\n",
	Good:      "put_throttle = 10\nlog = ['interwiki']\n",
	Pywikibot: "type",
	check: func(p *pass) {
		p.topLevel(known, func(name string, e model.Entry) {
			if pywikibot.TypeAccepted(name, e.Value) {
				return
			}
			want, _ := pywikibot.ExpectedTypes(name)
			p.report(e.Pos, name,
				"%q has type %q but Pywikibot expects %s. It warns and uses the value as it is",
				name, e.Value.TypeName(), quoteAlternatives(want))
		})
	},
}

// quoteAlternatives writes ["int", "float", "tuple"] as
// `"int", "float" or "tuple"`.
func quoteAlternatives(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
