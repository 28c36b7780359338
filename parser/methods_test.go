package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// TestListMethods runs the list methods gpython v0.2.0 lacks, as configs
// use them on Pywikibot's default lists and on sys.path.
func TestListMethods(t *testing.T) {
	cfg := eval(t, `
import sys
user_script_paths = ['mybots', 'other']
user_script_paths.remove('mybots')
sys.path.insert(0, '/tmp/shared')
a = ['x', 'y', 'z']
a.insert(-1, 'i')
a.insert(99, 'end')
b = a.pop()
c = a.pop(0)
d = str(a.index('z')) + str(a.count('y')) + str(['q', 'r', 'q'].index('q', 1))
e = a.copy()
e.reverse()
f = ['k']
f.clear()
f.extend(('t', 'u'))
g = list.copy(['m'])
h = sys.path[0]
`, nil)
	noErrors(t, cfg)
	for name, want := range map[string]any{
		"user_script_paths": []any{"other"}, "a": []any{"y", "i", "z"}, "e": []any{"z", "i", "y"},
		"f": []any{"t", "u"}, "g": []any{"m"}, "b": "end", "c": "x", "d": "212", "h": "/tmp/shared",
	} {
		if got := plain(mustSetting(t, cfg, name).Value); !cmp.Equal(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
}

// TestListMethodErrors keeps CPython's messages.
func TestListMethodErrors(t *testing.T) {
	for src, want := range map[string]string{
		"[].remove('x')":    "ValueError: list.remove(x): x not in list",
		"[].pop()":          "IndexError: pop from empty list",
		"['a'].pop(3)":      "IndexError: pop index out of range",
		"['a'].index('b')":  "ValueError: 'b' is not in list",
		"['a'].insert('x')": "TypeError: insert expected 2 arguments, got 1",
	} {
		d := onlyError(t, eval(t, src+"\n", nil), diag.CodeException)
		if !strings.HasPrefix(d.Message, want+";") {
			t.Errorf("%s: %q, want %q", src, d.Message, want)
		}
	}
}

// TestCodecs encodes to bytes and decodes back.
func TestCodecs(t *testing.T) {
	cfg := eval(t, `
raw = 'é'.encode()
n = len(raw)
a = raw.decode('utf-8')
b = 'x'.encode('ascii').decode()
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "a", "é")
	wantStr(t, cfg, "b", "x")
	if e := mustSetting(t, cfg, "n"); e.Value.Int == nil || e.Value.Int.Int64() != 2 {
		t.Errorf("len('é'.encode()) = %+v, want 2", e.Value)
	}
	d := onlyError(t, eval(t, "x = 'é'.encode('ascii')\n", nil), diag.CodeException)
	want := `UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)`
	if !strings.HasPrefix(d.Message, want) {
		t.Errorf("got %q", d.Message)
	}
}

// TestBuiltinFunctions covers the builtins gpython lacks or gets wrong.
func TestBuiltinFunctions(t *testing.T) {
	cfg := eval(t, `
a = list(reversed(['x', 'y']))
b = ''.join(reversed('ab'))
c = len(frozenset(['x', 'x', 'y']))
d = max(['aa', 'b', 'cc'], key=len)
e = min(['bb', 'a', 'c'], key=len)
f = min([], default='none')
g = sorted(['b', 'A'], key=str.lower)
h = sum([1, 2], start=3)
i = isinstance('x', (int, str))
j = list(map(str.strip, [' p ']))
`, nil)
	noErrors(t, cfg)
	for name, want := range map[string]any{
		"a": []any{"y", "x"}, "b": "ba", "d": "aa", "e": "a", "f": "none",
		"g": []any{"A", "b"}, "j": []any{"p"},
	} {
		if got := plain(mustSetting(t, cfg, name).Value); !cmp.Equal(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]int64{"c": 2, "h": 6} {
		if e := mustSetting(t, cfg, name); e.Value.Int == nil || e.Value.Int.Int64() != want {
			t.Errorf("%s = %+v, want %d", name, e.Value, want)
		}
	}
	d := onlyError(t, eval(t, "x = max([])\n", nil), diag.CodeException)
	if !strings.HasPrefix(d.Message, "ValueError: max() iterable argument is empty;") {
		t.Errorf("got %q", d.Message)
	}
}

// TestDictUnion merges dicts with | and |= (Python 3.9).
func TestDictUnion(t *testing.T) {
	cfg := eval(t, `
base = {'User-Agent': 'x', 'A': '1'}
extra = base | {'A': '2'}
alias = base
base |= {'B': '3'}
from collections import OrderedDict
o = OrderedDict(z='1') | {'y': '2'}
usernames['wikipedia'] |= {'en': 'ExampleBot'}
t = (int | None) is not None
`, nil)
	noErrors(t, cfg)
	keys := func(name string) []string { return mustSetting(t, cfg, name).Value.Keys }
	if got := keys("extra"); !cmp.Equal(got, []string{"A", "User-Agent"}) && !cmp.Equal(got, []string{"User-Agent", "A"}) {
		t.Errorf("extra keys = %v", got)
	}
	if v, _ := mustSetting(t, cfg, "extra").Value.Get("A"); v.Str != "2" {
		t.Errorf("extra['A'] = %+v, want the right operand's", v)
	}
	if got := keys("alias"); len(got) != 3 {
		t.Errorf("|= made a new dict: alias keys = %v", got)
	}
	if got := keys("o"); !cmp.Equal(got, []string{"z", "y"}) {
		t.Errorf("o keys = %v", got)
	}
	if len(cfg.Usernames) != 1 || cfg.Usernames[0].Value.Str != "ExampleBot" {
		t.Errorf("usernames = %+v", cfg.Usernames)
	}
}

// TestSecretHeaders puts the credentials of extra_headers, and only
// them, among the secrets.
func TestSecretHeaders(t *testing.T) {
	cfg := eval(t, `extra_headers = {'Authorization': 'Bearer eyJabc', 'X-Api-Key': 'k123', 'Accept': 'text/html'}
`, nil)
	got := cfg.Secrets()
	if !cmp.Equal(got, []string{"Bearer eyJabc", "k123"}) {
		t.Errorf("Secrets() = %q", got)
	}
}

// TestUnresolvedEnvOnce reports the variables the check was not given in
// one finding.
func TestUnresolvedEnvOnce(t *testing.T) {
	cfg := eval(t, `import os
authenticate['*.wikipedia.org'] = (os.environ['PWB_A'], os.environ['PWB_B'],
    os.environ['PWB_C'], os.environ['PWB_D'])
db_password = os.getenv('PWB_E')
`, nil)
	var got []diag.Diagnostic
	for _, d := range cfg.Diagnostics {
		if d.Code == diag.CodeUnresolvedEnv {
			got = append(got, d)
		}
	}
	want := `environment variables "PWB_A", "PWB_B", "PWB_C" and 2 more are not set for the check, ` +
		`so values read from them are unknown or their defaults`
	if len(got) != 1 || got[0].Message != want || got[0].Line != 2 {
		t.Errorf("PWB010 findings = %v", got)
	}
}

// TestEnvironmentChanges lets a file set os.environ and read it back,
// and go on past os.getcwd().
func TestEnvironmentChanges(t *testing.T) {
	cfg := eval(t, `import os
os.environ['PWB_X'] = '1'
os.environ.setdefault('PWB_Y', '2')
os.environ.update(PWB_Z='3')
a = os.environ['PWB_X'] + os.getenv('PWB_Z')
del os.environ['PWB_X']
b = os.environ.get('PWB_X', 'gone')
here = os.getcwd()
family = 'wikipedia'
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "a", "13")
	wantStr(t, cfg, "b", "gone")
	wantStr(t, cfg, "family", "wikipedia")
	if e := mustSetting(t, cfg, "here"); e.Value.Kind != model.Unknown {
		t.Errorf("here = %+v, want unknown", e.Value)
	}
	env := map[string]string{"KEEP": "v"}
	Evaluate("user-config.py", []byte("import os\nos.environ['KEEP'] = 'w'\n"), Options{Env: env})
	if env["KEEP"] != "v" {
		t.Error("a change of os.environ reached the caller's map")
	}
}

// TestStopMessages says what a stop means: Pywikibot fails to start on an
// exception or a syntax error; a refusal only ends the check.
func TestStopMessages(t *testing.T) {
	tests := []struct{ src, code, msg string }{
		{"a = 1\nb = 2\nx = y\nz = 3\n", diag.CodeException,
			"NameError: name 'y' is not defined; Pywikibot fails to start (pwbconf checked lines 1-3 only)"},
		// Nothing but comments after the stop, or the rest of the
		// statement: no line went unchecked.
		{"a = 1\nx = y\n\n# done\n", diag.CodeException,
			"NameError: name 'y' is not defined; Pywikibot fails to start"},
		{"a = 1\nx = (y,\n     2)\n", diag.CodeException,
			"NameError: name 'y' is not defined; Pywikibot fails to start"},
		{"a = 1\nx = y + \\\n    'b'\n", diag.CodeException,
			"NameError: name 'y' is not defined; Pywikibot fails to start"},
		{"a = 1\nf = open('/x')\n", diag.CodeRefused, "the sandbox does not run open(); the check ends there"},
		{"x = (\n", diag.CodeSyntaxError, "; Pywikibot fails to start and no setting is checked"},
		{"a = 1\nf = open('/x')\nb = 2\n", diag.CodeRefused,
			"the sandbox does not run open(); lines after 2 are not checked"},
		{"import subprocess\nb = 2\n", diag.CodeRefused,
			`the sandbox does not import "subprocess", which reaches files, processes or the network; ` +
				"lines after 1 are not checked"},
		{"password_file = 'p.py'\nx = ('Bot', BotPassword('a', 'b'))\n", diag.CodeException,
			"Pywikibot fails to start. BotPassword(...) belongs in the password file that " +
				"password_file names, which Pywikibot reads apart from user-config.py; " +
				"pwbconf checks user-config.py files"},
		{"from pywikibot.backports import Dict, List, Tuple\nb = 2\n", diag.CodeException,
			"ImportError: cannot import name 'Dict' from 'pywikibot.backports'; Pywikibot fails to " +
				"start (pwbconf checked line 1 only). Pywikibot 8 wrote this line into the configs it " +
				"generated; delete it"},
	}
	for _, tt := range tests {
		d := onlyError(t, eval(t, tt.src, nil), tt.code)
		if !strings.HasSuffix(d.Message, tt.msg) {
			t.Errorf("%q: %q, want %q", tt.src, d.Message, tt.msg)
		}
	}
}

// TestBackportsNames lets the names Pywikibot 11's backports has through.
func TestBackportsNames(t *testing.T) {
	cfg := eval(t, "from pywikibot.backports import Any, NoneType, pairwise\nimport pywikibot.backports\nfamily = 'x'\n", nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "family", "x")
}

// TestCredentialNamesAreSecret checks that a setting Pywikibot does not
// know, named like a credential, is kept private like db_password, while
// Pywikibot's own password_file, a path, is not.
func TestCredentialNamesAreSecret(t *testing.T) {
	src := "password = 'Tr0ub4dor&3'\nbot_password = 'x'\nMY_API_KEY = 'k'\n" +
		"password_file = 'user-password.py'\nput_throttle = 2\ndb_password = 'd'\n"
	cfg := Evaluate("user-config.py", []byte(src), Options{})
	want := map[string]bool{"password": true, "bot_password": true, "MY_API_KEY": true,
		"password_file": false, "put_throttle": false, "db_password": true}
	for _, e := range cfg.Settings {
		if w, ok := want[e.Name()]; ok && e.Secret != w {
			t.Errorf("%s: secret %v, want %v", e.Name(), e.Secret, w)
		}
	}
}

// TestBotPasswordPairIsSecret checks that a variable of the file's own
// holding a BotPassword login is kept private whatever its name, and that
// pairs of another shape are not.
func TestBotPasswordPairIsSecret(t *testing.T) {
	src := "pw = ('ExampleBot@Main', 'hunter0abcdefghijklmnopqrstuvwxy')\n" +
		"login = ['ExampleBot@Main', 'hunter0abcdefghijklmnopqrstuvwxy']\n" +
		"pair = ('ExampleBot', 'hunter0abcdefghijklmnopqrstuvwxy')\n" +
		"short = ('ExampleBot@Main', 'hunter0')\n" +
		"upper = ('ExampleBot@Main', 'HUNTER0ABCDEFGHIJKLMNOPQRSTUVWXY')\n"
	cfg := Evaluate("user-config.py", []byte(src), Options{})
	want := map[string]bool{"pw": true, "login": true, "pair": false, "short": false, "upper": false}
	for _, e := range cfg.Settings {
		if w, ok := want[e.Name()]; ok && e.Secret != w {
			t.Errorf("%s: secret %v, want %v", e.Name(), e.Secret, w)
		}
	}
}
