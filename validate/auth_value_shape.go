package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var authValueShape = &Rule{
	Code:     "PWB301",
	Name:     "auth-value-shape",
	Severity: diag.Error,
	Summary:  "an authenticate value that is not a tuple of 4 or 2 items",
	Doc: "Pywikibot uses an authenticate value only when it has 4 items (the " +
		"OAuth 1.0a consumer key, consumer secret, access token and access " +
		"secret) or 2 (a user name and password for HTTP basic auth). A value " +
		"of any other length is skipped with a warning on every request, and " +
		"a value with no length at all, such as None, makes the request fail " +
		"with TypeError. A single string is the usual slip: the tokens were " +
		"pasted without the tuple around them. A list works as well as a tuple.",
	Bad:  "authenticate['*.wikipedia.org'] = 'a4c123b1612dd272d1371c17149d4395'\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		for _, e := range p.authEntries() {
			if msg := valueShapeProblem(e.Value); msg != "" {
				p.report(e.Pos, "authenticate", "value of %q %s", e.Name(), msg)
			}
		}
	},
}

// valueShapeProblem says what keeps Pywikibot from using an
// authenticate value, or "" when nothing does.
func valueShapeProblem(v model.Value) string {
	n, known := pywikibot.ValueLen(v)
	switch {
	case !known:
		return ""
	case v.Kind == model.Str:
		return "is one string, not a tuple of tokens. Write the 4 tokens " +
			"as a tuple: (key, secret, token, secret)"
	case v.Kind == model.Dict:
		return "is a dict. Write the 4 tokens as a tuple"
	case n < 0:
		return "is " + v.TypeName() + ", which has no length. Pywikibot fails with TypeError"
	case n != 2 && n != 4:
		return "has " + plural(n, "item") + ", not 4 or 2. Pywikibot skips it on every request"
	}
	return ""
}
