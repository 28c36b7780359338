package validate

import (
	"fmt"
	"math/big"
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
		"put_throttle = '10' fails with TypeError; only a value equal to the " +
		"default by Python's ==, such as 15.0 for 15 or 0 for False, leaves " +
		"the default in place. None is accepted for every variable, " +
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
			outcome := "It warns and uses the value as it is"
			if equalsDefault(name, e.Value) {
				// config.py copies only what differs from the default by
				// Python's ==, and 15.0 == 15, 0 == False.
				outcome = "It warns and keeps the default, which the value equals"
			}
			p.report(e.Pos, name, "%q has type %q but Pywikibot expects %s. %s",
				name, e.Value.TypeName(), quoteAlternatives(want), outcome)
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

// equalsDefault reports whether a number or bool equals the variable's
// default number or bool as Python compares them.
func equalsDefault(name string, v model.Value) bool {
	vr, ok := pywikibot.LookupVariable(name)
	if !ok {
		return false
	}
	var d float64
	switch dv := vr.Default.(type) {
	case float64:
		d = dv
	case bool:
		if dv {
			d = 1
		}
	default:
		return false
	}
	x, ok := numberOf(v)
	return ok && x == d
}

// numberOf is a number or bool as a float, as Python's == sees it.
func numberOf(v model.Value) (float64, bool) {
	switch v.Kind {
	case model.Int:
		if v.Int == nil {
			return 0, false
		}
		f, _ := new(big.Float).SetInt(v.Int).Float64()
		return f, true
	case model.Float:
		return v.Float, true
	case model.Bool:
		if v.Bool {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}
