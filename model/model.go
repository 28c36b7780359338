// Package model holds what pwbconf knows about one evaluated user-config.py:
// every setting the file made, its Python value, and where in the file it
// was set. The evaluator (package parser) builds it; the rules (package
// validate) and the converters read it. It is plain data so that it can
// cross from a sandboxed worker process as JSON.
package model

import (
	"encoding/json"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
)

// Pos is a place in the evaluated file. Line and Col are 1-based and Col
// counts characters, as in diag.Diagnostic.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Kind is the Python type of a Value, by the name Python gives it.
type Kind string

// The kinds a Value can have. Unknown is a value the sandbox could not know
// (an unset environment variable, a module it does not provide); Other is
// any Python object that is not plain data (a function, a module, a set).
const (
	Str     Kind = "str"
	Int     Kind = "int"
	Float   Kind = "float"
	Bool    Kind = "bool"
	None    Kind = "NoneType"
	Tuple   Kind = "tuple"
	List    Kind = "list"
	Dict    Kind = "dict"
	Unknown Kind = "unknown"
	Other   Kind = "other"
)

// Value is a Python value as the file left it.
type Value struct {
	Kind  Kind     `json:"kind"`
	Str   string   `json:"str,omitempty"`
	Int   *big.Int `json:"int,omitempty"`
	Float float64  `json:"float,omitempty"`
	Bool  bool     `json:"bool,omitempty"`
	// Items holds the elements of a tuple or list.
	Items []Value `json:"items,omitempty"`
	// Keys and Values hold a dict's entries in a stable order. Keys are
	// strings because the embedded interpreter only has string-keyed dicts.
	Keys   []string `json:"keys,omitempty"`
	Values []Value  `json:"values,omitempty"`
	// Source says where an Unknown value comes from: "env:NAME" for
	// os.environ['NAME'], "env-or-none:NAME" for os.getenv('NAME') and
	// os.environ.get('NAME'), which give None where NAME is unset,
	// "computed:env:NAME" for a value computed from such a read, or
	// "import:module"; for Other it holds the Python type name. On a Str
	// it may be "env:NAME": the str is the default of a read of NAME
	// (os.environ.get('NAME', 'default'), os.getenv) that the check's
	// environment did not answer, so the value is Python's but the file
	// means whatever the variable holds where it runs (see EnvDefault).
	Source string `json:"source,omitempty"`
	// Origin is where an Unknown value entered the file.
	Origin *Pos `json:"origin,omitempty"`
}

// TypeName returns the name Python's type() would print for v, which is
// also the name Pywikibot's type warnings use.
func (v Value) TypeName() string {
	switch v.Kind {
	case Other:
		return v.Source
	case Unknown:
		return "unknown"
	}
	return string(v.Kind)
}

// FloatRepr writes f as Python's repr does: "10.0" rather than "10",
// exponents from 1e16 on and below 1e-4, and inf, -inf and nan.
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// EnvDefault returns the variable whose default v holds, if v is a str
// standing for an unanswered read of the environment.
func (v Value) EnvDefault() (name string, ok bool) {
	if v.Kind != Str {
		return "", false
	}
	return strings.CutPrefix(v.Source, "env:")
}

// IsUnknown reports whether v, or anything inside it, is Unknown.
func (v Value) IsUnknown() bool {
	if v.Kind == Unknown {
		return true
	}
	return slices.ContainsFunc(v.Items, Value.IsUnknown) ||
		slices.ContainsFunc(v.Values, Value.IsUnknown)
}

// Get returns the dict entry for key.
func (v Value) Get(key string) (Value, bool) {
	if i := slices.Index(v.Keys, key); i >= 0 {
		return v.Values[i], true
	}
	return Value{}, false
}

// Strings returns every str inside v, depth first. It is how formatters
// learn which texts to mask: a secret may hide anywhere in a tuple.
func (v Value) Strings() []string {
	var out []string
	var walk func(Value)
	walk = func(v Value) {
		if v.Kind == Str {
			out = append(out, v.Str)
		}
		for _, it := range v.Items {
			walk(it)
		}
		for _, it := range v.Values {
			walk(it)
		}
	}
	walk(v)
	return out
}

// Entry is one thing the file set: a top-level name (Path of length 1),
// a username (["usernames", family, code]) or an authenticate key
// (["authenticate", key]).
type Entry struct {
	Path  []string `json:"path"`
	Value Value    `json:"value"`
	// Secret marks values that must not be printed in full unless asked:
	// every authenticate value and db_password. extra_headers is not
	// marked, so that its other headers stay readable; the values of its
	// credential headers (see SecretHeader) are among Config.Secrets.
	Secret bool `json:"secret,omitempty"`
	// Pos is the statement that set the entry last; for an entry made
	// inside a loop or function, the statement inside it.
	Pos Pos `json:"pos"`
	// Earlier lists the places that set it before, oldest first.
	Earlier []Pos `json:"earlier,omitempty"`
}

// Name is the last element of the path.
func (e Entry) Name() string { return e.Path[len(e.Path)-1] }

// Import is a module the file imported that the sandbox does not provide.
type Import struct {
	Module string `json:"module"`
	Pos    Pos    `json:"pos"`
}

// EnvRead is one read of an environment variable.
type EnvRead struct {
	Name string `json:"name"`
	Pos  Pos    `json:"pos"`
	// Resolved is false when the variable was unknown to the sandbox and
	// the value stayed symbolic.
	Resolved bool `json:"resolved"`
}

// PathRef is a folder the file names for Pywikibot to search for family
// files, through register_families_folder() or user_families_paths.
type PathRef struct {
	Path string `json:"path"`
	Pos  Pos    `json:"pos"`
}

// Config is one evaluated user-config.py.
type Config struct {
	File string `json:"file"`
	// Settings holds every other top-level name the file bound and left
	// bound, family and mylang included; usernames and authenticate are
	// here only when the file rebound them to something that is not a
	// dict.
	Settings     []Entry `json:"settings"`
	Usernames    []Entry `json:"usernames"`
	Authenticate []Entry `json:"authenticate"`

	Imports       []Import  `json:"imports,omitempty"`
	EnvReads      []EnvRead `json:"env_reads,omitempty"`
	FamilyFolders []PathRef `json:"family_folders,omitempty"`
	// Output is what the file printed, kept rather than written anywhere.
	Output string `json:"output,omitempty"`

	// Stopped is set when evaluation ended early (an exception, a refused
	// operation, a limit); the statement there is where Pywikibot would
	// stop too, and nothing after it is in the model.
	Stopped *Pos `json:"stopped,omitempty"`
	// Diagnostics are what evaluation itself found: syntax errors,
	// exceptions, refusals, limits, unknown imports.
	Diagnostics []diag.Diagnostic `json:"diagnostics,omitempty"`
}

// Setting returns the top-level entry for name.
func (c *Config) Setting(name string) (Entry, bool) {
	for _, e := range c.Settings {
		if e.Path[0] == name {
			return e, true
		}
	}
	return Entry{}, false
}

// Str returns a top-level setting's value when it is a plain string.
func (c *Config) Str(name string) (string, bool) {
	e, ok := c.Setting(name)
	if !ok || e.Value.Kind != Str {
		return "", false
	}
	return e.Value.Str, true
}

// Secrets returns every string held in a secret entry, the values of the
// credential headers of extra_headers, and the Suspects of every other
// setting, longest first, so that masking a text replaces a whole token
// before any part of it. A public text (PublicTexts) is never among them:
// a password that happens to equal the family or a username must not hide
// the family or the username wherever they are printed; the entry that
// holds the password is masked by its Secret mark.
func (c *Config) Secrets() []string { return c.SecretsBeside(c.PublicTexts()) }

// SecretsBeside is Secrets for a caller that has the config's PublicTexts
// already, for its own use too.
func (c *Config) SecretsBeside(public map[string]bool) []string {
	var out []string
	for _, list := range [][]Entry{c.Settings, c.Usernames, c.Authenticate} {
		for _, e := range list {
			if e.Secret || isHeaders(e) {
				out = append(out, secretStrings(e)...)
			}
		}
	}
	for _, e := range c.Settings {
		if !e.Secret {
			out = append(out, Suspects(e.Value)...)
		}
	}
	out = slices.DeleteFunc(out, func(s string) bool { return strings.TrimSpace(s) == "" || public[s] })
	// Longest first; equal texts end up side by side and are kept once.
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}

// PublicTexts returns the texts the config itself shows to be no secret:
// the family and site code, the usernames and the keys they are under,
// and the user of each basic-auth pair (BasicAuthUser). A text that is
// also one of the four OAuth tokens of an authenticate value is left out:
// people choose passwords, which may equal a name, but nobody chooses a
// token, so such a username is a token pasted in the wrong place.
func (c *Config) PublicTexts() map[string]bool {
	public := map[string]bool{}
	for _, name := range []string{"family", "mylang"} {
		if s, ok := c.Str(name); ok {
			public[s] = true
		}
	}
	for _, e := range c.Usernames {
		for _, p := range e.Path[1:] {
			public[p] = true
		}
		for _, s := range e.Value.Strings() {
			public[s] = true
		}
	}
	for _, e := range c.Authenticate {
		if user, ok := BasicAuthUser(e); ok {
			public[user] = true
		}
	}
	for _, e := range c.Authenticate {
		if v := e.Value; (v.Kind == Tuple || v.Kind == List) && len(v.Items) == 4 {
			for _, s := range v.Strings() {
				delete(public, s)
			}
		}
	}
	return public
}

// BasicAuthUser returns the user of an authenticate entry holding a
// basic-auth pair, (user, password): an account name, as public as a
// username, which the file often writes as its username too.
func BasicAuthUser(e Entry) (string, bool) {
	v := e.Value
	if len(e.Path) != 2 || e.Path[0] != "authenticate" ||
		(v.Kind != Tuple && v.Kind != List) || len(v.Items) != 2 || v.Items[0].Kind != Str {
		return "", false
	}
	return v.Items[0].Str, true
}

// secretStrings returns the texts of a secret entry that must be masked in
// free text. The first item of a basic-auth pair is an account name, which
// the file also writes as a username; masking it would hide every mention
// of the account in the output and protect nothing.
func secretStrings(e Entry) []string {
	v := e.Value
	if _, ok := BasicAuthUser(e); ok {
		return v.Items[1].Strings()
	}
	if isHeaders(e) {
		var out []string
		for i, k := range v.Keys {
			if SecretHeader(k) {
				out = append(out, v.Values[i].Strings()...)
			}
		}
		return out
	}
	return v.Strings()
}

// SecretHeader reports whether an HTTP header of extra_headers carries
// credentials: Authorization, Proxy-Authorization, Cookie, and any header
// whose name speaks of a token, secret, key or password.
func SecretHeader(name string) bool {
	name = strings.ToLower(name)
	for _, part := range []string{"auth", "cookie", "token", "secret", "key", "password"} {
		if strings.Contains(name, part) {
			return true
		}
	}
	return false
}

func isHeaders(e Entry) bool {
	return len(e.Path) == 1 && e.Path[0] == "extra_headers" && e.Value.Kind == Dict
}

// Mask hides a secret for display: its length survives, its text does not.
func Mask(s string) string {
	return "****(" + strconv.Itoa(utf8.RuneCountInString(s)) + ")"
}

// valueJSON has Value's fields without its methods, so the methods below
// can fall back on the standard encoding.
type valueJSON Value

// specialFloat carries a Value whose float JSON cannot hold.
type specialFloat struct {
	valueJSON
	FloatText string `json:"float_text,omitempty"`
}

// MarshalJSON writes Value as its fields; a NaN or infinite float, which
// JSON has no number for, goes as text, so a model holding one still
// crosses from a worker process.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.Kind == Float && (math.IsNaN(v.Float) || math.IsInf(v.Float, 0)) {
		w := v
		w.Float = 0
		return json.Marshal(specialFloat{valueJSON(w), strconv.FormatFloat(v.Float, 'g', -1, 64)})
	}
	return json.Marshal(valueJSON(v))
}

// UnmarshalJSON is the inverse of MarshalJSON.
func (v *Value) UnmarshalJSON(b []byte) error {
	var s specialFloat
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*v = Value(s.valueJSON)
	if s.FloatText != "" {
		f, err := strconv.ParseFloat(s.FloatText, 64)
		if err != nil {
			return err
		}
		v.Float = f
	}
	return nil
}
