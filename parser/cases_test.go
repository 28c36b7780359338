package parser

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// oracle is what real Pywikibot made of a case.
type oracle struct {
	Usernames    map[string]map[string]any `json:"usernames"`
	Authenticate map[string][]string       `json:"authenticate"`
	Family       *string                   `json:"family"`
	Mylang       *string                   `json:"mylang"`
	PasswordFile *string                   `json:"password_file"`
	Error        string                    `json:"error"`
}

const casesDir = "../testdata/cases"

func readOracle(t *testing.T, path string) oracle {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var o oracle
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// plain turns a model value into what encoding/json makes of Python's.
func plain(v model.Value) any {
	switch v.Kind {
	case model.Str:
		return v.Str
	case model.None:
		return nil
	case model.Tuple, model.List:
		out := []any{}
		for _, it := range v.Items {
			out = append(out, plain(it))
		}
		return out
	}
	return "<" + string(v.Kind) + ">"
}

func usernamesOf(cfg *model.Config) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, e := range cfg.Usernames {
		if len(e.Path) != 3 {
			continue
		}
		if out[e.Path[1]] == nil {
			out[e.Path[1]] = map[string]any{}
		}
		out[e.Path[1]][e.Path[2]] = plain(e.Value)
	}
	return out
}

func authenticateOf(cfg *model.Config) map[string][]string {
	out := map[string][]string{}
	for _, e := range cfg.Authenticate {
		var items []string
		for _, it := range e.Value.Items {
			items = append(items, it.Str)
		}
		out[e.Path[1]] = items
	}
	return out
}

func setting(cfg *model.Config, name, def string) *string {
	e, ok := cfg.Setting(name)
	if !ok {
		if def == "" {
			return nil
		}
		return &def
	}
	if e.Value.Kind != model.Str {
		return nil
	}
	return &e.Value.Str
}

func errorsOf(cfg *model.Config) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range cfg.Diagnostics {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

func evalCase(t *testing.T, dir string, env map[string]string) *model.Config {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "user-config.py"))
	if err != nil {
		t.Fatal(err)
	}
	return Evaluate("user-config.py", src, Options{Env: env})
}

// TestCases checks every case against what real Pywikibot loaded.
func TestCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(casesDir, "[0-9]*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases in %s", casesDir)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			want := readOracle(t, filepath.Join(dir, "pywikibot.json"))
			cfg := evalCase(t, dir, nil)
			if want.Error != "" {
				checkCaseError(t, name, want.Error, cfg)
				return
			}
			if errs := errorsOf(cfg); len(errs) > 0 && !strings.HasPrefix(name, "27-") {
				t.Fatalf("unexpected errors: %v", errs)
			}
			compareLoaded(t, want, cfg, name)
		})
	}
}

func compareLoaded(t *testing.T, want oracle, cfg *model.Config, name string) {
	t.Helper()
	if strings.HasPrefix(name, "27-") {
		// Pywikibot read the file; the sandbox refused and stopped.
		if cfg.Stopped == nil || cfg.Stopped.Line != 3 {
			t.Errorf("stopped at %v, want line 3", cfg.Stopped)
		}
		return
	}
	if diff := cmp.Diff(want.Usernames, usernamesOf(cfg)); diff != "" {
		t.Errorf("usernames (-pywikibot +pwbconf):\n%s", diff)
	}
	if diff := cmp.Diff(want.Authenticate, authenticateOf(cfg)); diff != "" {
		t.Errorf("authenticate (-pywikibot +pwbconf):\n%s", diff)
	}
	if diff := cmp.Diff(want.Family, setting(cfg, "family", "wikipedia")); diff != "" {
		t.Errorf("family: %s", diff)
	}
	if diff := cmp.Diff(want.Mylang, setting(cfg, "mylang", "language")); diff != "" {
		t.Errorf("mylang: %s", diff)
	}
	if diff := cmp.Diff(want.PasswordFile, setting(cfg, "password_file", "")); diff != "" {
		t.Errorf("password_file: %s", diff)
	}
}

// checkCaseError wants an error naming the exception Pywikibot raised,
// or, for the hostile cases, the matching limit or refusal.
func checkCaseError(t *testing.T, name, want string, cfg *model.Config) {
	t.Helper()
	errs := errorsOf(cfg)
	switch {
	case strings.HasPrefix(name, "24-"):
		// The sandbox does not load the module, so nothing fails: the
		// values are unknown instead.
		if len(errs) != 0 {
			t.Fatalf("unexpected errors: %v", errs)
		}
		if len(cfg.Imports) != 2 {
			t.Errorf("imports = %v, want dotenv and bot_secrets", cfg.Imports)
		}
		return
	case strings.HasPrefix(name, "17-"):
		// Without the variables the values are unknown, not a KeyError.
		if len(errs) != 0 {
			t.Fatalf("unexpected errors: %v", errs)
		}
		return
	}
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", cfg.Diagnostics)
	}
	wantCode := map[string]string{
		"25-": diag.CodeTimeLimit, "26-": diag.CodeMemoryLimit, "28-": diag.CodeRefused,
		"29-": diag.CodeRecursionLimit,
	}[name[:3]]
	if wantCode != "" {
		if errs[0].Code != wantCode {
			t.Errorf("code %s, want %s: %s", errs[0].Code, wantCode, errs[0].Message)
		}
		return
	}
	exc, _, _ := strings.Cut(want, ":")
	if !strings.Contains(errs[0].Message, exc) {
		t.Errorf("error %q does not name %s", errs[0].Message, exc)
	}
}

// TestCaseWithEnvironment runs case 17 with the variables set.
func TestCaseWithEnvironment(t *testing.T) {
	dir := filepath.Join(casesDir, "17-secrets-from-environment")
	want := readOracle(t, filepath.Join(dir, "pywikibot-with-env.json"))
	env := map[string]string{}
	for _, toks := range want.Authenticate {
		keys := []string{"PWB_CONSUMER_TOKEN", "PWB_CONSUMER_SECRET", "PWB_ACCESS_TOKEN", "PWB_ACCESS_SECRET"}
		for i, k := range keys {
			env[k] = toks[i]
		}
	}
	cfg := evalCase(t, dir, env)
	if errs := errorsOf(cfg); len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	compareLoaded(t, want, cfg, "17")
	for _, r := range cfg.EnvReads {
		if r.Resolved != strings.HasPrefix(r.Name, "PWB_") {
			t.Errorf("read %+v: resolved is wrong", r)
		}
	}
}

// TestCaseWithCompleteEnvironment runs case 17 with the two variables it
// subscripts as the whole environment: the two it reads without a default
// are then unset, and None as in CPython.
func TestCaseWithCompleteEnvironment(t *testing.T) {
	dir := filepath.Join(casesDir, "17-secrets-from-environment")
	src, err := os.ReadFile(filepath.Join(dir, "user-config.py"))
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"PWB_CONSUMER_TOKEN": "ct", "PWB_CONSUMER_SECRET": "cs"}
	cfg := Evaluate("user-config.py", src, Options{Env: env, EnvComplete: true})
	if errs := errorsOf(cfg); len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	want := []any{"ct", "cs", nil, nil}
	if len(cfg.Authenticate) != 3 {
		t.Errorf("authenticate has %d entries, want 3", len(cfg.Authenticate))
	}
	for _, e := range cfg.Authenticate {
		if diff := cmp.Diff(want, plain(e.Value)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", e.Path[1], diff)
		}
	}
	if diff := cmp.Diff(map[string]map[string]any{"*": {"*": "ExampleBot"}}, usernamesOf(cfg)); diff != "" {
		t.Errorf("usernames (-want +got):\n%s", diff)
	}
	for _, r := range cfg.EnvReads {
		if !r.Resolved {
			t.Errorf("read %+v is unresolved in a complete environment", r)
		}
	}
}
