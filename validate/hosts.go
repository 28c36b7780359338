package validate

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// keyReach is what an authenticate key reaches among the known sites.
type keyReach struct {
	// first is the first site served at the first host, in the order of
	// pywikibot.Hosts, that tries the key.
	first pywikibot.Site
	// wikimedia is set when a site the key reaches is hosted by Wikimedia.
	wikimedia bool
}

// reachTable holds what the keys that serve known sites reach. A key
// naming a host reaches the sites of that host, which pywikibot already
// indexes; only the wildcards are worked out here.
type reachTable struct {
	// domains maps the domain of each "*." key, "wikipedia.org" for
	// "*.wikipedia.org", to what the key reaches.
	domains map[string]*keyReach
	// all is what "*" reaches.
	all keyReach
}

var reaches = sync.OnceValue(newReachTable)

func newReachTable() *reachTable {
	hosts := pywikibot.Hosts()
	t := &reachTable{domains: make(map[string]*keyReach, len(hosts)/4)}
	t.all = keyReach{first: pywikibot.SitesByHost(hosts[0])[0],
		wikimedia: slices.ContainsFunc(pywikibot.Families(), func(f *pywikibot.Family) bool {
			return f.Wikimedia && len(f.Sites) > 0
		})}
	for _, host := range hosts {
		// Hosts of one domain are many and its reach is known after the
		// first, so the host's sites are looked up only when needed.
		var sites []pywikibot.Site
		wikimedia := false
		for domain := range pywikibot.Domains(host) {
			r := t.domains[domain]
			if r != nil && r.wikimedia {
				// Each wider domain reaches Wikimedia too.
				break
			}
			if sites == nil {
				sites = pywikibot.SitesByHost(host)
				wikimedia = slices.ContainsFunc(sites, wikimediaSite)
			}
			if r == nil {
				r = &keyReach{first: sites[0]}
				t.domains[domain] = r
			} else if !wikimedia {
				// The wider domains are known, and learn nothing.
				break
			}
			r.wikimedia = wikimedia
		}
	}
	return t
}

// wikimediaSite reports whether the Wikimedia Foundation hosts s.
func wikimediaSite(s pywikibot.Site) bool {
	f, ok := pywikibot.LookupFamily(s.Family)
	return ok && f.Wikimedia
}

// wildcardKeys lists the "*." keys that serve known sites, sorted, for
// suggestions.
var wildcardKeys = sync.OnceValue(func() []string {
	keys := make([]string, 0, len(reaches().domains))
	for domain := range reaches().domains {
		keys = append(keys, "*."+domain)
	}
	slices.Sort(keys)
	return keys
})

// reachOf returns what an authenticate key reaches; ok is false when it
// serves no known site.
func reachOf(key string) (r keyReach, ok bool) {
	if key == "*" {
		return reaches().all, true
	}
	if domain, wild := strings.CutPrefix(key, "*."); wild {
		if r := reaches().domains[domain]; r != nil {
			return *r, true
		}
		return r, false
	}
	// Host names are lower case, and a key matches only as it is written.
	sites := pywikibot.SitesByHost(key)
	if len(sites) == 0 || strings.ToLower(key) != key {
		return r, false
	}
	return keyReach{first: sites[0], wikimedia: slices.ContainsFunc(sites, wikimediaSite)}, true
}

// servesSites reports whether an authenticate key can serve a known site.
func servesSites(key string) bool {
	_, ok := reachOf(key)
	return ok
}

// catchAll reports whether key hands its value to hosts of any domain: "*"
// itself, or a wildcard over a whole top-level domain such as "*.org".
func catchAll(key string) bool {
	if key == "*" {
		return true
	}
	rest, ok := strings.CutPrefix(key, "*.")
	return ok && rest != "" && !strings.ContainsAny(rest, ".*")
}

// onWikimedia reports whether the key, read as its writer most likely
// meant it, serves some site hosted by Wikimedia. Token shapes are held
// to Wikimedia's formats for such keys.
func onWikimedia(key string) bool {
	r, _ := reachOf(intendedKey(key))
	return r.wikimedia
}

// intendedKey repairs the slips that keep a key from matching: white
// space, a scheme, a path, upper case, a port on a known host, a "*"
// without its dot.
func intendedKey(key string) string {
	k := key
	if strings.IndexFunc(k, unicode.IsSpace) >= 0 {
		k = strings.Join(strings.Fields(k), "")
	}
	k = strings.ToLower(k)
	if _, rest, ok := strings.Cut(k, "://"); ok {
		k = rest
	}
	if i := strings.IndexByte(k, '/'); i >= 0 {
		k = k[:i]
	}
	if host, _, ok := strings.Cut(k, ":"); ok && servesSites(host) {
		k = host
	}
	if rest, ok := strings.CutPrefix(k, "*"); ok && rest != "" && rest[0] != '.' {
		k = "*." + rest
	}
	return k
}

// authEntries returns the file's authenticate entries, each with its key:
// nearly always the whole of cfg.Authenticate, which is then returned
// itself.
func authEntries(cfg *model.Config) []model.Entry {
	noKey := func(e model.Entry) bool { return len(e.Path) != 2 || e.Path[0] != "authenticate" }
	if !slices.ContainsFunc(cfg.Authenticate, noKey) {
		return cfg.Authenticate
	}
	return slices.DeleteFunc(slices.Clone(cfg.Authenticate), noKey)
}

// userFamilies reports whether the file brings families of its own, whose
// hosts pwbconf cannot know.
func userFamilies(cfg *model.Config) bool {
	if e, ok := cfg.Setting("family_files"); ok && len(e.Value.Keys) > 0 {
		return true
	}
	return len(cfg.FamilyFolders) > 0
}
