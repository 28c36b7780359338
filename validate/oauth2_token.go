package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var oauth2Token = &Rule{
	Code:     "PWB309",
	Name:     "jwt-token",
	Severity: diag.Error,
	Summary:  "an OAuth 2 access token where OAuth 1.0a tokens belong",
	Doc: "Pywikibot's authenticate setting speaks OAuth 1.0a. An OAuth 2 " +
		"access token, a long text of three parts joined by dots that starts " +
		"with \"eyJ\" (a JSON Web Token), comes from an OAuth 2 consumer and " +
		"is not accepted in any of the four slots. Register an OAuth 1.0a " +
		"owner-only consumer instead and use its four 32- and 40-digit values.",
	Bad:  "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			for _, s := range slots {
				if s.fault == slotJWT {
					p.report(e.Pos, "authenticate", "%s of %q is an OAuth 2 token (a JWT). "+
						"Use the tokens of an OAuth 1.0a consumer", s.name(), e.Name())
				}
			}
		})
	},
}
