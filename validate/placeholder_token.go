package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var placeholderTokenRule = &Rule{
	Code:     "PWB303",
	Name:     "placeholder-token",
	Severity: diag.Error,
	Summary:  "an OAuth value that holds placeholders, not tokens",
	Doc: "The OAuth manual shows the authenticate line with words where the " +
		"tokens go (consumer_token, consumer_secret, access_token, " +
		"access_secret), and copies of it often keep fillers such as " +
		"'<consumer key>', 'xxxx' or an empty string. None of them is a token, " +
		"so every OAuth login fails. Register an owner-only consumer on " +
		"Special:OAuthConsumerRegistration and paste the four values it shows.",
	Bad:  "authenticate['*.wikipedia.org'] = ('consumer_token', 'consumer_secret', 'access_token', 'access_secret')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			var names []string
			for _, s := range slots {
				if s.fault == slotPlaceholder {
					names = append(names, s.name())
				}
			}
			switch len(names) {
			case 0:
			case len(slots):
				p.report(e.Pos, "authenticate",
					"tokens of %q are placeholders, not tokens. Paste the real ones",
					e.Name())
			default:
				p.report(e.Pos, "authenticate", "%s of %q %s a placeholder, not a token",
					andList(names), e.Name(), verb(len(names)))
			}
		})
	},
}

// verb picks "is" or "are".
func verb(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
