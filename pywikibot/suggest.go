package pywikibot

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Nearest returns the candidate closest to name, or "" when none is
// close. Case and underscores do not count, so "Put_Throtle" finds
// "put_throttle"; a candidate must differ in fewer than half of name's
// letters to be offered, which keeps short names from matching anything.
// A name longer than maxSuggestLen gets no suggestion: no candidate is
// that long, and the distance costs the product of the two lengths.
func Nearest(name string, candidates []string) string {
	return newSuggester(candidates).nearest(name)
}

// suggester keeps candidates with their folded forms, so that names
// suggested among again and again, such as a family's codes, are folded
// once and not on every call.
type suggester struct {
	names, folded []string
	runes         []int // the length of each folded form in characters
}

func newSuggester(names []string) *suggester {
	s := &suggester{names: names, folded: make([]string, len(names)), runes: make([]int, len(names))}
	for i, c := range names {
		s.folded[i] = fold(c)
		s.runes[i] = utf8.RuneCountInString(s.folded[i])
	}
	return s
}

// nearest is Nearest among the suggester's names.
func (s *suggester) nearest(name string) string {
	if len(name) > 4*maxSuggestLen || utf8.RuneCountInString(name) > maxSuggestLen {
		return ""
	}
	key := fold(name)
	n := utf8.RuneCountInString(key)
	best, bestDist := "", (n+1)/2
	for i, c := range s.names {
		fc := s.folded[i]
		// The distance is at least the difference in length.
		if diff := n - s.runes[i]; diff >= bestDist || -diff >= bestDist {
			continue
		}
		if bestDist == 1 {
			// Only an equal name is close enough now.
			if fc == key {
				best, bestDist = c, 0
			}
			continue
		}
		if d := levenshtein.ComputeDistance(key, fc); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// maxSuggestLen is the longest name Nearest looks for a match for.
const maxSuggestLen = 64

// NearestVariable suggests a known variable or helper for a misspelled
// name.
func NearestVariable(name string) string { return variableSuggester().nearest(name) }

var variableSuggester = sync.OnceValue(func() *suggester { return newSuggester(loadVars().known) })

// NearestFamily suggests a family for a misspelled family name.
func NearestFamily(name string) string { return familySuggester().nearest(name) }

var familySuggester = sync.OnceValue(func() *suggester { return newSuggester(FamilyNames()) })

// NearestCode suggests one of the family's codes for a misspelled one.
func (f *Family) NearestCode(code string) string { return f.codeSuggester().nearest(code) }

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}
