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

// TestDefaultsComputedFromAreNotReads checks that a default the statement
// computes something from is not marked as the default of the read, even
// where Go hands the very object back ('en'.lower(), a slice of all of it,
// + ”), while a value that is the read, through str(), `or`, a condition
// or a container, keeps the mark.
func TestDefaultsComputedFromAreNotReads(t *testing.T) {
	src := `import os
a = os.getenv('KA', 'en').lower()
b = os.getenv('KB', 'utf-8').strip()
c = os.getenv('KC', 'Bot').replace('x', 'y')
d = os.getenv('KD', 'pw.py')[:]
e = os.getenv('KE', 'Bot') + ''
f = os.getenv('KF', 'x')[0]
g = max(os.getenv('KG', 'b'), 'a')
h = str(os.getenv('KH', 'desc'))
i = os.getenv('KI', '') or 'dflt'
j = (os.getenv('KJ', 'one'), os.getenv('KJ2', 'two').upper())
k = os.environ.get('KK', os.environ.get('KK2', 'inner'))
l = os.getenv('KL', 'x') if True else 'y'
`
	cfg := eval(t, src, nil)
	noErrors(t, cfg)
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		if v := mustSetting(t, cfg, name).Value; v.Source != "" {
			t.Errorf("%s = %+v, computed from a read but marked as its default", name, v)
		}
	}
	for name, env := range map[string]string{"h": "KH", "k": "KK", "l": "KL"} {
		if v := mustSetting(t, cfg, name).Value; v.Source != "env:"+env {
			t.Errorf("%s = %+v, want the default of a read of %s", name, v, env)
		}
	}
	j := mustSetting(t, cfg, "j").Value
	if len(j.Items) != 2 || j.Items[0].Source != "env:KJ" || j.Items[1].Source != "" {
		t.Errorf("j = %+v, want the first item a read of KJ, the second computed", j)
	}
}

// TestSetdefaultSetsTheVariable checks that after os.environ.setdefault a
// read of the variable gives what setdefault gave, as CPython does: the
// variable was set to the default where it was unset, so os.environ[N]
// cannot fail and a read's own default no longer applies.
func TestSetdefaultSetsTheVariable(t *testing.T) {
	src := `import os
os.environ.setdefault('PWB_LANG2', 'de')
a = os.environ['PWB_LANG2']
b = os.getenv('PWB_LANG2')
c = os.environ.get('PWB_LANG2', 'fr')
d = 'PWB_LANG2' in os.environ
e = os.environ.setdefault('PWB_LANG2', 'it')
`
	cfg := eval(t, src, nil)
	noErrors(t, cfg)
	for _, name := range []string{"a", "b", "c", "e"} {
		if v := mustSetting(t, cfg, name).Value; v.Kind != model.Str || v.Str != "de" || v.Source != "env:PWB_LANG2" {
			t.Errorf("%s = %+v, want the default 'de' of a read of PWB_LANG2", name, v)
		}
	}
	if v := mustSetting(t, cfg, "d").Value; v.Kind != model.Bool || !v.Bool {
		t.Errorf("d = %+v, want True", v)
	}
	cfg = eval(t, src, map[string]string{"PWB_LANG2": "nl"})
	noErrors(t, cfg)
	for _, name := range []string{"a", "b", "c", "e"} {
		wantStr(t, cfg, name, "nl")
	}
}
