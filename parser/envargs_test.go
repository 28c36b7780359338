package parser

import (
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// TestEnvKeywordArguments checks that os.getenv and the methods of
// os.environ take their arguments as CPython's Python code does, by
// keyword too (os.getenv(key, default=None), Mapping.get(self, key,
// default=None), _Environ.setdefault(self, key, value),
// MutableMapping.pop(self, key, default=...)).
func TestEnvKeywordArguments(t *testing.T) {
	src := `import os
a = os.getenv(key='PWB_LANG', default='en')
b = os.environ.get('PWB_LANG', default='en')
c = os.environ.get(key='PWB_LANG')
d = os.environ.setdefault(key='PWB_BOT', value='ExampleBot')
e = os.environ.pop('PWB_ENC', default='utf-8')
f = os.getenv('PWB_LANG', default=None)
`
	cfg := eval(t, src, nil)
	noErrors(t, cfg)
	for name, want := range map[string]string{"a": "en", "b": "en", "d": "ExampleBot", "e": "utf-8"} {
		wantStr(t, cfg, name, want)
		if v := mustSetting(t, cfg, name).Value; v.Source == "" {
			t.Errorf("%s = %+v, not marked as the default of a read", name, v)
		}
	}
	for _, name := range []string{"c", "f"} {
		if v := mustSetting(t, cfg, name).Value; v.Kind != model.Unknown || v.Source != "env-or-none:PWB_LANG" {
			t.Errorf("%s = %+v, want a read that gives None where unset", name, v)
		}
	}
	cfg = eval(t, src, map[string]string{"PWB_LANG": "de", "PWB_BOT": "Bot", "PWB_ENC": "latin-1"})
	noErrors(t, cfg)
	for name, want := range map[string]string{"a": "de", "b": "de", "c": "de", "d": "Bot", "e": "latin-1"} {
		wantStr(t, cfg, name, want)
	}
}

// TestEnvArgumentErrors checks the calls CPython refuses, with its
// messages.
func TestEnvArgumentErrors(t *testing.T) {
	tests := []struct{ call, want string }{
		{"os.getenv('A', 'b', 'c')", "getenv() takes from 1 to 2 positional arguments but 3 were given"},
		{"os.getenv(default='x')", "getenv() missing 1 required positional argument: 'key'"},
		{"os.getenv('A', key='B')", "getenv() got multiple values for argument 'key'"},
		{"os.environ.get('A', dflt=1)", "Mapping.get() got an unexpected keyword argument 'dflt'"},
		{"os.environ.get()", "Mapping.get() missing 1 required positional argument: 'key'"},
		{"os.environ.setdefault('A')", "_Environ.setdefault() missing 1 required positional argument: 'value'"},
		{"os.environ.setdefault('A', default='x')",
			"_Environ.setdefault() got an unexpected keyword argument 'default'"},
		{"os.environ.setdefault('A', 'b', 'c')",
			"_Environ.setdefault() takes 3 positional arguments but 4 were given"},
		{"os.environ.pop('A', 'b', 'c')", "MutableMapping.pop() takes from 2 to 3 positional arguments but 4 were given"},
	}
	for _, tt := range tests {
		cfg := eval(t, "import os\nx = "+tt.call+"\n", nil)
		errs := errorsOf(cfg)
		if len(errs) != 1 || !strings.Contains(errs[0].Message, "TypeError: "+tt.want) {
			t.Errorf("%s: %v, want TypeError: %s", tt.call, errs, tt.want)
		}
	}
}

// TestReadsTellWhatTheyAre checks that the model tells the value of a
// read from one computed from it, and what Python gives where the
// variable is unset.
func TestReadsTellWhatTheyAre(t *testing.T) {
	src := `import os
a = os.environ['A']
b = 'Bot' + os.environ['A']
c = os.environ.get('C')
d = os.getenv('C').strip()
e = f"{os.environ['A']}"
f = os.path.join(os.environ['HOME'], 'x')
g = os.path.expanduser('~')
h = os.path.expanduser('~/x')
i = os.environ.setdefault('I', 'dflt')
`
	cfg := eval(t, src, nil)
	noErrors(t, cfg)
	want := map[string]string{
		"a": "env:A", "b": "computed:env:A", "c": "env-or-none:C", "d": "computed:env:C",
		"e": "computed:env:A", "f": "computed:env:HOME", "g": "env-or-none:HOME",
		"h": "computed:env:HOME",
	}
	for name, source := range want {
		if v := mustSetting(t, cfg, name).Value; v.Kind != model.Unknown || v.Source != source {
			t.Errorf("%s = %+v, want unknown from %s", name, v, source)
		}
	}
	if v := mustSetting(t, cfg, "i").Value; v.Str != "dflt" || v.Source != "env:I" {
		t.Errorf("i = %+v, want the default of a read of I", v)
	}
}
