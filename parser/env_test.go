package parser

import (
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// TestCompleteEnvironment reads unset variables the ways CPython offers
// when the environment given is the whole one.
func TestCompleteEnvironment(t *testing.T) {
	env := map[string]string{"SET": "v"}
	cfg := Evaluate("user-config.py", []byte(`import os
a = os.getenv('UNSET')
b = os.environ.get('UNSET')
c = os.getenv('UNSET', 'd')
d = 'UNSET' in os.environ
e = 'SET' in os.environ
f = os.environ['SET']
g = os.environ['UNSET']
h = 1
`), Options{Env: env, EnvComplete: true})
	for name, want := range map[string]model.Kind{"a": model.None, "b": model.None} {
		if e := mustSetting(t, cfg, name); e.Value.Kind != want {
			t.Errorf("%s = %+v, want %s", name, e.Value, want)
		}
	}
	wantStr(t, cfg, "c", "d")
	wantStr(t, cfg, "f", "v")
	if e := mustSetting(t, cfg, "d"); e.Value.Kind != model.Bool || e.Value.Bool {
		t.Errorf("d = %+v, want False", e.Value)
	}
	if e := mustSetting(t, cfg, "e"); e.Value.Kind != model.Bool || !e.Value.Bool {
		t.Errorf("e = %+v, want True", e.Value)
	}
	errs := errorsOf(cfg)
	if len(errs) != 1 || errs[0].Code != diag.CodeException || errs[0].Line != 8 ||
		!strings.HasPrefix(errs[0].Message, "KeyError: 'UNSET'") {
		t.Fatalf("want a KeyError at line 8, got %v", cfg.Diagnostics)
	}
	if _, ok := cfg.Setting("h"); ok {
		t.Error("a setting after the KeyError is known")
	}
}

// TestPartialEnvironment keeps reads of variables it was not given
// symbolic.
func TestPartialEnvironment(t *testing.T) {
	cfg := eval(t, "import os\na = os.environ['UNSET']\nb = os.getenv('UNSET')\n", nil)
	noErrors(t, cfg)
	for _, name := range []string{"a", "b"} {
		if e := mustSetting(t, cfg, name); e.Value.Kind != model.Unknown {
			t.Errorf("%s = %+v, want unknown", name, e.Value)
		}
	}
}
