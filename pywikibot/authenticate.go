package pywikibot

import (
	"strings"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/model"
)

// NetLoc returns the network location of a URL as Python's urlparse
// does: what follows "//" up to the path, query or fragment, with any
// user info and port kept and the case untouched. Text without "//" is
// taken to start with a network location, so that a host name can be
// passed as it is; urlparse would find no network location there.
func NetLoc(url string) string {
	if i := strings.Index(url, "//"); i >= 0 {
		url = url[i+2:]
	}
	if j := strings.IndexAny(url, "/?#"); j >= 0 {
		url = url[:j]
	}
	return url
}

// AuthKeys returns the authenticate keys Pywikibot tries for a URL or
// network location, most specific first: the network location itself,
// then "*." followed by what is left after dropping one, two, ... leading
// labels, and "*" last. Nothing is lower-cased and a port stays attached
// to the last label, as in Pywikibot: "*.org:8080", never "*.org".
func AuthKeys(url string) []string {
	netloc := NetLoc(url)
	labels := strings.Split(netloc, ".")
	keys := make([]string, 0, len(labels)+1)
	keys = append(keys, netloc)
	for i := 1; i < len(labels); i++ {
		keys = append(keys, "*."+strings.Join(labels[i:], "."))
	}
	return append(keys, "*")
}

// AuthMatch is the outcome of looking a URL up in authenticate.
type AuthMatch struct {
	// Key is the key that served, or "" when none did; Entry is its entry.
	Key   string
	Entry *model.Entry
	// Skipped lists present keys, in the order tried, whose value did not
	// have 2 or 4 items; Pywikibot warns about each and tries the next.
	Skipped []model.Entry
}

// OAuth reports whether the match is an OAuth 1.0a token set.
func (m AuthMatch) OAuth() bool {
	if m.Entry == nil {
		return false
	}
	n, _ := ValueLen(m.Entry.Value)
	return n == 4
}

// MatchAuth finds the authenticate entry Pywikibot uses for a URL or
// network location: the first key of [AuthKeys] that is present and
// whose value has 2 or 4 items. Any value with a length counts, so a list
// is as good as a tuple, and so, oddly, is a string of 2 or 4 characters.
// A value of unknown length (read from the environment, say) is taken to
// fit, because it most likely does.
func MatchAuth(entries []model.Entry, url string) AuthMatch {
	return NewAuthIndex(entries).Match(url)
}

// AuthIndex holds authenticate entries by key, for looking many URLs up
// in one config: building it is the part that grows with the config.
type AuthIndex map[string]model.Entry

// NewAuthIndex indexes the authenticate entries among entries; of two
// entries with one key the later wins, as in the dict.
func NewAuthIndex(entries []model.Entry) AuthIndex {
	byKey := make(AuthIndex, len(entries))
	for _, e := range entries {
		if len(e.Path) == 2 && e.Path[0] == "authenticate" {
			byKey[e.Path[1]] = e
		}
	}
	return byKey
}

// Match is [MatchAuth] on the indexed entries.
func (x AuthIndex) Match(url string) AuthMatch { return x.MatchWithout(url, "") }

// MatchWithout is [AuthIndex.Match] as if the key without were not in
// the dict; "" leaves every key in.
func (x AuthIndex) MatchWithout(url, without string) AuthMatch {
	var m AuthMatch
	for _, key := range AuthKeys(url) {
		e, ok := x[key]
		if !ok || key == without && without != "" {
			continue
		}
		if n, known := ValueLen(e.Value); known && n != 2 && n != 4 {
			m.Skipped = append(m.Skipped, e)
			continue
		}
		m.Key, m.Entry = key, &e
		return m
	}
	return m
}

// ValueLen returns Python's len() of v. known is false for an unknown
// value; a value with no length at all (a number, None) gives -1, true,
// which Pywikibot would meet with TypeError.
func ValueLen(v model.Value) (n int, known bool) {
	switch v.Kind {
	case model.Str:
		return utf8.RuneCountInString(v.Str), true
	case model.Tuple, model.List:
		return len(v.Items), true
	case model.Dict:
		return len(v.Keys), true
	case model.Unknown, model.Other:
		return 0, false
	}
	return -1, true
}
