package pywikibot

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/model"
)

// matchByKeys is the lookup as Pywikibot writes it: build the key list,
// try each key in turn. The index must agree with it on every URL.
func matchByKeys(entries []model.Entry, url, without string) AuthMatch {
	byKey := map[string]*model.Entry{}
	for i := range entries {
		byKey[entries[i].Path[1]] = &entries[i]
	}
	var m AuthMatch
	for _, key := range AuthKeys(url) {
		e, ok := byKey[key]
		if !ok || key == without && without != "" {
			continue
		}
		if n, known := ValueLen(e.Value); known && n != 2 && n != 4 {
			m.Skipped = append(m.Skipped, *e)
			continue
		}
		m.Key, m.Entry = key, e
		return m
	}
	return m
}

// randomAuthEntries draws a dict of keys around host: the host, its
// wildcards, other hosts' keys and odd ones, with values of any length.
func randomAuthEntries(rnd *rand.Rand, hosts []string, host string) []model.Entry {
	pool := append(AuthKeys(host), "*.", "", "*.*", "EN.wikipedia.org", "*.org:443",
		hosts[rnd.IntN(len(hosts))])
	pool = append(pool, AuthKeys(hosts[rnd.IntN(len(hosts))])...)
	var entries []model.Entry
	for range rnd.IntN(8) {
		items := make([]string, rnd.IntN(6))
		for i := range items {
			items[i] = "t"
		}
		entries = append(entries, authEntry(pool[rnd.IntN(len(pool))], items...))
	}
	return entries
}

func TestAuthIndexMatchesKeyList(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	hosts := Hosts()
	odd := []string{"", "*", "*.org", "a..b", "a.", ".a", "https://EN.Wikipedia.org:443/w/x?y#z"}
	for range 3000 {
		host := hosts[rnd.IntN(len(hosts))]
		if rnd.IntN(10) == 0 {
			host = odd[rnd.IntN(len(odd))]
		}
		entries := randomAuthEntries(rnd, hosts, host)
		x := NewAuthIndex(entries)
		withouts := []string{""}
		for _, e := range entries {
			withouts = append(withouts, e.Path[1])
		}
		for _, without := range withouts {
			want := matchByKeys(entries, host, without)
			got := x.MatchWithout(host, without)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("MatchWithout(%q, %q) on %v mismatch (-want +got):\n%s",
					host, without, keysOf(entries), diff)
			}
		}
	}
}

func keysOf(entries []model.Entry) []string {
	var keys []string
	for _, e := range entries {
		keys = append(keys, e.Path[1])
	}
	return keys
}

func TestAuthIndexAllocatesNothing(t *testing.T) {
	x := NewAuthIndex([]model.Entry{
		authEntry("*.wikipedia.org", "a", "b", "c", "d"),
		authEntry("*.wikimedia.org", "a", "b", "c", "d"),
		authEntry("en.wikipedia.org", "a", "b", "c", "d"),
		authEntry("*", "a", "b"),
	})
	hosts := Hosts()
	allocs := testing.AllocsPerRun(10, func() {
		for _, h := range hosts {
			m := x.Match(h)
			x.MatchWithout(h, m.Key)
		}
	})
	if allocs != 0 {
		t.Errorf("looking every host up allocates %v times, want 0", allocs)
	}
}

func TestHostsSortedOnce(t *testing.T) {
	hosts := Hosts()
	if !slices.IsSorted(hosts) || len(slices.Compact(slices.Clone(hosts))) != len(hosts) {
		t.Error("Hosts is not sorted or repeats a host")
	}
	if len(hosts) == 0 || &Hosts()[0] != &hosts[0] {
		t.Error("Hosts builds a new list on each call")
	}
}
