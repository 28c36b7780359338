package convert

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/joho/godotenv"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// envExample is the config of the report: a site code and a username,
// each read from the environment with a default.
const envExample = "import os\nfamily = 'wikipedia'\n" +
	"mylang = os.environ.get('LANG_X', 'en')\n" +
	"usernames['wikipedia']['*'] = os.getenv('BOT', 'ExampleBot')\n"

func lookupIn(env map[string]string) LoadOption {
	return WithLookup(func(n string) (string, bool) { v, ok := env[n]; return v, ok })
}

// TestEnvDefaultKept converts the example each way: the document keeps
// each default next to its variable, reads back into the same model, is
// written as os.environ.get with the default, and resolves as Pywikibot
// would with the variables set and unset.
func TestEnvDefaultKept(t *testing.T) {
	cfg, doc, y := redactedYAML(t, envExample)
	for _, want := range []string{"mylang: {$env: LANG_X, $default: en}",
		"'*': {$env: BOT, $default: ExampleBot}"} {
		if !bytes.Contains(y, []byte(want)) {
			t.Errorf("no %q in\n%s", want, y)
		}
	}
	j, err := doc.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(j, []byte(`"$env": "LANG_X",`)) || !bytes.Contains(j, []byte(`"$default": "en"`)) {
		t.Errorf("JSON:\n%s", j)
	}
	want := []model.Entry{
		{Path: []string{"family"}, Value: str("wikipedia")},
		{Path: []string{"mylang"}, Value: envDefault("LANG_X", "en")},
		{Path: []string{"usernames", "wikipedia", "*"}, Value: envDefault("BOT", "ExampleBot")},
	}
	for name, data := range map[string][]byte{"yaml": y, "json": j} {
		back, err := Decode(data, "config."+name)
		if err != nil {
			t.Fatal(err)
		}
		got := append(slices.Clone(back.Settings), back.Usernames...)
		if diff := cmp.Diff(want, got, modelOpts); diff != "" {
			t.Errorf("%s read back (-want +got):\n%s", name, diff)
		}
		py, err := New(back, Redact).Python()
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range []string{"mylang = os.environ.get('LANG_X', 'en')\n",
			"usernames['wikipedia']['*'] = os.environ.get('BOT', 'ExampleBot')\n", "import os\n"} {
			if !bytes.Contains(py, []byte(line)) {
				t.Errorf("%s: no %q in\n%s", name, line, py)
			}
		}
	}
	roundTrip(t, cfg)
	validateModes(t, cfg)

	for _, tc := range []struct {
		env          map[string]string
		mylang, user string
	}{
		{nil, "en", "ExampleBot"},
		{map[string]string{"LANG_X": "de", "BOT": "other_bot"}, "de", "Other bot"},
		// Set but empty is set: os.environ.get gives "", not the default.
		{map[string]string{"LANG_X": ""}, "", "ExampleBot"},
	} {
		c, err := Parse(y, lookupIn(tc.env))
		if err != nil {
			t.Fatalf("%v: %v", tc.env, err)
		}
		if c.Mylang != tc.mylang {
			t.Errorf("%v: Mylang = %q, want %q", tc.env, c.Mylang, tc.mylang)
		}
		if name, err := c.Username("wikipedia", "fr"); name != tc.user || err != nil {
			t.Errorf("%v: Username = %q, %v; want %q", tc.env, name, err, tc.user)
		}
	}
}

// TestEnvDefaultTexts takes defaults that look like the format's own
// syntax, or need escapes in YAML, JSON or Python, through every form.
func TestEnvDefaultTexts(t *testing.T) {
	texts := []string{"", " ", "${HOME}", "$${HOME}", "$", "}", "{$env: X}", "it's", `say "hi"`,
		`both ' and "`, `back\slash`, "line\nbreak", "tab\tcr\r", "ünïcödé 🐍", "\x00\x7f\u2028",
		"null", "yes", "0o17", "- x", "# c", "a: b", strings.Repeat("long ", 30)}
	cfg := &model.Config{}
	for i, text := range texts {
		cfg.Settings = append(cfg.Settings, model.Entry{
			Path:  []string{"s" + string(rune('a'+i))},
			Value: envDefault("V_"+string(rune('A'+i)), text),
		})
	}
	cfg.Settings = append(cfg.Settings, model.Entry{Path: []string{"nested"}, Value: model.Value{
		Kind: model.Dict, Keys: []string{"$default", "$env", "k"},
		Values: []model.Value{str("y"), str("X"), tuple(envDefault("N", "}"), str("${N}"))},
	}})
	roundTrip(t, cfg)
	validateModes(t, cfg)
	y, err := New(cfg, Inline).YAML()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(y, lookupIn(nil))
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		if got := c.Settings["s"+string(rune('a'+i))]; got != text {
			t.Errorf("default %q resolved to %#v", text, got)
		}
	}
	nested := c.Settings["nested"].(map[string]any)
	if nested["$env"] != "X" || nested["k"].([]any)[0] != "}" {
		t.Errorf("nested = %#v", nested)
	}
}

// The default of a read whose variable name no "${NAME}" can hold is kept
// as the plain value: what Python gives where the variable is unset.
func TestEnvDefaultOddName(t *testing.T) {
	cfg := &model.Config{Settings: []model.Entry{
		{Path: []string{"x"}, Value: envDefault("my-var", "d")},
	}}
	doc := New(cfg, Inline)
	if v := doc.Config.Settings[0].Value; v.Source != "" || v.Str != "d" {
		t.Errorf("kept as %+v", v)
	}
	roundTrip(t, cfg)
}

// secretDefaults is a config whose tokens are defaults of reads of
// variables the check cannot see.
const secretDefaults = "import os\nfamily = 'wikipedia'\nmylang = 'en'\n" +
	"authenticate['*.wikipedia.org'] = (os.environ.get('CK', 'a4c123b1612dd272d1371c17149d4395'),\n" +
	"    os.environ.get('CS', '36b3216fdaeeb975729fae923d5a4fd12aabfe22'),\n" +
	"    os.environ.get('AT', ''), 'bc74254770f58904dba41ecccc3fc1626e53a130')\n" +
	"authenticate['*.wikidata.org'] = (os.environ.get('CK', 'a4c123b1612dd272d1371c17149d4395'),\n" +
	"    os.environ.get('CS', '36b3216fdaeeb975729fae923d5a4fd12aabfe22'),\n" +
	"    os.environ.get('AT', ''), 'bc74254770f58904dba41ecccc3fc1626e53a130')\n" +
	"db_password = os.environ.get('DBP', 'hunter2-hunter2')\n" +
	"note = os.environ.get('CK', 'a4c123b1612dd272d1371c17149d4395')\n"

var secretTexts4 = []string{"a4c123b1612dd272d1371c17149d4395",
	"36b3216fdaeeb975729fae923d5a4fd12aabfe22", "bc74254770f58904dba41ecccc3fc1626e53a130",
	"hunter2-hunter2"}

// TestSecretEnvDefaults checks each secret mode on secret defaults: never
// shown unless inline, and in env mode kept under the file's own variable
// with the default in the .env file, so the runner gets what Pywikibot
// got.
func TestSecretEnvDefaults(t *testing.T) {
	cfg := parser.Evaluate("user-config.py", []byte(secretDefaults), parser.Options{})
	if hasErrors(cfg) {
		t.Fatal(cfg.Diagnostics)
	}
	roundTrip(t, cfg)
	validateModes(t, cfg)
	resolveAll := func(t *testing.T, y []byte, env map[string]string) *Config {
		t.Helper()
		c, err := Parse(y, lookupIn(env))
		if err != nil {
			t.Fatalf("%v\n%s", err, y)
		}
		return c
	}
	check := func(t *testing.T, c *Config, ck string) {
		t.Helper()
		for _, key := range []string{"en.wikipedia.org", "www.wikidata.org"} {
			a, err := c.Credentials(key)
			if err != nil || a.ConsumerToken != ck || a.ConsumerSecret != secretTexts4[1] ||
				a.AccessToken != "" || a.AccessSecret != secretTexts4[2] {
				t.Errorf("%s: %+v, %v", key, model.Mask(a.ConsumerToken), err)
			}
		}
		if c.Settings["db_password"] != "hunter2-hunter2" || c.Settings["note"] != ck {
			t.Errorf("settings: db_password and note differ")
		}
	}

	inline, err := New(cfg, Inline).YAML()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(inline, []byte("consumer_token: {$env: CK, $default: a4c123b1612dd272d1371c17149d4395}")) {
		t.Errorf("inline:\n%s", inline)
	}
	check(t, resolveAll(t, inline, nil), secretTexts4[0])
	check(t, resolveAll(t, inline, map[string]string{"CK": "from-env"}), "from-env")

	for _, mode := range []SecretMode{Redact, Env} {
		doc := New(cfg, mode)
		outs := map[string][]byte{}
		outs["yaml"], _ = doc.YAML()
		outs["json"], _ = doc.JSON()
		if py, err := doc.Python(); err == nil {
			outs["python"] = py
		} else if mode == Env {
			t.Errorf("env: Python: %v", err)
		}
		for format, out := range outs {
			for _, s := range secretTexts4 {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("%s: %s output holds %s:\n%s", mode, format, model.Mask(s), out)
				}
			}
		}
		if doc.HasSecrets() {
			t.Errorf("%s: HasSecrets", mode)
		}
		y := outs["yaml"]
		if mode == Redact {
			for _, want := range []string{"consumer_token: {$env: CK, $default: {$redacted: true}}",
				"access_token: {$env: AT, $default: ''}",
				"db_password: {$env: DBP, $default: {$redacted: true}}"} {
				if !bytes.Contains(y, []byte(want)) {
					t.Errorf("redact: no %q in\n%s", want, y)
				}
			}
			// Set, the variables serve; unset, the runner says what is redacted.
			set := map[string]string{"CK": "ck", "CS": secretTexts4[1], "DBP": "hunter2-hunter2"}
			_, err := Parse(y, lookupIn(set))
			var rerr *ResolveError
			if !errors.As(err, &rerr) || len(rerr.Missing) > 0 || len(rerr.Redacted) != 2 {
				t.Errorf("redact, variables set: %v", err) // the literal access secret stays redacted
			}
			_, err = Parse(y, lookupIn(nil))
			if !errors.As(err, &rerr) || !slices.Contains(rerr.Redacted, "db_password") {
				t.Errorf("redact, variables unset: %v", err)
			}
			continue
		}
		for _, want := range []string{"consumer_token: ${CK}", "consumer_secret: ${CS}",
			"access_token: {$env: AT, $default: ''}", "db_password: ${DBP}", "note: ${CK}"} {
			if !bytes.Contains(y, []byte(want)) {
				t.Errorf("env: no %q in\n%s", want, y)
			}
		}
		if !bytes.Contains(outs["python"], []byte("os.environ['CK'],")) {
			t.Errorf("env: Python:\n%s", outs["python"])
		}
		env, err := Dotenv(doc.Env)
		if err != nil {
			t.Fatal(err)
		}
		vars, err := godotenv.Unmarshal(string(env))
		if err != nil {
			t.Fatal(err)
		}
		if vars["CK"] != secretTexts4[0] || vars["DBP"] != "hunter2-hunter2" || len(vars) != 4 {
			t.Errorf("env: .env holds %d variables: %q", len(vars), slices.Sorted(mapKeys(vars)))
		}
		check(t, resolveAll(t, y, vars), secretTexts4[0])
		// A .env loader keeps what the environment already sets.
		vars["CK"] = "from-env"
		check(t, resolveAll(t, y, vars), "from-env")
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// A secret default of a variable that another read gives another default
// (or none) cannot go into .env: it is redacted, even in env mode.
func TestSecretEnvDefaultConflict(t *testing.T) {
	src := "import os\n" +
		"authenticate['*'] = (os.environ.get('CK', 'secret-one-1234'), 'b', 'c', 'd')\n" +
		"authenticate['x.org'] = (os.environ.get('CK', 'secret-two-1234'), 'b', 'c', 'e')\n" +
		"db_password = os.environ.get('DBP', 'secret-three-1234')\n" +
		"x = os.environ.get('DBP')\n"
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	validateModes(t, cfg)
	doc := New(cfg, Env)
	y, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(y, []byte("{$env: CK, $default: {$redacted: true}}")); n != 2 {
		t.Errorf("%d redacted defaults of CK, want 2:\n%s", n, y)
	}
	if !bytes.Contains(y, []byte("db_password: {$env: DBP, $default: {$redacted: true}}")) {
		t.Errorf("DBP:\n%s", y)
	}
	for _, v := range doc.Env {
		if v.Name == "CK" || v.Name == "DBP" || strings.HasPrefix(v.Value, "secret-") {
			t.Errorf(".env holds %s", v.Name)
		}
	}
	if bytes.Contains(y, []byte("secret-")) {
		t.Errorf("a secret in\n%s", y)
	}
	back, err := Decode(y, "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(doc.Config, back, modelOpts); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// TestEnvDefaultDecodeErrors reads malformed $env objects.
func TestEnvDefaultDecodeErrors(t *testing.T) {
	for doc, want := range map[string]string{
		`{version: 1, mylang: {$env: X}}`:                              "$env and $default go together",
		`{version: 1, mylang: {$default: x}}`:                          "$env and $default go together",
		`{version: 1, mylang: {$env: 1X, $default: x}}`:                "$env wants a variable name",
		`{version: 1, mylang: {$env: X, $default: 5}}`:                 "$default wants a string",
		`{version: 1, mylang: {$env: X, $default: [a]}}`:               "$default wants a string",
		`{version: 1, mylang: {$env: X, $default: x, $tuple: []}}`:     `key "$env"`,
		`{version: 1, mylang: {$default: "${HOME}", $env: X}}`:         "",
		`{version: 1, mylang: {$env: X, $default: {$redacted: true}}}`: "",
	} {
		_, err := Decode([]byte(doc), "d")
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: %v, want %q", doc, err, want)
		}
	}
}

// validateModes checks the YAML and JSON of cfg in every secret mode
// against the schema.
func validateModes(t *testing.T, cfg *model.Config) {
	t.Helper()
	sch := compileSchema(t)
	for _, mode := range []SecretMode{Inline, Env, Redact} {
		doc := New(cfg, mode)
		j, err := doc.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if err := validateJSON(t, sch, j); err != nil {
			t.Errorf("%s: JSON does not validate: %v\n%s", mode, err, j)
		}
		y, err := doc.YAML()
		if err != nil {
			t.Fatal(err)
		}
		if err := validateJSON(t, sch, yamlAsJSON(t, y)); err != nil {
			t.Errorf("%s: YAML does not validate: %v\n%s", mode, err, y)
		}
	}
}
