package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var shadowedKey = &Rule{
	Code:     "PWB324",
	Name:     "shadowed-key",
	Severity: diag.Info,
	Summary:  "a closer authenticate key that overrides a wildcard with other values",
	Doc: "Pywikibot uses the first authenticate key that matches a host, the " +
		"most specific first, so \"en.wikipedia.org\" wins over " +
		"\"*.wikipedia.org\" for that one wiki. When the two hold different " +
		"tokens, the wildcard's are never used there. That may be meant (a " +
		"separate consumer for one wiki), but it is also what an old entry " +
		"left behind after the tokens were renewed looks like. The finding " +
		"names the wikis concerned.",
	Bad: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n" +
		"authenticate['en.wikipedia.org'] = ('43b026c48bbf33feff9243a8f506b409', '28b5b7a767c76fb008f86bebb2737f6a6f0fb23c', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		entries := p.authEntries()
		index := pywikibot.NewAuthIndex(entries)
		candidates := shadowHosts(index, entries)
		if candidates == nil {
			return
		}
		type pair struct{ near, far string }
		hosts := map[pair][]string{}
		var order []pair
		for i, host := range pywikibot.Hosts() {
			if !candidates[i] {
				continue
			}
			near, far, ok := shadowing(index, host)
			if !ok {
				continue
			}
			k := pair{near.Name(), far.Name()}
			if hosts[k] == nil {
				order = append(order, k)
			}
			hosts[k] = append(hosts[k], host)
		}
		for _, k := range order {
			e := entries[slices.IndexFunc(entries, func(e model.Entry) bool { return e.Name() == k.near })]
			p.report(e.Pos, "authenticate", "key %q overrides %q with other values. "+
				"It serves %s", k.near, k.far, hostList(hosts[k]))
		}
	},
}

// shadowHosts marks, by their index in pywikibot.Hosts, the hosts where
// one key may hide another, and returns nil when there are none, as in
// most files, with their one wildcard per domain. Where a key near hides
// a key far, far is a "*." key over a domain near ends in, whatever the
// host (see [pywikibot.AuthIndex.Wider]), and the host one that tries
// near. Each such pair is held to every condition [shadowing] puts on the
// two entries, so no host where shadowing finds something goes unmarked.
func shadowHosts(index pywikibot.AuthIndex, entries []model.Entry) []bool {
	var marked []bool
	hosts := pywikibot.Hosts()
	for i := range entries {
		near := index.Entry(entries[i].Name())
		if near != &entries[i] || !shadowable(near) || !overridesWider(index, near) {
			// A key set twice is judged once, by the entry the dict keeps.
			continue
		}
		if marked == nil {
			marked = make([]bool, len(hosts))
		}
		// A "*." key is tried by the hosts under its domain, any other
		// by the one host it names.
		if key := near.Name(); strings.HasPrefix(key, "*.") {
			for h, host := range hosts {
				marked[h] = marked[h] || strings.HasSuffix(host, key[1:])
			}
		} else if h, found := slices.BinarySearch(hosts, key); found {
			marked[h] = true
		}
	}
	return marked
}

// overridesWider reports whether a key wider than near's holds other
// values that near's entry could hide.
func overridesWider(index pywikibot.AuthIndex, near *model.Entry) bool {
	for far := range index.Wider(near.Name()) {
		if shadowable(far) && !sameValue(near.Value, far.Value) {
			return true
		}
	}
	return false
}

// shadowable reports whether an authenticate entry can take part in a
// shadow: its key is no catch-all, its value known and of a length
// Pywikibot uses.
func shadowable(e *model.Entry) bool {
	if catchAll(e.Name()) || e.Value.IsUnknown() {
		return false
	}
	n, known := pywikibot.ValueLen(e.Value)
	return !known || n == 2 || n == 4
}

// shadowing finds the entry that serves host and the wildcard entry that
// would serve it otherwise, when their values differ. Catch-all keys
// are left out: overriding them is what they are for.
func shadowing(index pywikibot.AuthIndex, host string) (near, far model.Entry, ok bool) {
	m := index.Match(host)
	if m.Entry == nil || catchAll(m.Key) || m.Entry.Value.IsUnknown() {
		return near, far, false
	}
	next := index.MatchWithout(host, m.Key)
	if next.Entry == nil || catchAll(next.Key) || next.Entry.Value.IsUnknown() ||
		sameValue(m.Entry.Value, next.Entry.Value) {
		return near, far, false
	}
	return *m.Entry, *next.Entry, true
}

// sameValue compares two plain values as Python's == would.
func sameValue(a, b model.Value) bool {
	if a.Kind != b.Kind || a.Str != b.Str || a.Bool != b.Bool || a.Float != b.Float ||
		len(a.Items) != len(b.Items) || (a.Int == nil) != (b.Int == nil) {
		return false
	}
	if a.Int != nil && a.Int.Cmp(b.Int) != 0 {
		return false
	}
	for i := range a.Items {
		if !sameValue(a.Items[i], b.Items[i]) {
			return false
		}
	}
	return true
}

// hostList names a few hosts and counts the rest.
func hostList(hosts []string) string {
	if len(hosts) == 1 {
		return hosts[0]
	}
	return fmt.Sprintf("%s: %s", plural(len(hosts), "host"), examples(hosts, 3))
}
