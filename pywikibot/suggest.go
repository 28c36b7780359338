package pywikibot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Nearest returns the candidate closest to name, or "" when none is
// close. Case and underscores do not count, so "Put_Throtle" finds
// "put_throttle"; a candidate must differ in fewer than half of name's
// letters to be offered, which keeps short names from matching anything.
func Nearest(name string, candidates []string) string {
	key := fold(name)
	best, bestDist := "", (utf8.RuneCountInString(key)+1)/2
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(key, fold(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// NearestVariable suggests a known variable or helper for a misspelled
// name.
func NearestVariable(name string) string { return Nearest(name, loadVars().known) }

// NearestFamily suggests a family for a misspelled family name.
func NearestFamily(name string) string { return Nearest(name, FamilyNames()) }

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}
