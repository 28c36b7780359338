package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var uppercaseToken = &Rule{
	Code:     "PWB307",
	Name:     "uppercase-token",
	Severity: diag.Warning,
	Summary:  "an OAuth token written in upper-case hex",
	Doc: "MediaWiki's OAuth extension writes its tokens in lower-case hex and " +
		"compares them as text. A token in upper case was retyped or passed " +
		"through a tool that changed it; the wiki does not recognise it and " +
		"the login fails. Copy the token again, or lower its case.",
	Bad:  "authenticate['*.wikipedia.org'] = ('A4C123B1612DD272D1371C17149D4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			for _, s := range slots {
				if s.fault == slotUpperHex {
					p.report(e.Pos, "authenticate", "%s of %q is in upper-case hex. "+
						"Tokens are lower case", s.name(), e.Name())
				}
			}
		})
	},
}
