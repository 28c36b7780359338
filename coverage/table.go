package coverage

import (
	"strings"
	"sync"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// tableSite is a site of the site table with what does not depend on the
// config worked out once: its status and the authenticate keys Pywikibot
// tries for its host.
type tableSite struct {
	site   pywikibot.Site
	status Status
	// after lists the keys tried after the host's own, most specific
	// first: "*.wikipedia.org", "*.org", "*". Sites of one domain share
	// the list, and so what a config's keys make of it; tail numbers it.
	after []string
	tail  int
}

// siteTable is every site Pywikibot ships, family by family in name
// order, each family's sites in the order of the data. Aliases are left
// out: they are old names of other sites (see the package documentation).
type siteTable struct {
	sites []tableSite
	// tails counts the distinct lists of keys after a host's own.
	tails int
}

var table = sync.OnceValue(newSiteTable)

func newSiteTable() *siteTable {
	n := 0
	for _, f := range pywikibot.Families() {
		n += len(f.Sites)
	}
	t := &siteTable{sites: make([]tableSite, 0, n)}
	// A host's tail is decided by what follows its first label.
	type tail struct {
		keys []string
		id   int
	}
	tails := map[string]tail{}
	for _, f := range pywikibot.Families() {
		for _, s := range f.Sites {
			next, old := f.Obsolete[s.Code]
			if old && next != nil {
				continue
			}
			domain := ""
			if i := strings.IndexByte(s.Hostname, '.'); i >= 0 {
				domain = s.Hostname[i:]
			}
			tl, ok := tails[domain]
			if !ok {
				// Pywikibot builds every Wikimedia URL with https; the
				// keys depend on the host alone.
				tl = tail{pywikibot.AuthKeys(s.Hostname)[1:], len(tails)}
				tails[domain] = tl
			}
			t.sites = append(t.sites, tableSite{site: s, status: siteStatus(f, s, old),
				after: tl.keys, tail: tl.id})
		}
	}
	t.tails = len(tails)
	return t
}

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
type authIndex struct {
	byKey map[string]*authEntry
	// hostKeys is set when some key is neither "*" nor a "*." wildcard,
	// and so may be a host's own.
	hostKeys bool
	// tails holds, by tableSite.tail, what the keys after a host's own
	// match, worked out for the first site that needs it.
	tails []authMatch
	done  []bool
}

type authEntry struct {
	entry   *model.Entry
	source  *Source
	unknown bool // the value holds something the sandbox could not know
}

func newAuthIndex(entries []model.Entry, tails int) *authIndex {
	idx := &authIndex{byKey: make(map[string]*authEntry, len(entries))}
	for i := range entries {
		e := &entries[i]
		if len(e.Path) == 2 && e.Path[0] == "authenticate" {
			idx.byKey[e.Path[1]] = &authEntry{e, authSource(e), e.Value.IsUnknown()}
			idx.hostKeys = idx.hostKeys || e.Path[1] != "*" && !strings.HasPrefix(e.Path[1], "*.")
		}
	}
	if len(idx.byKey) > 0 {
		idx.tails, idx.done = make([]authMatch, tails), make([]bool, tails)
	}
	return idx
}

// authMatch is pywikibot.MatchAuth's outcome with the sources attached.
type authMatch struct {
	found   *authEntry
	skipped []*authEntry
}

// site matches the keys Pywikibot tries for the site t of the table. A
// host whose own key the config does not set gets what the keys after it
// match, worked out once for the whole domain.
func (idx *authIndex) site(t *tableSite) authMatch {
	if len(idx.byKey) == 0 {
		return authMatch{}
	}
	if idx.hostKeys {
		if _, ok := idx.byKey[t.site.Hostname]; ok {
			return idx.match(t.site.Hostname, t.after)
		}
	}
	if !idx.done[t.tail] {
		idx.tails[t.tail], idx.done[t.tail] = idx.match("", t.after), true
	}
	return idx.tails[t.tail]
}

// match is pywikibot.MatchAuth over keys computed in advance, the host's
// own unless it is "", then those after it: the first present key whose
// value has 2 or 4 items, or a length nobody knows.
func (idx *authIndex) match(host string, after []string) authMatch {
	var m authMatch
	if host != "" && m.try(idx.byKey[host]) {
		return m
	}
	for _, k := range after {
		if m.try(idx.byKey[k]) {
			break
		}
	}
	return m
}

// try takes a as the match when it is present and of a length Pywikibot
// uses, and reports whether it did; a present value of another length is
// skipped.
func (m *authMatch) try(a *authEntry) bool {
	if a == nil {
		return false
	}
	if n, known := pywikibot.ValueLen(a.entry.Value); known && n != 2 && n != 4 {
		m.skipped = append(m.skipped, a)
		return false
	}
	m.found = a
	return true
}

// resolvedUser is a username lookup with the source it names.
type resolvedUser struct {
	pywikibot.Resolved
	source *Source
	// shown is the name as the report gives it, masked when it repeats a
	// secret; judged tells whether that has been worked out.
	shown  string
	judged bool
}

// userIndex resolves usernames family by family. Within a family, every
// code that neither usernames['*'] nor usernames[family] names gets the
// same answer, the '*' entry's, so that answer is worked out once.
type userIndex struct {
	users pywikibot.Usernames
	// sources holds the source of each entry once written: one entry,
	// usernames['*']['*'] say, serves every family.
	sources  map[*model.Entry]*Source
	family   string
	fallback *resolvedUser
	byCode   map[string]*resolvedUser
	// star and own are usernames['*'] and usernames[family]; codes is set
	// when either names a code, not just '*'.
	star, own map[string]*model.Entry
	codes     bool
	// none is the answer for every site of a family neither dict serves.
	none resolvedUser
}

func newUserIndex(entries []model.Entry) *userIndex {
	return &userIndex{users: pywikibot.NewUsernames(entries)}
}

func (x *userIndex) lookup(family, code string) *resolvedUser {
	if family != x.family || x.fallback == nil {
		x.family, x.byCode = family, nil
		x.star, x.own = x.users["*"], x.users[family]
		x.codes = namesCodes(x.star) || namesCodes(x.own)
		x.fallback = &x.none
		if len(x.star) > 0 || len(x.own) > 0 {
			x.fallback = x.resolve(family, "*")
		}
	}
	if !x.codes {
		return x.fallback
	}
	_, star := x.star[code]
	_, own := x.own[code]
	if !star && !own {
		return x.fallback
	}
	if r, ok := x.byCode[code]; ok {
		return r
	}
	r := x.resolve(family, code)
	if x.byCode == nil {
		x.byCode = map[string]*resolvedUser{}
	}
	x.byCode[code] = r
	return r
}

// namesCodes reports whether a usernames dict has a key other than '*'.
func namesCodes(codes map[string]*model.Entry) bool {
	_, star := codes["*"]
	return len(codes) > 1 || len(codes) == 1 && !star
}

func (x *userIndex) resolve(family, code string) *resolvedUser {
	r := &resolvedUser{Resolved: pywikibot.Username(x.users, family, code)}
	if r.Entry == nil {
		return r
	}
	if r.source = x.sources[r.Entry]; r.source == nil {
		r.source = &Source{
			Text: "usernames[" + pyQuote(r.FamilyKey) + "][" + pyQuote(r.CodeKey) + "]",
			Line: r.Entry.Pos.Line,
		}
		if x.sources == nil {
			x.sources = map[*model.Entry]*Source{}
		}
		x.sources[r.Entry] = r.source
	}
	return r
}

// Warm builds the site table that ComputeFor otherwise builds on its
// first call, and leaves a list of sites for that call to reuse. It is
// safe to call from any goroutine at any time.
func Warm() { ComputeFor(&model.Config{}, Requirement{}).Release() }
