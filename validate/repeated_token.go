package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var repeatedToken = &Rule{
	Code:     "PWB308",
	Name:     "repeated-token",
	Severity: diag.Error,
	Summary:  "one value in two OAuth slots",
	Doc: "The four OAuth tokens are four different random values. The same " +
		"text in two slots means one token was pasted twice and another is " +
		"missing, and the OAuth login fails. Copy the missing token from the " +
		"page the wiki showed when the consumer was registered.",
	Bad:  "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', 'a4c123b1612dd272d1371c17149d4395', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			for i, a := range slots {
				for _, b := range slots[i+1:] {
					if comparableToken(a) && comparableToken(b) && a.value.Str == b.value.Str {
						p.report(e.Pos, "authenticate", "%s and %s of %q are the same value",
							a.name(), b.name(), e.Name())
					}
				}
			}
		})
	},
}

// comparableToken leaves out what other rules report already.
func comparableToken(s slot) bool {
	return s.fault != slotUnknown && s.fault != slotNotString && s.fault != slotPlaceholder
}
