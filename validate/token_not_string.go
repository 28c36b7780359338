package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var tokenNotString = &Rule{
	Code:     "PWB302",
	Name:     "token-not-string",
	Severity: diag.Error,
	Summary:  "an OAuth token that is not a string",
	Doc: "The four items of an OAuth value are handed to the OAuth signing " +
		"library as text; a number, None or a nested tuple makes every " +
		"request fail. None usually comes from os.getenv for a variable " +
		"that is not set where the bot runs: give os.getenv a default, or " +
		"use os.environ[...] so that a missing variable stops the bot at " +
		"once with a clear KeyError.",
	Bad:  "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', None, 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			for _, s := range slots {
				if s.fault == slotNotString {
					p.report(e.Pos, "authenticate", "%s of %q is %s, not a string",
						s.name(), e.Name(), describeType(*s.value))
				}
			}
		})
	},
}
