package pywikibot

import (
	"iter"
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
	keys := make([]string, 0, strings.Count(netloc, ".")+2)
	keys = append(keys, netloc)
	for domain := range Domains(netloc) {
		keys = append(keys, "*."+domain)
	}
	return append(keys, "*")
}

// Domains yields the domains of the "*." keys [AuthKeys] gives for a
// network location, the text after "*.": netloc less one, two, ...
// leading labels, "wikipedia.org" and "org" for "en.wikipedia.org". They
// are cut out of netloc, not built.
func Domains(netloc string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for rest := netloc; ; {
			i := strings.IndexByte(rest, '.')
			if i < 0 || !yield(rest[i+1:]) {
				return
			}
			rest = rest[i+1:]
		}
	}
}

// AuthMatch is the outcome of looking a URL up in authenticate.
type AuthMatch struct {
	// Key is the key that served, or "" when none did; Entry is its entry,
	// one of those the lookup was given.
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
// Looking a URL up allocates nothing.
type AuthIndex struct {
	// byKey holds every entry; wild holds the "*." ones again under what
	// follows "*.", so that a lookup need not build the key it tries.
	byKey, wild map[string]*model.Entry
}

// NewAuthIndex indexes the authenticate entries among entries; of two
// entries with one key the later wins, as in the dict. Matches point into
// entries.
func NewAuthIndex(entries []model.Entry) AuthIndex {
	x := AuthIndex{byKey: make(map[string]*model.Entry, len(entries))}
	for i := range entries {
		e := &entries[i]
		if len(e.Path) != 2 || e.Path[0] != "authenticate" {
			continue
		}
		x.byKey[e.Path[1]] = e
		if rest, ok := strings.CutPrefix(e.Path[1], "*."); ok {
			if x.wild == nil {
				x.wild = make(map[string]*model.Entry)
			}
			x.wild[rest] = e
		}
	}
	return x
}

// Match is [MatchAuth] on the indexed entries.
func (x AuthIndex) Match(url string) AuthMatch { return x.MatchWithout(url, "") }

// MatchWithout is [AuthIndex.Match] as if the key without were not in
// the dict; "" leaves every key in. It tries the keys of [AuthKeys] in
// their order.
func (x AuthIndex) MatchWithout(url, without string) AuthMatch {
	var m AuthMatch
	netloc := NetLoc(url)
	if m.try(x.byKey[netloc], without) {
		return m
	}
	if x.wild != nil {
		for domain := range Domains(netloc) {
			if m.try(x.wild[domain], without) {
				return m
			}
		}
	}
	m.try(x.byKey["*"], without)
	return m
}

// Entry returns the entry of key, or nil when the dict has none.
func (x AuthIndex) Entry(key string) *model.Entry { return x.byKey[key] }

// Wider yields the entries of the "*." keys that Pywikibot tries after
// key at any host where it tries key, nearest first: those of the
// domains key ends in, as "*.wikipedia.org" and "*.org" for
// "en.wikipedia.org". key itself and "*" are not among them.
func (x AuthIndex) Wider(key string) iter.Seq[*model.Entry] {
	return func(yield func(*model.Entry) bool) {
		for domain := range Domains(key) {
			if e := x.wild[domain]; e != nil && e.Path[1] != key && !yield(e) {
				return
			}
		}
	}
}

// try takes e as the match when it is present, is not without, and has a
// value Pywikibot uses, and reports whether it did. A present value of
// another length is skipped.
func (m *AuthMatch) try(e *model.Entry, without string) bool {
	if e == nil || without != "" && e.Path[1] == without {
		return false
	}
	if n, known := ValueLen(e.Value); known && n != 2 && n != 4 {
		m.Skipped = append(m.Skipped, *e)
		return false
	}
	m.Key, m.Entry = e.Path[1], e
	return true
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
