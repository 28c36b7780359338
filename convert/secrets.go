package convert

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/joho/godotenv"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// SecretMode says what a converted document holds in place of a secret:
// an OAuth token, a password, any string of a value Pywikibot keeps
// private.
type SecretMode int

// The secret modes. Values a config read from the environment are
// references whatever the mode: they never were secrets in the file.
const (
	// Redact writes a {"$redacted": true} marker and keeps no value.
	Redact SecretMode = iota
	// Env writes a reference to an environment variable named after the
	// entry and hands the value over in Document.Env, for a .env file.
	Env
	// Inline writes the secret itself.
	Inline
)

var secretModeNames = []string{"redact", "env", "inline"}

// String returns the name ParseSecretMode reads.
func (m SecretMode) String() string {
	if int(m) < len(secretModeNames) {
		return secretModeNames[m]
	}
	return "SecretMode(" + strconv.Itoa(int(m)) + ")"
}

// ParseSecretMode reads "redact", "env" or "inline".
func ParseSecretMode(name string) (SecretMode, error) {
	for i, n := range secretModeNames {
		if n == name {
			return SecretMode(i), nil
		}
	}
	return 0, fmt.Errorf("unknown secret mode %q (want redact, env or inline)", name)
}

// EnvVar is one variable of the .env file that Env mode writes.
type EnvVar struct {
	Name, Value string
}

// The names of an OAuth token set's four items and of basic auth's two,
// in Pywikibot's order.
var (
	oauthFields = []string{"consumer_token", "consumer_secret", "access_token", "access_secret"}
	basicFields = []string{"user", "password"}
)

// isSecret reports whether an entry's strings are secrets: the model marks
// authenticate values so, Pywikibot marks some variables private, and a
// setting may be a credential by its name (model.CredentialSetting), which
// a document read back has no mark for.
func isSecret(e model.Entry) bool {
	if e.Secret {
		return true
	}
	if len(e.Path) != 1 {
		return false
	}
	v, ok := pywikibot.LookupVariable(e.Path[0])
	return ok && v.Private || model.CredentialSetting(e.Path[0], pywikibot.IsKnown(e.Path[0]), e.Value)
}

// secretNamer hands out variable names, never one the config already reads
// and never one twice.
type secretNamer struct {
	taken map[string]bool
}

func newSecretNamer(cfg *model.Config) *secretNamer {
	n := &secretNamer{taken: map[string]bool{}}
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Usernames, cfg.Authenticate} {
		for _, e := range list {
			walkValues(e.Value, func(v model.Value) {
				if name, ok := envRead(v); ok {
					n.taken[name] = true
				}
			})
		}
	}
	return n
}

// group returns base+suffix for each suffix, with base changed to base_2,
// base_3, ... until no name of the group is taken, so that the names of one
// entry keep a common stem.
func (n *secretNamer) group(base string, suffixes []string) []string {
	for i := 1; ; i++ {
		stem := base
		if i > 1 {
			stem += "_" + strconv.Itoa(i)
		}
		names := make([]string, len(suffixes))
		free := true
		for j, s := range suffixes {
			names[j] = stem + s
			free = free && !n.taken[names[j]]
		}
		if free {
			for _, name := range names {
				n.taken[name] = true
			}
			return names
		}
	}
}

var nonWord = regexp.MustCompile(`[^A-Z0-9]+`)

// HostVarPart derives the part of a variable name that stands for an
// authenticate key: "*.wikipedia.org" gives WIKIPEDIA_ORG and "*" gives
// ALL. Keys that differ only in a leading "*." share a part; the names
// built from it are told apart by a number.
func HostVarPart(key string) string {
	if key == "*" {
		return "ALL"
	}
	part := nonWord.ReplaceAllString(strings.ToUpper(strings.TrimPrefix(key, "*.")), "_")
	if part = strings.Trim(part, "_"); part == "" {
		return "HOST"
	}
	return part
}

// settingVarPart derives the part of a variable name for a setting.
func settingVarPart(name string) string {
	part := strings.Trim(nonWord.ReplaceAllString(strings.ToUpper(name), "_"), "_")
	if part == "" {
		return "SETTING"
	}
	return part
}

// envRead returns the variable v reads, with or without a default.
func envRead(v model.Value) (string, bool) {
	if name, ok := EnvName(v); ok {
		return name, ok
	}
	if name, ok := envDefaultName(v); ok {
		return name, ok
	}
	if name, ok := orNoneName(v); ok {
		return name, ok
	}
	return redactedDefaultName(v)
}

// isRead reports whether v is an Unknown value that stands for a read of
// a variable, with or without a default: what the format writes as a
// reference rather than a value.
func isRead(v model.Value) bool {
	_, env := EnvName(v)
	_, orNone := orNoneName(v)
	return env || orNone
}

// noDefault stands, among the defaults a variable is read with, for a
// read without one.
const noDefault = "\x00none"

// envDefaults returns, for each variable the config reads, the defaults it
// is read with; a read without a default, or with None, counts as
// noDefault. A redacted
// default (only a document read back holds one) counts as no default.
func envDefaults(cfg *model.Config) map[string][]string {
	out := map[string][]string{}
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Usernames, cfg.Authenticate} {
		for _, e := range list {
			walkValues(e.Value, func(v model.Value) {
				name, ok := envRead(v)
				if !ok {
					return
				}
				def := noDefault
				if _, isDef := envDefaultName(v); isDef {
					def = v.Str
				}
				if !slices.Contains(out[name], def) {
					out[name] = append(out[name], def)
				}
			})
		}
	}
	return out
}

// hideSecrets replaces, in place, the strings of every secret entry as
// mode says, and returns the variables Env mode must write.
func hideSecrets(cfg *model.Config, mode SecretMode) []EnvVar {
	if mode == Inline {
		return nil
	}
	h := &hider{mode: mode, names: newSecretNamer(cfg), secrets: secretTexts(cfg),
		defaults: envDefaults(cfg), given: map[string]bool{}}
	// Keys that hold the very same tokens (the manual's layout gives one
	// set to eleven domains) share one set of variables, named after the
	// first such key: a .env of 44 variables for one token set hides that
	// it is one, and invites updating three copies of four.
	shared := map[string]model.Value{}
	for i, e := range cfg.Authenticate {
		if !isSecret(e) {
			continue
		}
		sig, ok := tokenSignature(e.Value)
		if hidden, seen := shared[sig]; ok && seen {
			cfg.Authenticate[i].Value = reuse(hidden)
			continue
		}
		cfg.Authenticate[i].Value = h.hide(e.Value, h.authNames(e))
		if ok {
			shared[sig] = cfg.Authenticate[i].Value
		}
	}
	for i, e := range cfg.Settings {
		base := "PWB_" + settingVarPart(e.Name())
		switch {
		case e.Path[0] == "extra_headers" && e.Value.Kind == model.Dict:
			cfg.Settings[i].Value = h.leaks(h.hideHeaders(e.Value), base)
		case isSecret(e):
			cfg.Settings[i].Value = h.hide(e.Value, h.numbered(base, e.Value))
		default:
			cfg.Settings[i].Value = h.leaks(e.Value, base)
		}
	}
	for i, e := range cfg.Usernames {
		base := "PWB_USERNAME_" + settingVarPart(strings.Join(e.Path[1:], "_"))
		cfg.Usernames[i].Value = h.leaks(e.Value, base)
	}
	return h.vars
}

// secretTexts returns the strings of every entry convert hides: a copy of
// one of them anywhere else in the config is as secret as the original,
// unless the config shows it to be public (model.Config.PublicTexts): a
// password that equals the family hides no family.
func secretTexts(cfg *model.Config) []string {
	public := cfg.PublicTexts()
	out := cfg.SecretsBeside(public)
	for _, e := range cfg.Settings {
		if isSecret(e) {
			out = append(out, e.Value.Strings()...)
		}
	}
	return slices.DeleteFunc(out, func(s string) bool { return strings.TrimSpace(s) == "" || public[s] })
}

// leaky reports whether s equals or holds a secret, or a URL with a
// password, which a secret that short need not be to be one.
func (h *hider) leaky(s string) bool {
	return len(model.URLPasswords(s)) > 0 || slices.ContainsFunc(h.secrets, func(secret string) bool {
		return strings.Contains(s, secret)
	})
}

// leaks hides, in a value that is not itself secret, each str that holds a
// secret: a helper variable the tokens were built from, or a username that
// repeats a token, would otherwise carry it into the document in the clear.
func (h *hider) leaks(v model.Value, base string) model.Value {
	n := 0
	walkValues(v, func(it model.Value) {
		if it.Kind == model.Str && h.leaky(it.Str) {
			n++
		}
	})
	if n == 0 {
		return v
	}
	suffixes := []string{""}
	if n > 1 {
		suffixes = make([]string, n)
		for i := range suffixes {
			suffixes[i] = "_" + strconv.Itoa(i+1)
		}
	}
	names := h.names.group(base, suffixes)
	next := 0
	return mapStrings(v, func(s model.Value) model.Value {
		if !h.leaky(s.Str) {
			return s
		}
		next++
		return h.one(s, names[next-1])
	})
}

// hideHeaders hides the values extra_headers sends under headers that carry
// credentials (model.SecretHeader) and keeps the others readable.
func (h *hider) hideHeaders(v model.Value) model.Value {
	out := v
	out.Values = slices.Clone(v.Values)
	for i, k := range v.Keys {
		if model.SecretHeader(k) && !v.Values[i].IsUnknown() {
			base := "PWB_HEADER_" + settingVarPart(k)
			out.Values[i] = h.hide(v.Values[i], h.numbered(base, v.Values[i]))
		}
	}
	return out
}

type hider struct {
	mode    SecretMode
	names   *secretNamer
	vars    []EnvVar
	secrets []string // texts no entry may show, see secretTexts
	// defaults holds the defaults each variable is read with (envDefaults)
	// and given the variables whose default went into vars.
	defaults map[string][]string
	given    map[string]bool
}

// authNames names the strings of an authenticate value by their slot.
func (h *hider) authNames(e model.Entry) []string {
	part := HostVarPart(e.Name())
	switch authShape(e.Value) {
	case shapeOAuth:
		return h.names.group("PWB_OAUTH_"+part, upperSuffixes(oauthFields))
	case shapeBasic:
		// The user is not hidden (see hide), so it takes no variable.
		return append([]string{""}, h.names.group("PWB_BASIC_"+part, upperSuffixes(basicFields[1:]))...)
	}
	return h.numbered("PWB_AUTH_"+part, e.Value)
}

// tokenSignature identifies an OAuth or basic auth value whose slots are
// all strings; ok is false for any other value, which is never shared. A
// default of an environment read differs from the same text written out.
func tokenSignature(v model.Value) (sig string, ok bool) {
	if authShape(v) == shapeRaw {
		return "", false
	}
	parts := make([]string, len(v.Items))
	for i, it := range v.Items {
		if it.Kind != model.Str {
			return "", false
		}
		parts[i] = it.Source + "\x01" + it.Str
	}
	return strconv.Itoa(len(parts)) + "\x00" + strings.Join(parts, "\x00"), true
}

// reuse copies what an earlier entry with the same tokens was hidden as:
// references to its variables, or redacted slots.
func reuse(hidden model.Value) model.Value {
	out := hidden
	out.Items = slices.Clone(hidden.Items)
	return out
}

// numbered names the strings of a value base, or base_1, base_2, ... when
// it holds several. The default of an environment read keeps its
// variable and gets no name (see hider.one).
func (h *hider) numbered(base string, v model.Value) []string {
	n := 0
	walkValues(v, func(it model.Value) {
		if _, def := envDefaultName(it); it.Kind == model.Str && !def {
			n++
		}
	})
	if n == 1 {
		return h.names.group(base, []string{""})
	}
	suffixes := make([]string, n)
	for i := range suffixes {
		suffixes[i] = "_" + strconv.Itoa(i+1)
	}
	return h.names.group(base, suffixes)
}

func upperSuffixes(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = "_" + strings.ToUpper(f)
	}
	return out
}

// hide replaces the strings of v, depth first, by the names given. In an
// OAuth or basic value a slot that is already a reference keeps its own
// name, so names[i] belongs to the i-th slot, not the i-th string. The
// user of a basic value is an account name, as public as a username, and
// stays.
func (h *hider) hide(v model.Value, names []string) model.Value {
	if shape := authShape(v); shape != shapeRaw {
		out := v
		out.Items = make([]model.Value, len(v.Items))
		for i, it := range v.Items {
			out.Items[i] = it
			if shape != shapeBasic || i > 0 {
				out.Items[i] = h.one(it, names[i])
			}
		}
		return out
	}
	next := 0
	return mapStrings(v, func(s model.Value) model.Value {
		if _, def := envDefaultName(s); def {
			return h.one(s, "")
		}
		name := names[next]
		next++
		return h.one(s, name)
	})
}

// one hides a secret str under the variable name: a reference to it, with
// the value handed over for the .env file, or a redacted marker.
//
// A secret that is the default of an environment read,
// os.environ.get('NAME', 'secret'), keeps its own variable instead, so
// that the converted config still reads NAME where it is set. Redact
// writes {$env: NAME, $default: {$redacted: true}}, which the runner API
// resolves where NAME is set and reports as redacted where it is not, and
// which has no Python form. Env writes "${NAME}"
// and NAME=secret into the .env file: loaded where NAME is unset, that
// gives NAME the default, as Python would; where NAME is set, a .env
// loader (godotenv, docker compose) keeps the value already set. That is
// only right when every read of NAME in the config has this very default:
// when some read has another one, or none (os.environ.get('NAME') gives
// None where NAME is unset, os.environ['NAME'] fails), NAME=secret would
// change what that read gives, so the default is redacted, never guessed.
func (h *hider) one(v model.Value, name string) model.Value {
	if v.Kind != model.Str {
		return v
	}
	if env, ok := envDefaultName(v); ok {
		return h.envDefault(env, v.Str)
	}
	if h.mode == Redact {
		return Redacted()
	}
	h.vars = append(h.vars, EnvVar{Name: name, Value: v.Str})
	return EnvValue(name)
}

// envDefault hides a secret default of the variable name; see one. A
// blank default hides nothing (a placeholder such as
// os.environ.get('CK', "")) and is kept as it is, as secretTexts keeps
// blanks out of the texts no entry may show.
func (h *hider) envDefault(name, def string) model.Value {
	if strings.TrimSpace(def) == "" {
		return envDefault(name, def)
	}
	defaults := slices.DeleteFunc(slices.Clone(h.defaults[name]), func(d string) bool {
		return d == def
	})
	if h.mode == Redact || len(defaults) > 0 {
		return redactedDefault(name)
	}
	if !h.given[name] {
		h.given[name] = true
		h.vars = append(h.vars, EnvVar{Name: name, Value: def})
	}
	return EnvValue(name)
}

// Redactions names the entries of cfg that hold a redacted secret: a
// document read back that was converted with secrets redacted.
func Redactions(cfg *model.Config) []string {
	var out []string
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Usernames, cfg.Authenticate} {
		for _, e := range list {
			redacted := false
			walkValues(e.Value, func(v model.Value) { redacted = redacted || IsRedacted(v) })
			if redacted {
				out = append(out, entryLabel(e))
			}
		}
	}
	return out
}

// walkValues calls fn on v and every value inside it, depth first.
func walkValues(v model.Value, fn func(model.Value)) {
	fn(v)
	for _, it := range v.Items {
		walkValues(it, fn)
	}
	for _, it := range v.Values {
		walkValues(it, fn)
	}
}

// mapStrings returns a copy of v with every str replaced by fn's result,
// depth first.
func mapStrings(v model.Value, fn func(model.Value) model.Value) model.Value {
	return mapValues(v, func(v model.Value) bool { return v.Kind == model.Str }, fn)
}

// mapValues returns a copy of v with every value that pick chooses
// replaced by fn's result, depth first; what it chooses is not looked
// into.
func mapValues(v model.Value, pick func(model.Value) bool, fn func(model.Value) model.Value) model.Value {
	if pick(v) {
		return fn(v)
	}
	out := v
	if v.Items != nil {
		out.Items = make([]model.Value, len(v.Items))
		for i, it := range v.Items {
			out.Items[i] = mapValues(it, pick, fn)
		}
	}
	if v.Values != nil {
		out.Values = make([]model.Value, len(v.Values))
		for i, it := range v.Values {
			out.Values[i] = mapValues(it, pick, fn)
		}
	}
	return out
}

// Dotenv returns a .env file holding vars, in a syntax godotenv and
// docker compose both read the same way: a value is written bare when it
// is plain, in single quotes when nothing in it ends them early, and in
// double quotes with escapes otherwise. godotenv cannot read back a value
// that ends in a backslash, nor one in double quotes that starts or ends
// with a double quote; the error names any such variable.
func Dotenv(vars []EnvVar) ([]byte, error) {
	var b strings.Builder
	b.WriteString("# Secrets for the converted Pywikibot configuration. Keep this file private.\n")
	for _, v := range vars {
		b.WriteString(v.Name + "=" + dotenvQuote(v.Value) + "\n")
	}
	// Each line is read back alone, so that one value the format cannot
	// hold does not make every other one look bad too.
	var bad []string
	for _, v := range vars {
		back, err := godotenv.Unmarshal(v.Name + "=" + dotenvQuote(v.Value) + "\n")
		if got, ok := back[v.Name]; err != nil || !ok || got != v.Value {
			bad = append(bad, v.Name)
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("a .env file cannot hold the value of %s", strings.Join(bad, ", "))
	}
	return []byte(b.String()), nil
}

var plainDotenv = regexp.MustCompile(`^[A-Za-z0-9_./:@+,-]+$`)

func dotenvQuote(s string) string {
	switch {
	case plainDotenv.MatchString(s):
		return s
	case !strings.ContainsAny(s, "'\n\r") && !strings.HasSuffix(s, `\`):
		return "'" + s + "'"
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "$", `\$`)
	return `"` + r.Replace(s) + `"`
}
