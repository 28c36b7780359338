package convert

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// FuzzRoundTrip builds a model from the fuzzer's bytes and checks that it
// comes back unchanged through YAML, JSON and the written Python.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("family mylang usernames"), "ExampleBot")
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, "a4c123b1612dd272")
	f.Add([]byte{200, 3, 9, 9, 9, 7, 7, 1, 250, 251, 252, 4, 4, 4}, "$${X}\n' \"é\\")
	f.Add([]byte{8, 8, 8, 8, 8, 8, 8, 8, 6, 6, 6, 5, 5}, "${HOME}")
	f.Add([]byte{1, 1, 0, 3, 1, 6, 3, 4, 1, 0, 5, 1, 0, 3, 4, 1, 0, 2, 1, 0, 1, 0, 1, 0, 7, 1, 0,
		1, 1, 0, 4}, "{$env: X}\n'}")
	f.Fuzz(func(t *testing.T, shape []byte, text string) {
		g := &gen{data: shape, text: strings.ToValidUTF8(text, "?")}
		roundTrip(t, g.config())
	})
}

// gen turns bytes into a model of the shapes a user-config.py makes.
type gen struct {
	data  []byte
	text  string
	depth int
}

func (g *gen) next() int {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return int(b)
}

// settingNames mixes variables Pywikibot knows, with their types of
// default, and names it does not.
var settingNames = []string{"socket_timeout", "put_throttle", "extra_headers", "db_password",
	"log", "maxlag", "custom_value", "x1"}

func (g *gen) config() *model.Config {
	cfg := &model.Config{}
	if g.next()%2 == 1 {
		cfg.Settings = append(cfg.Settings, model.Entry{Path: []string{"family"}, Value: g.str()})
	}
	seen := map[string]bool{}
	for range g.next() % 6 {
		name := settingNames[g.next()%len(settingNames)]
		if seen[name] {
			continue
		}
		seen[name] = true
		cfg.Settings = append(cfg.Settings, model.Entry{
			Path: []string{name}, Value: g.value(), Secret: name == "db_password"})
	}
	for i := range g.next() % 4 {
		cfg.Usernames = append(cfg.Usernames, model.Entry{
			Path:  []string{"usernames", g.key(), g.key() + strconv.Itoa(i)},
			Value: g.scalar(),
		})
	}
	for i := range g.next() % 4 {
		var v model.Value
		switch g.next() % 3 {
		case 0:
			v = tuple(g.str(), g.secret(), g.str(), g.secret())
		case 1:
			v = tuple(g.str(), g.secret())
		default:
			v = g.value()
		}
		cfg.Authenticate = append(cfg.Authenticate, authEntry(g.key()+strconv.Itoa(i), v))
	}
	return cfg
}

// maxKey keeps generated keys within what the JSON output can carry back:
// the YAML reader that decodes JSON takes at most 1,024 characters of
// written key, escapes included (six for a control character), which no
// real family, code or host pattern comes near.
const maxKey = 150

func (g *gen) key() string {
	keys := []string{"*", "*.wikipedia.org", "wikipedia", "en", "$x", g.text}
	k := keys[g.next()%len(keys)]
	if r := []rune(k); len(r) > maxKey {
		k = string(r[:maxKey])
	}
	return k
}

func (g *gen) str() model.Value {
	switch g.next() % 5 {
	case 0:
		return EnvValue("PWB_" + strconv.Itoa(g.next()))
	case 1:
		// The default of a read the check could not answer. An empty one
		// is left out: the evaluator marks an empty default only when its
		// statement holds no other empty str (see parser's
		// markEmptyDefaults), which a generated value often does.
		if g.text != "" && g.next()%2 == 0 {
			return envDefault("PWB_"+strconv.Itoa(g.next()%8), g.text)
		}
	}
	if g.next()%3 == 0 {
		return str("${PWB_LIKE}")
	}
	return str(g.text)
}

func (g *gen) secret() model.Value { return g.str() }

func (g *gen) scalar() model.Value {
	switch g.next() % 8 {
	case 0:
		if g.next()%2 == 0 {
			// A read that gives None where its variable is unset.
			return orNone("PWB_" + strconv.Itoa(g.next()%8))
		}
		return model.Value{Kind: model.None}
	case 1:
		return model.Value{Kind: model.Bool, Bool: g.next()%2 == 0}
	case 2:
		i := big.NewInt(int64(g.next()) - 128)
		if g.next()%4 == 0 {
			i.Lsh(i, 80)
		}
		return model.Value{Kind: model.Int, Int: i}
	case 3:
		floats := []float64{0.1, -2.5, 1e16, 1e-5, 3.0, math.Inf(1), math.Inf(-1), math.NaN(), 6.05}
		return model.Value{Kind: model.Float, Float: floats[g.next()%len(floats)]}
	}
	return g.str()
}

func (g *gen) value() model.Value {
	if g.depth > 3 {
		return g.scalar()
	}
	g.depth++
	defer func() { g.depth-- }()
	switch k := g.next() % 7; k {
	case 0, 1:
		kind := model.Tuple
		if k == 1 {
			kind = model.List
		}
		v := model.Value{Kind: kind}
		for range g.next() % 4 {
			v.Items = append(v.Items, g.value())
		}
		return v
	case 2:
		// The evaluator hands dict keys over sorted.
		v := model.Value{Kind: model.Dict}
		for range g.next() % 4 {
			v.Keys = append(v.Keys, g.key())
		}
		slices.Sort(v.Keys)
		v.Keys = slices.Compact(v.Keys)
		for range v.Keys {
			v.Values = append(v.Values, g.value())
		}
		return v
	}
	return g.scalar()
}
