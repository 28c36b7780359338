package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var swappedTokens = &Rule{
	Code:     "PWB305",
	Name:     "swapped-tokens",
	Severity: diag.Error,
	Summary:  "two OAuth tokens in each other's places",
	Doc: "The four OAuth items go in a fixed order: consumer key, consumer " +
		"secret, access token, access secret. Keys and access tokens have 32 " +
		"hex digits and, on Wikimedia wikis, secrets have 40, so a 40-digit " +
		"value where a 32-digit one belongs, and the reverse, shows two " +
		"tokens that were pasted in each other's place. Pywikibot signs with " +
		"the wrong values and the login fails. Exchange the two.",
	Bad:  "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '8f219e9cb0eb53f16947ccf25ec84d8d', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			for _, s := range slots {
				if s.fault == slotSwapped && s.partner > s.index {
					p.report(e.Pos, "authenticate", "%s and %s of %q are swapped",
						s.name(), slotNames[s.partner], e.Name())
				}
			}
		})
	},
}
