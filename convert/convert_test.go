package convert

import (
	"bytes"
	"encoding/json"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/joho/godotenv"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
	"github.com/pwbconf/pwbconf/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const casesDir = "../testdata/cases"

// evalCase is one case folder evaluated.
type evalCase struct {
	name string
	cfg  *model.Config
}

// loadableCases evaluates every case Pywikibot loads (its pywikibot.json
// has no error) and the evaluator runs to the end without an error; the
// others have no values to convert. Cases Pywikibot could not load are
// not evaluated at all: some of them are built to exhaust the machine.
func loadableCases(t *testing.T) []evalCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(casesDir, "*", "user-config.py"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases under %s (%v)", casesDir, err)
	}
	var out []evalCase
	for _, f := range dirs {
		dir := filepath.Dir(f)
		var oracle struct{ Error string }
		b, err := os.ReadFile(filepath.Join(dir, "pywikibot.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &oracle); err != nil {
			t.Fatal(err)
		}
		if oracle.Error != "" {
			continue
		}
		cfg := evaluate(t, f)
		if cfg.Stopped != nil || hasErrors(cfg) {
			continue
		}
		out = append(out, evalCase{filepath.Base(dir), cfg})
	}
	return out
}

func evaluate(t *testing.T, file string) *model.Config {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return parser.Evaluate("user-config.py", src, parser.Options{})
}

// redactedYAML evaluates src, which must load, and writes its document
// with secrets redacted as YAML.
func redactedYAML(t *testing.T, src string) (*model.Config, *Document, []byte) {
	t.Helper()
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	if hasErrors(cfg) {
		t.Fatal(cfg.Diagnostics)
	}
	doc := New(cfg, Redact)
	y, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	return cfg, doc, y
}

func hasErrors(cfg *model.Config) bool {
	for _, d := range cfg.Diagnostics {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

// carried is what of a model the format carries, for comparing models.
func carried(cfg *model.Config) *model.Config { return New(cfg, Inline).Config }

var modelOpts = cmp.Options{
	cmpopts.IgnoreFields(model.Entry{}, "Pos", "Earlier"),
	cmpopts.IgnoreFields(model.Value{}, "Origin"),
	cmpopts.IgnoreFields(model.Config{}, "File"),
	cmpopts.EquateEmpty(),
	cmpopts.EquateNaNs(),
	// Python's order of statements is free; only dict keys keep theirs.
	cmpopts.SortSlices(func(a, b model.Entry) bool {
		return strings.Join(a.Path, "\x00") < strings.Join(b.Path, "\x00")
	}),
	cmp.Comparer(func(a, b *big.Int) bool {
		if a == nil || b == nil {
			return (a == nil || a.Sign() == 0) && (b == nil || b.Sign() == 0)
		}
		return a.Cmp(b) == 0
	}),
}

// roundTrip takes a model through YAML, back to Python and through the
// evaluator again, and reports any difference in what the format carries.
func roundTrip(t *testing.T, cfg *model.Config) {
	t.Helper()
	want := carried(cfg)
	doc := New(cfg, Inline)
	y, err := doc.YAML()
	if err != nil {
		t.Fatalf("YAML: %v", err)
	}
	fromYAML, err := Decode(y, "config.yaml")
	if err != nil {
		t.Fatalf("decoding the YAML: %v\n%s", err, y)
	}
	if diff := cmp.Diff(want, carried(fromYAML), modelOpts); diff != "" {
		t.Fatalf("python -> yaml changed the model (-want +got):\n%s\n%s", diff, y)
	}
	j, err := doc.JSON()
	if err != nil {
		t.Fatalf("JSON: %v", err)
	}
	fromJSON, err := Decode(j, "config.json")
	if err != nil {
		t.Fatalf("decoding the JSON: %v\n%s", err, j)
	}
	if diff := cmp.Diff(want, carried(fromJSON), modelOpts); diff != "" {
		t.Fatalf("python -> json changed the model (-want +got):\n%s\n%s", diff, j)
	}
	py, err := New(fromYAML, Inline).Python()
	if err != nil {
		t.Fatalf("Python: %v", err)
	}
	again := parser.Evaluate("user-config.py", py, parser.Options{})
	if hasErrors(again) {
		t.Fatalf("the written Python does not evaluate: %v\n%s", again.Diagnostics, py)
	}
	if diff := cmp.Diff(want, carried(again), modelOpts); diff != "" {
		t.Fatalf("python -> yaml -> python changed the model (-want +got):\n%s\n%s", diff, py)
	}
}

func TestRoundTripCases(t *testing.T) {
	cases := loadableCases(t)
	if len(cases) < 20 {
		t.Fatalf("only %d cases load; the case folder looks incomplete", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { roundTrip(t, c.cfg) })
	}
}

// TestEnvModeKeepsValues checks that a document written with references
// and its .env file give the values the inline document gives.
func TestEnvModeKeepsValues(t *testing.T) {
	for _, c := range loadableCases(t) {
		t.Run(c.name, func(t *testing.T) {
			doc := New(c.cfg, Env)
			env, err := Dotenv(doc.Env)
			if err != nil {
				t.Fatal(err)
			}
			vars, err := godotenv.Unmarshal(string(env))
			if err != nil {
				t.Fatal(err)
			}
			if len(vars) != len(doc.Env) {
				t.Fatalf(".env has %d variables, want %d", len(vars), len(doc.Env))
			}
			y, err := doc.YAML()
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(y, "config.yaml")
			if err != nil {
				t.Fatal(err)
			}
			fill := func(v model.Value) model.Value {
				if value, ok := vars[nameOf(v)]; ok {
					return model.Value{Kind: model.Str, Str: value}
				}
				return v
			}
			for _, list := range [][]model.Entry{got.Settings, got.Usernames, got.Authenticate} {
				for i := range list {
					list[i].Value = mapEnvReads(list[i].Value, fill)
				}
			}
			if diff := cmp.Diff(carried(c.cfg), carried(got), modelOpts); diff != "" {
				t.Errorf("env mode changed the values (-want +got):\n%s", diff)
			}
		})
	}
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.ConfigV1))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.ConfigV1Name, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schema.ConfigV1Name)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateJSON checks a JSON text against the schema.
func validateJSON(t testing.TB, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, data)
	}
	return sch.Validate(inst)
}

// yamlAsJSON reads YAML as an editor's schema check would: into plain
// data, then JSON.
func yamlAsJSON(t testing.TB, data []byte) []byte {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("output is not YAML: %v", err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestOutputsValidate(t *testing.T) {
	sch := compileSchema(t)
	cfgs := loadableCases(t)
	cfgs = append(cfgs, evalCase{"example", evaluate(t, "../testdata/example/user-config.py")})
	// Cases Pywikibot does not load still convert as far as they got.
	for _, name := range []string{"09-removed-sysopnames", "24-imports-the-sandbox-cannot-follow"} {
		file := filepath.Join(casesDir, name, "user-config.py")
		cfgs = append(cfgs, evalCase{name, evaluate(t, file)})
	}
	for _, c := range cfgs {
		for _, mode := range []SecretMode{Inline, Env, Redact} {
			doc := New(c.cfg, mode)
			j, err := doc.JSON()
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := validateJSON(t, sch, j); err != nil {
				t.Errorf("%s, %s: JSON output does not validate: %v\n%s", c.name, mode, err, j)
			}
			y, err := doc.YAML()
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := validateJSON(t, sch, yamlAsJSON(t, y)); err != nil {
				t.Errorf("%s, %s: YAML output does not validate: %v\n%s", c.name, mode, err, y)
			}
		}
	}
}

// TestSchemaAgreesWithDecode feeds documents the decoder refuses to the
// schema, which must refuse them too, and one it accepts.
func TestSchemaAgreesWithDecode(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		doc   string
		valid bool
	}{
		{`{"version": 1, "settings": {"x": {"$tuple": [1, {"$float": "inf"}]}, ` +
			`"d": {"$$k": {"$list": []}}}, "authenticate": {"*": {"raw": [1, 2, 3]}}}`, true},
		{`{}`, false},
		{`{"version": 2}`, false},
		{`{"version": 1, "extra": 1}`, false},
		{`{"version": 1, "settings": {"family": "x"}}`, false},
		{`{"version": 1, "settings": {"x": {"$set": [1]}}}`, false},
		{`{"version": 1, "settings": {"x": {"$float": "1.5"}}}`, false},
		{`{"version": 1, "settings": {"x": {"$tuple": [1], "y": 2}}}`, false},
		{`{"version": 1, "authenticate": {"*": {"user": "u"}}}`, false},
		{`{"version": 1, "authenticate": {"*": {"user": "u", "password": 5}}}`, false},
		{`{"version": 1, "authenticate": {"*": {"user": "u", "password": "p", "raw": 1}}}`, false},
		{`{"version": 1, "usernames": {"wikipedia": "ExampleBot"}}`, false},
		{`{"version": 1, "mylang": {"$env": "LANG_X", "$default": "en"}, ` +
			`"settings": {"x": [{"$default": "${A}", "$env": "A"}]}, ` +
			`"authenticate": {"*": {"user": {"$env": "U", "$default": "u"}, ` +
			`"password": {"$env": "P", "$default": {"$redacted": true}}}}}`, true},
		{`{"version": 1, "mylang": {"$env": "LANG_X"}}`, false},
		{`{"version": 1, "mylang": {"$default": "en"}}`, false},
		{`{"version": 1, "mylang": {"$env": "LANG-X", "$default": "en"}}`, false},
		{`{"version": 1, "mylang": {"$env": "X", "$default": 5}}`, false},
		{`{"version": 1, "mylang": {"$env": "X", "$default": null}}`, true},
		{`{"version": 1, "mylang": {"$env": "X", "$default": "en", "$list": []}}`, false},
	}
	for _, tt := range tests {
		_, decodeErr := Decode([]byte(tt.doc), "doc")
		schemaErr := validateJSON(t, sch, []byte(tt.doc))
		if (decodeErr == nil) != tt.valid || (schemaErr == nil) != tt.valid {
			t.Errorf("%s: decode error %v, schema error %v; want valid=%v",
				tt.doc, decodeErr, schemaErr, tt.valid)
		}
	}
}

func TestSecretsStayOut(t *testing.T) {
	cfgs := loadableCases(t)
	cfgs = append(cfgs, evalCase{"example", evaluate(t, "../testdata/example/user-config.py")})
	for _, c := range cfgs {
		secrets := privateStrings(c.cfg)
		for _, mode := range []SecretMode{Env, Redact} {
			doc := New(c.cfg, mode)
			if doc.HasSecrets() {
				t.Errorf("%s, %s: the document still holds a secret", c.name, mode)
			}
			outs := map[string][]byte{}
			outs["yaml"], _ = doc.YAML()
			outs["json"], _ = doc.JSON()
			if py, err := doc.Python(); err == nil {
				outs["python"] = py
			}
			for format, out := range outs {
				for _, s := range secrets {
					if len(s) >= 4 && bytes.Contains(out, []byte(s)) {
						t.Errorf("%s, %s: %s output holds the secret %s", c.name, mode, format,
							model.Mask(s))
					}
				}
			}
			if mode == Redact && len(doc.Env) > 0 {
				t.Errorf("%s: redact handed over values for a .env file", c.name)
			}
		}
	}
}

// TestEnvReferencesKeepTheirNames converts the config that reads every
// token from the environment: no secret appears, no .env is needed, and
// the references are to the file's own variables, those read with
// os.getenv or os.environ.get as reads that give None where unset.
func TestEnvReferencesKeepTheirNames(t *testing.T) {
	cfg := evaluate(t, filepath.Join(casesDir, "17-secrets-from-environment", "user-config.py"))
	for _, mode := range []SecretMode{Env, Inline, Redact} {
		doc := New(cfg, mode)
		if len(doc.Env) != 0 {
			t.Errorf("%s: %d values for a .env file, want none", mode, len(doc.Env))
		}
		y, _ := doc.YAML()
		for _, ref := range []string{"${PWB_CONSUMER_TOKEN}", "${PWB_CONSUMER_SECRET}",
			"{$env: PWB_ACCESS_TOKEN, $default: null}", "{$env: PWB_ACCESS_SECRET, $default: null}"} {
			if !bytes.Contains(y, []byte(ref)) {
				t.Errorf("%s: no %s in\n%s", mode, ref, y)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	cfg := evaluate(t, "../testdata/example/user-config.py")
	doc := New(cfg, Env)
	outputs := map[string]func() ([]byte, error){
		"example.yaml": doc.YAML,
		"example.json": doc.JSON,
		"example.py":   doc.Python,
		"example.env":  func() ([]byte, error) { return Dotenv(doc.Env) },
	}
	for name, build := range outputs {
		got, err := build()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		path := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
		}
	}
}

func TestDotenvQuoting(t *testing.T) {
	values := []string{
		"a4c123b1612dd272d1371c17149d4395", " leading space", "trailing newline\n",
		"it's", `say "hi"`, `back\slash`, "dollar $HOME and ${HOME}", "tab\there", "",
		"# not a comment", "x # y", "ünïcödé", `both ' and " inside`, `ends in "`,
		"'quoted'",
	}
	var vars []EnvVar
	for i, v := range values {
		vars = append(vars, EnvVar{Name: "V" + string(rune('A'+i)), Value: v})
	}
	env, err := Dotenv(vars)
	if err != nil {
		t.Fatal(err)
	}
	got, err := godotenv.Unmarshal(string(env))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vars {
		if got[v.Name] != v.Value {
			t.Errorf("%q came back as %q", v.Value, got[v.Name])
		}
	}
}

func TestDotenvRefuses(t *testing.T) {
	_, err := Dotenv([]EnvVar{{"A", "fine"}, {"B", `it's \`}, {"C", "both ' and \"x\""},
		{"D", `x'\`}})
	const want = "a .env file cannot hold the value of B, C, D"
	if err == nil || err.Error() != want {
		t.Errorf("want %q, got %v", want, err)
	}
}

func TestEscapes(t *testing.T) {
	cfg := &model.Config{Settings: []model.Entry{
		{Path: []string{"a"}, Value: str("${HOME}")},
		{Path: []string{"b"}, Value: str("$${HOME}")},
		{Path: []string{"c"}, Value: str("${HOME")},
		{Path: []string{"d"}, Value: model.Value{Kind: model.Dict,
			Keys:   []string{"$tuple", "$", "$$x", "plain"},
			Values: []model.Value{str("1"), str("2"), str("3"), str("4")}}},
		{Path: []string{"e"}, Value: EnvValue("HOME")},
	}}
	y, err := New(cfg, Inline).YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a: $${HOME}", "b: $$${HOME}", "c: ${HOME", "$$tuple:",
		"$$: '2'", "$$$x:", "e: ${HOME}"} {
		if !strings.Contains(string(y), want) {
			t.Errorf("no %q in\n%s", want, y)
		}
	}
	back, err := Decode(y, "x")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(cfg, back, modelOpts); diff != "" {
		t.Errorf("escapes do not come back (-want +got):\n%s", diff)
	}
}

func TestHostVarPart(t *testing.T) {
	for key, want := range map[string]string{
		"*.wikipedia.org":       "WIKIPEDIA_ORG",
		"*":                     "ALL",
		"en.wikipedia.org":      "EN_WIKIPEDIA_ORG",
		"wiki.example.org:8080": "WIKI_EXAMPLE_ORG_8080",
		"*.":                    "HOST",
	} {
		if got := HostVarPart(key); got != want {
			t.Errorf("HostVarPart(%q) = %q, want %q", key, got, want)
		}
	}
}

func TestVariableNamesAreUnique(t *testing.T) {
	tokens := tuple(str("a"), str("b"), str("c"), str("d"))
	cfg := &model.Config{Authenticate: []model.Entry{
		authEntry("*.wikipedia.org", tokens),
		authEntry("wikipedia.org", tuple(str("e"), str("b"), str("c"), str("d"))),
		authEntry("*.example.org", tuple(EnvValue("PWB_OAUTH_EXAMPLE_ORG_ACCESS_TOKEN"),
			str("b"), str("c"), str("d"))),
		authEntry("bad", tuple(str("x"), str("y"), str("z"))),
	}}
	doc := New(cfg, Env)
	var names []string
	for _, v := range doc.Env {
		names = append(names, v.Name)
	}
	want := []string{
		"PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN", "PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET",
		"PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN", "PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET",
		"PWB_OAUTH_WIKIPEDIA_ORG_2_CONSUMER_TOKEN", "PWB_OAUTH_WIKIPEDIA_ORG_2_CONSUMER_SECRET",
		"PWB_OAUTH_WIKIPEDIA_ORG_2_ACCESS_TOKEN", "PWB_OAUTH_WIKIPEDIA_ORG_2_ACCESS_SECRET",
		"PWB_OAUTH_EXAMPLE_ORG_2_CONSUMER_SECRET", "PWB_OAUTH_EXAMPLE_ORG_2_ACCESS_TOKEN",
		"PWB_OAUTH_EXAMPLE_ORG_2_ACCESS_SECRET",
		"PWB_AUTH_BAD_1", "PWB_AUTH_BAD_2", "PWB_AUTH_BAD_3",
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("variable names (-want +got):\n%s", diff)
	}
}

func TestPythonRefusesWhatItCannotWrite(t *testing.T) {
	cfg := &model.Config{
		Settings: []model.Entry{{Path: []string{"x"},
			Value: model.Value{Kind: model.Unknown, Source: "import:bot_secrets"}}},
		Authenticate: []model.Entry{authEntry("*", tuple(str("a"), str("b")))},
	}
	_, err := New(cfg, Redact).Python()
	if err == nil || !strings.Contains(err.Error(), `"import:bot_secrets"`) ||
		!strings.Contains(err.Error(), "redacted") {
		t.Errorf("want an error naming both entries, got %v", err)
	}
}

func TestDropped(t *testing.T) {
	cfg := &model.Config{Settings: []model.Entry{
		{Path: []string{"glob"}, Value: model.Value{Kind: model.Other, Source: "module"},
			Pos: model.Pos{Line: 3}},
		{Path: []string{"_helper"}, Value: str("x")},
		{Path: []string{"os"}, Value: model.Value{Kind: model.Other, Source: "module"}},
		{Path: []string{"maxlag"}, Value: model.Value{Kind: model.Int, Int: big.NewInt(5)}},
	}}
	doc := New(cfg, Inline)
	if len(doc.Config.Settings) != 1 || doc.Config.Settings[0].Name() != "maxlag" {
		t.Errorf("settings kept: %+v", doc.Config.Settings)
	}
	if len(doc.Dropped) != 1 || doc.Dropped[0].String() !=
		`glob (line 3) left out: a Python module is not data the format can hold` {
		t.Errorf("dropped: %v", doc.Dropped)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env")
	if err := WriteFile(path, []byte("A=1\n"), 0o600, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("A=2\n"), 0o600, false); err == nil {
		t.Error("an existing file was replaced without asking")
	}
	if b, _ := os.ReadFile(path); string(b) != "A=1\n" {
		t.Errorf("content %q after a refused write", b)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("A=3\n"), 0o600, true); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func nameOf(v model.Value) string {
	name, _ := EnvName(v)
	return name
}

// privateStrings returns the secrets of a config that appear nowhere else
// in it: a placeholder that equals a field name, or a user name given in
// usernames too, is no leak when the document shows it.
func privateStrings(cfg *model.Config) []string {
	public := map[string]bool{}
	for _, f := range append(oauthFields, basicFields...) {
		public[f] = true
	}
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Usernames, cfg.Authenticate} {
		for _, e := range list {
			if !isSecret(e) {
				for _, s := range e.Value.Strings() {
					public[s] = true
				}
			}
			for _, p := range e.Path {
				public[p] = true
			}
		}
	}
	var out []string
	for _, s := range cfg.Secrets() {
		if !public[s] {
			out = append(out, s)
		}
	}
	return out
}

func str(s string) model.Value { return model.Value{Kind: model.Str, Str: s} }

func tuple(items ...model.Value) model.Value {
	return model.Value{Kind: model.Tuple, Items: items}
}

func authEntry(key string, v model.Value) model.Entry {
	return model.Entry{Path: []string{"authenticate", key}, Value: v, Secret: true}
}

// A comment naming the line goes on the line of its own entry, also when
// the value is written in flow style.
func TestLineCommentsOnFlowValues(t *testing.T) {
	tuple := model.Value{Kind: model.Tuple, Items: []model.Value{str("en")}}
	cfg := &model.Config{
		Settings: []model.Entry{
			{Path: []string{"mylang"}, Value: tuple, Pos: model.Pos{Line: 2, Col: 1}},
			{Path: []string{"empty"}, Value: model.Value{Kind: model.List}, Pos: model.Pos{Line: 5, Col: 1}},
		},
		Usernames: []model.Entry{{Path: []string{"usernames", "wikipedia", "en"},
			Value: str("ExampleBot"), Pos: model.Pos{Line: 3, Col: 1}}},
		Authenticate: []model.Entry{
			{Path: []string{"authenticate", "a.example.org"}, Value: model.Value{Kind: model.None},
				Pos: model.Pos{Line: 4, Col: 1}, Secret: true},
		},
	}
	doc := New(cfg, Inline)
	doc.Source = "t.py"
	y, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"mylang: {$tuple: [en]} # t.py:2", "en: ExampleBot # t.py:3",
		"# t.py:4", "empty: [] # t.py:5"} {
		if !strings.Contains(string(y), want) {
			t.Errorf("no %q in\n%s", want, y)
		}
	}
	for _, line := range strings.Split(string(y), "\n") {
		if strings.HasPrefix(line, "usernames:") && strings.Contains(line, "#") {
			t.Errorf("comment on the wrong line: %q\n%s", line, y)
		}
	}
}

// TestBlankEnvDefaults converts a config whose tokens are blank defaults
// of environment reads the check could not answer: a blank default is no
// secret, so every mode keeps it next to its variable, and nothing goes
// to a .env file.
func TestBlankEnvDefaults(t *testing.T) {
	src := "import os\nfamily = 'wikipedia'\nmylang = 'en'\n" +
		"authenticate['*.wikipedia.org'] = (os.environ.get('CK', ''), os.getenv('CS', ''), " +
		"os.environ.get('AT', ''), os.environ.get('AS', ''))\n" +
		"user_agent_description = os.environ.get('UA', 'placeholder-ua')\n"
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	for _, mode := range []SecretMode{Env, Inline, Redact} {
		doc := New(cfg, mode)
		y, err := doc.YAML()
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"CK", "CS", "AT", "AS"} {
			if !bytes.Contains(y, []byte("{$env: "+name+", $default: ''}")) {
				t.Errorf("%s: no read of %s in\n%s", mode, name, y)
			}
		}
		if !bytes.Contains(y, []byte("{$env: UA, $default: placeholder-ua}")) {
			t.Errorf("%s: UA lost its default:\n%s", mode, y)
		}
		if len(doc.Env) != 0 || doc.HasSecrets() {
			t.Errorf("%s: %d variables for .env, HasSecrets %v", mode, len(doc.Env), doc.HasSecrets())
		}
	}
	roundTrip(t, cfg)
}

// TestSharedTokensShareVariables checks that keys holding the same tokens
// get one set of variables, named after the first key, and that each key
// refers to it.
func TestSharedTokensShareVariables(t *testing.T) {
	tokens := tuple(str("a"), str("b"), str("c"), str("d"))
	cfg := &model.Config{}
	for _, d := range []string{"wikipedia", "wikimedia", "wikidata", "wiktionary", "wikibooks",
		"wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage", "mediawiki"} {
		cfg.Authenticate = append(cfg.Authenticate, authEntry("*."+d+".org", tokens))
	}
	cfg.Authenticate = append(cfg.Authenticate, authEntry("example.org",
		tuple(str("a"), str("b"), str("c"), str("other"))))
	doc := New(cfg, Env)
	if len(doc.Env) != 8 {
		t.Fatalf("%d variables, want 8: %v", len(doc.Env), doc.Env)
	}
	if doc.Env[0].Name != "PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN" ||
		doc.Env[4].Name != "PWB_OAUTH_EXAMPLE_ORG_CONSUMER_TOKEN" {
		t.Errorf("names: %v", doc.Env)
	}
	y, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(y), "${PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET}"); n != 11 {
		t.Errorf("%d references to the shared access secret, want 11:\n%s", n, y)
	}
}
