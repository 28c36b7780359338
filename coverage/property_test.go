package coverage

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/model"
)

// The oracle below is written from the description of Pywikibot's lookups
// alone, without the pywikibot package, so that the two can disagree.

func oracleTruthy(v model.Value) bool {
	switch v.Kind {
	case model.Str:
		return v.Str != ""
	case model.Tuple:
		return len(v.Items) > 0
	}
	return true
}

// oracleUser is pywikibot.Site's lookup: a copy of usernames['*'] updated
// with usernames[family], then [code] or ['*'] if that is falsy.
func oracleUser(entries []model.Entry, family, code string) (model.Value, bool) {
	d := map[string]model.Value{}
	for _, fam := range []string{"*", family} {
		for _, e := range entries {
			if e.Path[1] == fam {
				d[e.Path[2]] = e.Value
			}
		}
	}
	if v, ok := d[code]; ok && oracleTruthy(v) {
		return v, true
	}
	v, ok := d["*"]
	return v, ok && oracleTruthy(v)
}

// oracleAuth is the authenticate lookup for a host: the host itself, then
// "*." and the host without its first label, without its first two, ...,
// then "*", stopping at the first key whose value has 2 or 4 items.
func oracleAuth(entries []model.Entry, host string) (key string, n int) {
	values := map[string]model.Value{}
	for _, e := range entries {
		values[e.Path[1]] = e.Value
	}
	labels := strings.Split(host, ".")
	tries := []string{host}
	for i := 1; i < len(labels); i++ {
		tries = append(tries, "*."+strings.Join(labels[i:], "."))
	}
	for _, k := range append(tries, "*") {
		v, ok := values[k]
		if !ok {
			continue
		}
		switch v.Kind {
		case model.Unknown:
			return k, 4
		case model.Str:
			n = utf8.RuneCountInString(v.Str)
		default:
			n = len(v.Items)
		}
		if n == 2 || n == 4 {
			return k, n
		}
	}
	return "", 0
}

func oracleVerdict(user model.Value, hasUser bool, n int) Verdict {
	hasUser = hasUser && (user.Kind == model.Str || user.Kind == model.Unknown)
	switch {
	case n == 4 && hasUser:
		return OAuth
	case n == 4:
		return OAuthNoUser
	case n == 2:
		return Basic
	case hasUser:
		return UserOnly
	}
	return None
}

var (
	propFamilies = []string{"*", "*", "wikipedia", "wikidata", "commons", "meta", "wikisource",
		"wikivoyage", "mediawiki", "osm", "wikimania"}
	propCodes = []string{"*", "*", "en", "de", "commons", "wikidata", "test", "mul", "beta",
		"nb", "no", "mediawiki", "2005", "EN"}
	propKeys = []string{"*", "*.org", "*.wikipedia.org", "en.wikipedia.org", "*.wikimedia.org",
		"commons.wikimedia.org", "*.beta.wmcloud.org", "wikisource.org", "*.wikisource.org",
		"mul.wikisource.org", "*.wikidata.org", "www.wikidata.org", "*.com", "*.fandom.com",
		"wiki.openstreetmap.org", "*.mediawiki.org", "test.wikipedia.org", "*.net"}
)

func propValue(r *rand.Rand, auth bool) model.Value {
	if r.IntN(8) == 0 {
		return model.Value{Kind: model.Unknown, Source: "env:X"}
	}
	if !auth {
		switch r.IntN(6) {
		case 0:
			return str("")
		case 1:
			return tuple(str("ExampleBot"))
		}
		return str(fmt.Sprintf("bot_%d", r.IntN(3)))
	}
	if r.IntN(8) == 0 {
		return str(strings.Repeat("x", r.IntN(6)))
	}
	items := make([]model.Value, r.IntN(6))
	for i := range items {
		items[i] = str(fmt.Sprint("t", i))
		if r.IntN(10) == 0 {
			items[i] = model.Value{Kind: model.Unknown, Source: "env:T"}
		}
	}
	return tuple(items...)
}

func propConfig(r *rand.Rand) *model.Config {
	cfg := &model.Config{File: "generated.py"}
	for i := range r.IntN(7) {
		cfg.Usernames = append(cfg.Usernames, model.Entry{
			Path:  []string{"usernames", propFamilies[r.IntN(len(propFamilies))], propCodes[r.IntN(len(propCodes))]},
			Value: propValue(r, false), Pos: model.Pos{Line: i + 1, Col: 1},
		})
	}
	for i := range r.IntN(6) {
		cfg.Authenticate = append(cfg.Authenticate, model.Entry{
			Path:  []string{"authenticate", propKeys[r.IntN(len(propKeys))]},
			Value: propValue(r, true), Pos: model.Pos{Line: 20 + i, Col: 1}, Secret: true,
		})
	}
	// A later entry for the same key replaces the earlier one, as in the
	// model, where each key is set once.
	cfg.Usernames = lastPerPath(cfg.Usernames)
	cfg.Authenticate = lastPerPath(cfg.Authenticate)
	return cfg
}

func lastPerPath(entries []model.Entry) []model.Entry {
	var out []model.Entry
	seen := map[string]int{}
	for _, e := range entries {
		k := strings.Join(e.Path, "\x00")
		if i, ok := seen[k]; ok {
			out[i] = e
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	return out
}

func TestAgreesWithOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		cfg := propConfig(r)
		rep := Compute(cfg)
		for _, s := range rep.Sites {
			user, hasUser := oracleUser(cfg.Usernames, s.Family, s.Code)
			key, n := oracleAuth(cfg.Authenticate, s.Host)
			want := oracleVerdict(user, hasUser, n)
			if s.Verdict != want || s.AuthKey != key {
				t.Fatalf("round %d, %s: verdict %s key %q, oracle %s %q\nusernames %+v\nauthenticate %+v",
					round, s.ID(), s.Verdict, s.AuthKey, want, key, cfg.Usernames, cfg.Authenticate)
			}
			if hasUser && user.Kind == model.Str && s.UserState != UserOK {
				t.Fatalf("round %d, %s: username state %s for %q", round, s.ID(), s.UserState, user.Str)
			}
		}
	}
}
