package validate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/model"
)

// slotNames are the four items of an OAuth 1.0a value, in Pywikibot's order.
var slotNames = [4]string{"consumer key", "consumer secret", "access token", "access secret"}

// slotFault is what is wrong with one token; the token rules each report
// one kind, so that a token is reported once, by the most telling rule.
type slotFault int

const (
	slotFine slotFault = iota
	slotUnknown
	slotNotString
	slotPlaceholder
	slotWhitespace
	slotJWT
	slotUpperHex
	slotSwapped
	slotBadShape
)

// slot is one token of an OAuth value and what is wrong with it.
type slot struct {
	index int
	value *model.Value
	fault slotFault
	// partner is the slot a swapped token belongs in.
	partner int
}

func (s slot) name() string { return slotNames[s.index] }

// oauthSlots examines a four-item authenticate value. ok is false for any
// other value; those belong to the shape rule.
func oauthSlots(e model.Entry) (slots [4]slot, ok bool) {
	v := e.Value
	if (v.Kind != model.Tuple && v.Kind != model.List) || len(v.Items) != 4 {
		return slots, false
	}
	want := wantedLengths(onWikimedia(e.Name()))
	for i := range v.Items {
		it := &v.Items[i]
		slots[i] = slot{index: i, value: it, fault: firstFault(*it), partner: -1}
		if slots[i].fault == slotFine && !slicesHas(want[i], hexLen(it.Str)) {
			slots[i].fault = slotBadShape
		}
	}
	findSwaps(slots[:], want)
	return slots, true
}

// wantedLengths gives the accepted hex lengths per slot. Wikimedia's
// OAuth extension makes 32-hex keys and 40-hex secrets; a wiki set up
// without a secret key hands out 32-hex secrets instead.
func wantedLengths(wikimedia bool) [4][]int {
	if wikimedia {
		return wikimediaLengths
	}
	return otherLengths
}

var (
	wikimediaLengths = [4][]int{{32}, {40}, {32}, {40}}
	otherLengths     = [4][]int{{32}, {32, 40}, {32}, {32, 40}}
)

// firstFault finds the faults that do not depend on the other slots.
func firstFault(v model.Value) slotFault {
	_, envDefault := v.EnvDefault()
	switch {
	case v.IsUnknown(), envDefault:
		// A default of an environment read says nothing of the token
		// the variable holds where Pywikibot runs.
		return slotUnknown
	case v.Kind != model.Str:
		return slotNotString
	case hexLen(v.Str) > 0:
		// The usual token, and none of what follows: no placeholder
		// word is made of hex digits alone.
		return slotFine
	case placeholderToken(v.Str):
		return slotPlaceholder
	case strings.IndexFunc(v.Str, unicode.IsSpace) >= 0:
		return slotWhitespace
	case strings.HasPrefix(v.Str, "eyJ") && jwtPattern.MatchString(v.Str):
		return slotJWT
	case hexLen(v.Str) < 0 && hexLen(strings.ToLower(v.Str)) > 0:
		return slotUpperHex
	}
	return slotFine
}

// findSwaps pairs up two slots of the wrong length that would both be
// right if exchanged.
func findSwaps(slots []slot, want [4][]int) {
	for i := range slots {
		for j := i + 1; j < len(slots); j++ {
			a, b := &slots[i], &slots[j]
			if a.fault != slotBadShape || b.fault != slotBadShape {
				continue
			}
			if slicesHas(want[i], hexLen(b.value.Str)) && slicesHas(want[j], hexLen(a.value.Str)) {
				a.fault, b.fault = slotSwapped, slotSwapped
				a.partner, b.partner = j, i
			}
		}
	}
}

// hexLen returns the length of s when it is all lower-case hex digits,
// and -1 otherwise.
func hexLen(s string) int {
	if s == "" {
		return -1
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return -1
		}
	}
	return len(s)
}

func slicesHas(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// jwtPattern matches an OAuth 2 access token: a JSON Web Token, three
// base64url parts joined by dots, the first an encoded "{".
var jwtPattern = regexp.MustCompile(`^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$`)

// placeholderWords are the names the OAuth manual and Pywikibot's docs
// write where the real tokens go, compared without case, spaces, "_"
// or "-".
var placeholderWords = map[string]bool{
	"consumertoken": true, "consumersecret": true, "accesstoken": true, "accesssecret": true,
	"consumerkey": true, "accesskey": true, "token": true, "secret": true, "key": true,
}

// placeholderToken reports text that stands in for a token: an empty
// string, a placeholder word, anything in angle brackets, or a run of x.
func placeholderToken(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		return true
	}
	if strings.Trim(strings.ToLower(t), "x.") == "" && utf8.RuneCountInString(t) >= 3 {
		return true
	}
	word := strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, strings.Trim(t, "<>{}[]"))
	word = strings.TrimPrefix(word, "your")
	return placeholderWords[word]
}

// describeLen says how long a token is without showing it.
func describeLen(s string) string {
	return plural(utf8.RuneCountInString(s), "character")
}
