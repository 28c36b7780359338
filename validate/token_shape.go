package validate

import (
	"fmt"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var tokenShape = &Rule{
	Code:     "PWB304",
	Name:     "token-shape",
	Severity: diag.Error,
	Summary:  "an OAuth token of the wrong length or alphabet",
	Doc: "Wikimedia's OAuth extension hands out a consumer key and an access " +
		"token of 32 lower-case hex digits, and a consumer secret and an access " +
		"secret of 40. On other wikis a secret may have 32 digits too. A token " +
		"of another length or with other characters was cut short or mixed up " +
		"while copying; the OAuth login fails. Copy the four values again from " +
		"the page the wiki showed when the consumer was registered.",
	Bad:  "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe2', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		p.tokenEntries(func(e model.Entry, slots []slot) {
			want := wantedLengths(onWikimedia(e.Name()))
			for _, s := range slots {
				if s.fault != slotBadShape {
					continue
				}
				p.report(e.Pos, "authenticate", "%s of %q has %s; want %s",
					s.name(), e.Name(), shapeOf(s.value.Str), wantText(want[s.index]))
			}
		})
	},
}

// shapeOf describes a token without showing it: its length, and how many
// of its characters are no lower-case hex digit, which is often the
// whole fault (an O for a 0, a pasted quote).
func shapeOf(s string) string {
	if hexLen(s) > 0 {
		return plural(hexLen(s), "hex digit")
	}
	other := 0
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			other++
		}
	}
	n := utf8.RuneCountInString(s)
	switch {
	case other == n:
		return describeLen(s) + ", none a hex digit"
	case other == 1:
		return describeLen(s) + ", 1 of them not a hex digit"
	}
	return fmt.Sprintf("%s, %d of them not hex digits", describeLen(s), other)
}

func wantText(lengths []int) string {
	if len(lengths) == 2 {
		return "32 or 40 hex digits"
	}
	return plural(lengths[0], "hex digit")
}
