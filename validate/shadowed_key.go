package validate

import (
	"fmt"
	"slices"

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
		entries := authEntries(p.cfg)
		index := pywikibot.NewAuthIndex(entries)
		type pair struct{ near, far string }
		hosts := map[pair][]string{}
		var order []pair
		for _, host := range pywikibot.Hosts() {
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
