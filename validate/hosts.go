package validate

import (
	"slices"
	"strings"
	"sync"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// keySites maps every authenticate key that some known site can be served
// by to those sites: "*.wikipedia.org" to every Wikipedia, "*" to all.
var keySites = sync.OnceValue(func() map[string][]pywikibot.Site {
	m := make(map[string][]pywikibot.Site)
	for _, host := range pywikibot.Hosts() {
		sites := pywikibot.SitesByHost(host)
		for _, key := range pywikibot.AuthKeys(host) {
			m[key] = append(m[key], sites...)
		}
	}
	return m
})

// wildcardKeys lists the "*." keys of keySites, sorted, for suggestions.
var wildcardKeys = sync.OnceValue(func() []string {
	var keys []string
	for k := range keySites() {
		if strings.HasPrefix(k, "*.") {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
})

// sitesOf returns the known sites an authenticate key can serve.
func sitesOf(key string) []pywikibot.Site { return keySites()[key] }

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
	for _, s := range sitesOf(intendedKey(key)) {
		if f, ok := pywikibot.LookupFamily(s.Family); ok && f.Wikimedia {
			return true
		}
	}
	return false
}

// intendedKey repairs the slips that keep a key from matching: white
// space, a scheme, a path, upper case, a port on a known host, a "*"
// without its dot.
func intendedKey(key string) string {
	k := strings.ToLower(strings.Join(strings.Fields(key), ""))
	if _, rest, ok := strings.Cut(k, "://"); ok {
		k = rest
	}
	if i := strings.IndexByte(k, '/'); i >= 0 {
		k = k[:i]
	}
	if host, _, ok := strings.Cut(k, ":"); ok && len(sitesOf(host)) > 0 {
		k = host
	}
	if rest, ok := strings.CutPrefix(k, "*"); ok && rest != "" && rest[0] != '.' {
		k = "*." + rest
	}
	return k
}

// authEntries returns the file's authenticate entries, each with its key.
func authEntries(cfg *model.Config) []model.Entry {
	var out []model.Entry
	for _, e := range cfg.Authenticate {
		if len(e.Path) == 2 && e.Path[0] == "authenticate" {
			out = append(out, e)
		}
	}
	return out
}

// hasAuthKey reports whether the file sets authenticate[key].
func hasAuthKey(cfg *model.Config, key string) bool {
	return slices.ContainsFunc(authEntries(cfg), func(e model.Entry) bool { return e.Name() == key })
}

// userFamilies reports whether the file brings families of its own, whose
// hosts pwbconf cannot know.
func userFamilies(cfg *model.Config) bool {
	if e, ok := cfg.Setting("family_files"); ok && len(e.Value.Keys) > 0 {
		return true
	}
	return len(cfg.FamilyFolders) > 0
}
