package validate

import (
	"math/rand/v2"
	"testing"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// TestReachOfEveryKey holds the reach table to the plain reading: every
// key of every host's key list reaches that host's sites, the first host
// in order giving the first site.
func TestReachOfEveryKey(t *testing.T) {
	type reach struct {
		first     pywikibot.Site
		wikimedia bool
	}
	want := map[string]*reach{}
	for _, host := range pywikibot.Hosts() {
		sites := pywikibot.SitesByHost(host)
		for _, key := range pywikibot.AuthKeys(host) {
			r := want[key]
			if r == nil {
				r = &reach{first: sites[0]}
				want[key] = r
			}
			for _, s := range sites {
				r.wikimedia = r.wikimedia || wikimediaSite(s)
			}
		}
	}
	odd := []string{"", "*.", "*x.org", "EN.wikipedia.org", "*.WIKIPEDIA.org",
		"en.wikipedia.org:443", "*.wikipedia.org.", ".wikipedia.org", "*.*.org", "localhost"}
	keys := odd
	for key := range want {
		keys = append(keys, key)
	}
	for _, key := range keys {
		got, ok := reachOf(key)
		w := want[key]
		switch {
		case w == nil && ok:
			t.Errorf("reachOf(%q) = %+v, want nothing", key, got)
		case w != nil && (!ok || got.first != w.first || got.wikimedia != w.wikimedia):
			t.Errorf("reachOf(%q) = %+v, %v, want %+v", key, got, ok, *w)
		}
	}
}

// TestShadowHostsMissNothing draws random authenticate dicts around real
// hosts and holds the hosts shadowHosts marks to those where looking at
// every host finds a shadow: none may be left out.
func TestShadowHostsMissNothing(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	hosts := pywikibot.Hosts()
	tokens := [][]string{{"a", "b", "c", "d"}, {"e", "f", "g", "h"}, {"u", "p"}, {"x", "y", "z"}}
	found, skipped := 0, 0
	for range 1000 {
		// The keys of a few hosts, one of them deep, a shadow waiting in
		// each chain of keys, and some that match nothing.
		var pool []string
		for _, host := range []string{hosts[rnd.IntN(len(hosts))], hosts[rnd.IntN(len(hosts))],
			"commons.wikimedia.beta.wmcloud.org", "en.wikisource.beta.wmcloud.org"} {
			pool = append(pool, pywikibot.AuthKeys(host)...)
		}
		pool = append(pool, "*.m.wikipedia.org", "EN.wikipedia.org", "*wikipedia.org")
		var entries []model.Entry
		for range 2 + rnd.IntN(8) {
			e := model.Entry{Path: []string{"authenticate", pool[rnd.IntN(len(pool))]}}
			switch n := rnd.IntN(len(tokens) + 1); n {
			case len(tokens):
				e.Value = model.Value{Kind: model.Unknown}
			default:
				e.Value = model.Value{Kind: model.Tuple}
				for _, s := range tokens[n] {
					e.Value.Items = append(e.Value.Items, model.Value{Kind: model.Str, Str: s})
				}
			}
			entries = append(entries, e)
		}
		index := pywikibot.NewAuthIndex(entries)
		marked := shadowHosts(index, entries)
		if marked == nil {
			skipped++
		}
		for h, host := range hosts {
			if _, _, ok := shadowing(index, host); ok {
				found++
				if marked == nil || !marked[h] {
					t.Fatalf("keys %v shadow at %s, which shadowHosts leaves out",
						keysOf(entries), host)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no draw made a shadow; the test proves nothing")
	}
	t.Logf("%d shadows; %d of 1000 dicts skipped the walk", found, skipped)
}

func keysOf(entries []model.Entry) []string {
	var keys []string
	for _, e := range entries {
		keys = append(keys, e.Name())
	}
	return keys
}
