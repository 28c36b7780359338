package coverage

import (
	"fmt"
	"sync"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// tableSite is a site of the site table with what does not depend on the
// config worked out once: its status and the authenticate keys Pywikibot
// tries for its host, most specific first.
type tableSite struct {
	site   pywikibot.Site
	status Status
	keys   []string
}

// table is every site Pywikibot ships, family by family in name order,
// each family's sites in the order of the data. Aliases are left out:
// they are old names of other sites (see the package documentation).
var table = sync.OnceValue(func() []tableSite {
	var out []tableSite
	for _, f := range pywikibot.Families() {
		for _, s := range f.Sites {
			next, old := f.Obsolete[s.Code]
			if old && next != nil {
				continue
			}
			t := tableSite{site: s, status: siteStatus(f, s, old)}
			// Pywikibot builds every Wikimedia URL with https; the key
			// list depends on the network location only.
			t.keys = pywikibot.AuthKeys("https://" + s.Hostname)
			out = append(out, t)
		}
	}
	return out
})

// siteStatus is what became of a site's wiki. An old code with no
// successor (deadEnd) names a wiki that was closed or deleted, and
// Pywikibot marks its site obsolete. For a closed one it builds a
// ClosedSite, which logs in and reads but refuses writes to all but
// stewards; for a deleted one a RemovedSite, which has no API at all. It
// asks about closed first, so a code listed as both is closed.
func siteStatus(f *pywikibot.Family, s pywikibot.Site, deadEnd bool) Status {
	switch {
	case f.IsTest(s.Code):
		return Test
	case s.Closed:
		return Closed
	case deadEnd && f.IsRemoved(s.Code):
		return Removed
	case deadEnd:
		return Closed
	}
	return Open
}

// authIndex holds a config's authenticate entries by key, each with its
// source written once.
type authIndex map[string]*authEntry

type authEntry struct {
	entry   *model.Entry
	source  *Source
	unknown bool // the value holds something the sandbox could not know
}

func newAuthIndex(entries []model.Entry) authIndex {
	idx := make(authIndex, len(entries))
	for i := range entries {
		e := &entries[i]
		if len(e.Path) == 2 && e.Path[0] == "authenticate" {
			idx[e.Path[1]] = &authEntry{e, authSource(e), e.Value.IsUnknown()}
		}
	}
	return idx
}

type authMatch struct {
	found   *authEntry
	skipped []*authEntry
}

// match is pywikibot.MatchAuth over keys computed in advance: the first
// present key whose value has 2 or 4 items, or a length nobody knows.
func (idx authIndex) match(keys []string) authMatch {
	var m authMatch
	if len(idx) == 0 {
		return m
	}
	for _, k := range keys {
		a, ok := idx[k]
		if !ok {
			continue
		}
		if n, known := pywikibot.ValueLen(a.entry.Value); known && n != 2 && n != 4 {
			m.skipped = append(m.skipped, a)
			continue
		}
		m.found = a
		return m
	}
	return m
}

// resolvedUser is a username lookup with the source it names.
type resolvedUser struct {
	pywikibot.Resolved
	source *Source
}

// userIndex resolves usernames family by family. Within a family, every
// code that neither usernames['*'] nor usernames[family] names gets the
// same answer, the '*' entry's, so that answer is worked out once.
type userIndex struct {
	users    pywikibot.Usernames
	family   string
	fallback *resolvedUser
	byCode   map[string]*resolvedUser
}

func newUserIndex(entries []model.Entry) *userIndex {
	return &userIndex{users: pywikibot.NewUsernames(entries)}
}

func (x *userIndex) lookup(family, code string) *resolvedUser {
	if family != x.family || x.fallback == nil {
		x.family = family
		x.fallback = x.resolve(family, "*")
		x.byCode = map[string]*resolvedUser{}
	}
	_, star := x.users["*"][code]
	_, own := x.users[family][code]
	if !star && !own {
		return x.fallback
	}
	if r, ok := x.byCode[code]; ok {
		return r
	}
	r := x.resolve(family, code)
	x.byCode[code] = r
	return r
}

func (x *userIndex) resolve(family, code string) *resolvedUser {
	r := &resolvedUser{Resolved: pywikibot.Username(x.users, family, code)}
	if r.Entry != nil {
		r.source = &Source{
			Text: fmt.Sprintf("usernames[%s][%s]", pyQuote(r.FamilyKey), pyQuote(r.CodeKey)),
			Line: r.Entry.Pos.Line,
		}
	}
	return r
}
