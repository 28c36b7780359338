package validate

import (
	"strings"
	"unicode"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var tokenWhitespace = &Rule{
	Code:     "PWB306",
	Name:     "token-whitespace",
	Severity: diag.Error,
	Summary:  "white space or a line break inside an OAuth token",
	Doc: "A space, tab or newline copied along with a token becomes part of " +
		"it: Pywikibot passes the text on unchanged, the signature is computed " +
		"over the wrong value, and the OAuth login fails. Tokens never contain " +
		"white space. Delete it; a newline at the end often comes from reading " +
		"a file or pasting a whole line.",
	Bad:  "authenticate['*.wikipedia.org'] = (' a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			for _, s := range slots {
				if s.fault == slotWhitespace {
					p.report(e.Pos, "authenticate", "%s of %q %s",
						s.name(), e.Name(), whereSpace(s.value.Str))
				}
			}
		})
	},
}

// whereSpace says where the white space in a token is and what it is.
func whereSpace(s string) string {
	what := func(r rune) string {
		switch r {
		case '\n', '\r':
			return "a line break"
		case '\t':
			return "a tab"
		}
		return "a space"
	}
	first, _ := firstRune(s)
	last, _ := lastRune(s)
	switch {
	case unicode.IsSpace(first):
		return "starts with " + what(first)
	case unicode.IsSpace(last):
		return "ends with " + what(last)
	}
	i := strings.IndexFunc(s, unicode.IsSpace)
	return "has " + what(rune(s[i])) + " inside"
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}
