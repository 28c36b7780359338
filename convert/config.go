package convert

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// Config is a converted configuration with every reference to the
// environment resolved: what a Go program needs to log in where Pywikibot
// would, with the same account and the same tokens.
type Config struct {
	// Family and Mylang are as the file set them, "" when it did not (or
	// set them to something that is not a string).
	Family, Mylang string
	// Usernames holds usernames[family][code] as written, before
	// Pywikibot's normalisation; entries that are not strings are left
	// out here but still count in [Config.Username].
	Usernames map[string]map[string]string
	// Authenticate holds every authenticate entry by its key, including
	// those Pywikibot skips; [Config.Credentials] applies its rules.
	Authenticate map[string]Auth
	// Settings holds every other setting as Go values: string, int64 (or
	// *big.Int beyond it), float64, bool, nil, []any and map[string]any.
	Settings map[string]any

	cfg *model.Config
}

// Auth is one authenticate entry. For OAuth 1.0a the four token fields
// are set; for HTTP basic auth, User and Password.
type Auth struct {
	// Key is the authenticate key, a host pattern such as "*.wikipedia.org".
	Key                           string
	ConsumerToken, ConsumerSecret string
	AccessToken, AccessSecret     string
	User, Password                string
	// Items is the value's length as Pywikibot counts it: 4 for OAuth, 2
	// for basic auth; any other length is an entry Pywikibot skips.
	Items int
	// Skipped lists, for a result of [Config.Credentials], the keys tried
	// before Key whose value had neither length; Pywikibot warns of each.
	Skipped []string
}

// OAuth reports whether a holds an OAuth 1.0a token set.
func (a Auth) OAuth() bool { return a.Items == 4 }

// ErrNoUsername and ErrNoCredentials are what [Config.Username] and
// [Config.Credentials] wrap when nothing in the config serves the site.
var (
	ErrNoUsername    = errors.New("no username")
	ErrNoCredentials = errors.New("no credentials")
)

// LoadOption changes how [Load] and [Parse] resolve a document.
type LoadOption func(*loadOptions)

type loadOptions struct {
	lookup func(string) (string, bool)
}

// WithLookup makes references to the environment read from lookup instead
// of the process environment.
func WithLookup(lookup func(name string) (string, bool)) LoadOption {
	return func(o *loadOptions) { o.lookup = lookup }
}

// Load reads and resolves a converted file, YAML or JSON.
func Load(path string, opts ...LoadOption) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parse(data, path, opts)
}

// Parse resolves a converted document, YAML or JSON. Every "${NAME}" is
// looked up (in the process environment unless [WithLookup] says
// otherwise), and every {"$env": NAME, "$default": D} too, which gives D
// where NAME is unset, as os.environ.get(NAME, D) does in Pywikibot (nil
// for a null D, as os.environ.get(NAME) gives None); when
// some are missing, or the document holds redacted or unresolved values
// (a redacted default counts where its variable is unset), the error is a
// *ResolveError naming all of them.
func Parse(data []byte, opts ...LoadOption) (*Config, error) {
	return parse(data, "config", opts)
}

func parse(data []byte, name string, opts []LoadOption) (*Config, error) {
	o := loadOptions{lookup: os.LookupEnv}
	for _, opt := range opts {
		opt(&o)
	}
	cfg, err := Decode(data, name)
	if err != nil {
		return nil, err
	}
	if err := resolve(cfg, o.lookup); err != nil {
		return nil, err
	}
	return newConfig(cfg), nil
}

// ResolveError lists everything that kept a document from resolving.
type ResolveError struct {
	File string
	// Missing are the environment variables referred to and not set.
	Missing []string
	// Redacted and Unresolved name the entries holding a redacted secret
	// or a value pwbconf could not know when it converted the file.
	Redacted, Unresolved []string
}

func (e *ResolveError) Error() string {
	var parts []string
	if len(e.Missing) > 0 {
		parts = append(parts, "environment variables not set: "+strings.Join(e.Missing, ", "))
	}
	if len(e.Redacted) > 0 {
		parts = append(parts, "redacted secrets in "+strings.Join(e.Redacted, ", ")+
			" (convert again with --secrets env)")
	}
	if len(e.Unresolved) > 0 {
		parts = append(parts, "values unknown at conversion in "+strings.Join(e.Unresolved, ", "))
	}
	return e.File + ": " + strings.Join(parts, "; ")
}

// resolve replaces every reference in cfg by its variable's value.
func resolve(cfg *model.Config, lookup func(string) (string, bool)) error {
	rerr := &ResolveError{File: cfg.File}
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Usernames, cfg.Authenticate} {
		for i, e := range list {
			list[i].Value = mapEnvReads(e.Value, func(v model.Value) model.Value {
				name, env := EnvName(v)
				if def, ok := envDefaultName(v); ok {
					name, env = def, true
				}
				if def, ok := redactedDefaultName(v); ok {
					name, env = def, true
				}
				orNone, isOrNone := orNoneName(v)
				if isOrNone {
					name, env = orNone, true
				}
				if env {
					if s, ok := lookup(name); ok {
						return model.Value{Kind: model.Str, Str: s}
					}
				}
				switch {
				case isOrNone:
					return model.Value{Kind: model.None}
				case v.Kind == model.Str:
					// The default, as Python gives it where the variable
					// is unset.
					v.Source = ""
					return v
				case IsRedacted(v):
					rerr.Redacted = append(rerr.Redacted, entryLabel(e))
				case env:
					rerr.Missing = append(rerr.Missing, name)
				default:
					rerr.Unresolved = append(rerr.Unresolved, entryLabel(e)+" ("+v.Source+")")
				}
				return v
			})
		}
	}
	for _, l := range []*[]string{&rerr.Missing, &rerr.Redacted, &rerr.Unresolved} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
	}
	if len(rerr.Missing)+len(rerr.Redacted)+len(rerr.Unresolved) > 0 {
		return rerr
	}
	return nil
}

// mapEnvReads returns a copy of v with every Unknown, and every str that
// is the default of an environment read, replaced by fn's result.
func mapEnvReads(v model.Value, fn func(model.Value) model.Value) model.Value {
	return mapValues(v, func(v model.Value) bool {
		_, def := envDefaultName(v)
		return def || v.Kind == model.Unknown
	}, fn)
}

func newConfig(cfg *model.Config) *Config {
	c := &Config{
		Usernames:    map[string]map[string]string{},
		Authenticate: map[string]Auth{},
		Settings:     map[string]any{},
		cfg:          cfg,
	}
	c.Family, _ = cfg.Str("family")
	c.Mylang, _ = cfg.Str("mylang")
	for _, e := range cfg.Settings {
		if !isTop(e) {
			c.Settings[e.Name()] = goValue(e.Value)
		}
	}
	for _, e := range cfg.Usernames {
		if e.Value.Kind != model.Str {
			continue
		}
		fam := e.Path[1]
		if c.Usernames[fam] == nil {
			c.Usernames[fam] = map[string]string{}
		}
		c.Usernames[fam][e.Path[2]] = e.Value.Str
	}
	for _, e := range cfg.Authenticate {
		c.Authenticate[e.Name()], _ = newAuth(e)
	}
	return c
}

// newAuth reads an entry's items the way Pywikibot unpacks them; ok is
// false when one of them is not a string.
func newAuth(e model.Entry) (a Auth, ok bool) {
	a.Key = e.Name()
	n, _ := pywikibot.ValueLen(e.Value)
	a.Items = n
	var items []string
	switch e.Value.Kind {
	case model.Str:
		for _, r := range e.Value.Str {
			items = append(items, string(r))
		}
	case model.Tuple, model.List:
		for _, it := range e.Value.Items {
			if it.Kind != model.Str {
				return a, false
			}
			items = append(items, it.Str)
		}
	default:
		return a, false
	}
	switch len(items) {
	case 4:
		a.ConsumerToken, a.ConsumerSecret = items[0], items[1]
		a.AccessToken, a.AccessSecret = items[2], items[3]
	case 2:
		a.User, a.Password = items[0], items[1]
	}
	return a, true
}

// Username returns the name Pywikibot logs in with on the site
// family:code: usernames['*'] overlaid with usernames[family], then the
// code's entry or the '*' entry, normalised as Pywikibot does. The code
// is used as given. The error wraps [ErrNoUsername] when no entry serves
// the site.
func (c *Config) Username(family, code string) (string, error) {
	r := pywikibot.Username(pywikibot.NewUsernames(c.cfg.Usernames), family, code)
	switch {
	case !r.Found():
		return "", fmt.Errorf("%s:%s: %w", family, code, ErrNoUsername)
	case r.NotString():
		return "", fmt.Errorf("%s:%s: %s is a %s, not a string; Pywikibot fails with TypeError",
			family, code, entryLabel(*r.Entry), r.Entry.Value.TypeName())
	case r.Blank():
		return "", fmt.Errorf("%s:%s: %s holds only blanks; Pywikibot cannot log in with it",
			family, code, entryLabel(*r.Entry))
	}
	return r.Name, nil
}

// Credentials returns the authenticate entry Pywikibot uses for a URL (or
// a bare host): the first present key among the host itself, "*." and
// the host minus one, two, ... leading labels, and "*", skipping keys
// whose value has neither 4 items (OAuth) nor 2 (basic auth). The error
// wraps [ErrNoCredentials] when no key serves the URL.
func (c *Config) Credentials(url string) (Auth, error) {
	m := pywikibot.MatchAuth(c.cfg.Authenticate, url)
	var skipped []string
	for _, e := range m.Skipped {
		skipped = append(skipped, e.Name())
	}
	if m.Entry == nil {
		return Auth{Skipped: skipped}, fmt.Errorf("%s: %w", url, ErrNoCredentials)
	}
	a, ok := newAuth(*m.Entry)
	a.Skipped = skipped
	if !ok {
		return a, fmt.Errorf("%s: %s holds an item that is not a string",
			url, entryLabel(*m.Entry))
	}
	return a, nil
}

// goValue turns a resolved value into plain Go data.
func goValue(v model.Value) any {
	switch v.Kind {
	case model.Str:
		return v.Str
	case model.Int:
		if v.Int == nil {
			return int64(0)
		}
		if v.Int.IsInt64() {
			return v.Int.Int64()
		}
		return v.Int
	case model.Float:
		return v.Float
	case model.Bool:
		return v.Bool
	case model.Tuple, model.List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = goValue(it)
		}
		return out
	case model.Dict:
		out := make(map[string]any, len(v.Keys))
		for i, k := range v.Keys {
			out[k] = goValue(v.Values[i])
		}
		return out
	}
	return nil
}
