package parser

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

func wantPos(t *testing.T, cfg *model.Config, name string, line int) model.Entry {
	t.Helper()
	e := mustSetting(t, cfg, name)
	if e.Pos.Line != line {
		t.Errorf("%s set at line %d, want %d", name, e.Pos.Line, line)
	}
	return e
}

func TestChangesInPlace(t *testing.T) {
	cfg := eval(t, `family = 'wikipedia'
family_files['x'] = 'https://x.org'
disambiguation_comment['wikipedia']['en'] = 'dab'
log.append('x')
user_script_paths += ['scripts']
extra_headers.update({'X-A': '1'})
actions_to_block.extend(['x'])
actions_to_block.append('y')
def f():
    family_files['y'] = 'https://y.org'
f()
log_list = log
interwiki_graph_formats[0] = 'svg'
cosmetic_changes_deny_script.append('a')
del cosmetic_changes_deny_script[-1]
`, nil)
	noErrors(t, cfg)
	e := wantPos(t, cfg, "family_files", 10)
	if e.Earlier != nil {
		t.Errorf("family_files earlier = %v, want none", e.Earlier)
	}
	if e.Value.Kind != model.Dict || len(e.Value.Keys) != 2 {
		t.Errorf("family_files = %+v", e.Value)
	}
	wantPos(t, cfg, "disambiguation_comment", 3)
	wantPos(t, cfg, "log", 4)
	e = wantPos(t, cfg, "user_script_paths", 5)
	if diff := cmp.Diff([]model.Value{{Kind: model.Str, Str: "scripts"}}, e.Value.Items); diff != "" {
		t.Errorf("user_script_paths (-want +got):\n%s", diff)
	}
	wantPos(t, cfg, "extra_headers", 6)
	if e := wantPos(t, cfg, "actions_to_block", 8); e.Earlier != nil {
		t.Errorf("actions_to_block earlier = %v, want none", e.Earlier)
	}
	wantPos(t, cfg, "interwiki_graph_formats", 13)
	if _, ok := cfg.Setting("cosmetic_changes_deny_script"); ok {
		t.Error("a list changed back to its default is a setting")
	}
	for _, name := range []string{"usernames", "authenticate", "fake_user_agent_default"} {
		if _, ok := cfg.Setting(name); ok {
			t.Errorf("untouched %s is a setting", name)
		}
	}
}

// TestChangesInPlaceAfterRebinding keeps the rebinding as the only
// earlier place: a change in place sets nothing a second time.
func TestChangesInPlaceAfterRebinding(t *testing.T) {
	cfg := eval(t, "log = ['a']\nlog.append('b')\n", nil)
	e := wantPos(t, cfg, "log", 1)
	if len(e.Value.Items) != 2 || e.Earlier != nil {
		t.Errorf("log = %+v", e)
	}
}

func TestDefAndClassPositions(t *testing.T) {
	cfg := eval(t, `x = 1
def f(a):
    return a

def g() -> int:
    return 1

class A:
    b = 2
class B(A): pass
for i in range(2):
    def h(): pass
`, nil)
	noErrors(t, cfg)
	for name, line := range map[string]int{"x": 1, "f": 2, "g": 5, "A": 8, "B": 10, "h": 12, "i": 11} {
		wantPos(t, cfg, name, line)
	}
	if e := mustSetting(t, cfg, "h"); len(e.Earlier) != 0 {
		t.Errorf("h earlier = %v, want none", e.Earlier)
	}
}

// TestNamespaceReachedWithoutNames checks the bindings made through
// globals() and a star import, which name no variable in the code.
func TestNamespaceReachedWithoutNames(t *testing.T) {
	cfg := eval(t, "x = 1\nglobals()['mylang'] = 'de'\ny = 2\n", nil)
	noErrors(t, cfg)
	wantPos(t, cfg, "mylang", 2)
	cfg = eval(t, "x = 1\nfrom os.path import *\ny = 2\n", nil)
	noErrors(t, cfg)
	wantPos(t, cfg, "join", 2)
	// globals() fetched under a name the code never spells, rebinding
	// a default and changing a default list in place.
	cfg = eval(t, `import builtins
family = 'wikipedia'
g = getattr(builtins, 'glo' + 'bals')()
g['my' + 'lang'] = 'de'
g['interwiki_graph_' + 'formats'].append('svg')
del g, builtins
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "mylang", "de")
	wantPos(t, cfg, "mylang", 4)
	e := wantPos(t, cfg, "interwiki_graph_formats", 5)
	if got := e.Value.Strings(); !slices.Equal(got, []string{"png", "svg"}) {
		t.Errorf("interwiki_graph_formats = %q, want png and svg", got)
	}
}

// TestReservedNames checks that a file naming one of the evaluator's hooks
// is refused where it names it, not run with the hook in its hands.
func TestReservedNames(t *testing.T) {
	for _, src := range []string{
		"mylang = 'en'\nh = __pwbconf_at__\nh.L1_1\n",
		"mylang = 'en'\nx = f'{__pwbconf_loop__}'\n",
		"mylang = 'en'\nx = mylang.__pwbconf_def__\n",
	} {
		cfg := Evaluate("user-config.py", []byte(src), Options{})
		if len(cfg.Diagnostics) != 1 {
			t.Fatalf("%q: diagnostics %v, want one", src, cfg.Diagnostics)
		}
		d := cfg.Diagnostics[0]
		if d.Code != diag.CodeRefused || d.Line != 2 || !strings.Contains(d.Message, "reserved") {
			t.Errorf("%q: got %s at %d:%d %q, want %s at line 2 naming the reserved name",
				src, d.Code, d.Line, d.Column, d.Message, diag.CodeRefused)
		}
	}
}

// TestHookBuiltAtRunTime checks that a hook the file reaches by a name it
// builds at run time is refused when it runs: the position it would set
// is not one the rewrite wrote, and would misplace what follows.
func TestHookBuiltAtRunTime(t *testing.T) {
	for _, hook := range []string{"at", "loop", "hdr", "def"} {
		src := "mylang = 'en'\nimport builtins\n" +
			"h = getattr(builtins, '__pwbconf_' + '" + hook + "__')\nh.L99_1\nfamily = 'x'\n"
		stopAt(t, Evaluate("user-config.py", []byte(src), Options{}), diag.CodeRefused, 4, "statement hooks")
	}
}

// TestConditionLine checks that what a condition decides is reported at
// the if, elif or while that evaluates it, not at the statement before.
func TestConditionLine(t *testing.T) {
	for _, tt := range []struct {
		src  string
		line int
	}{
		{"import pathlib\nx = 1\n\nif pathlib.Path('/x').exists():\n    x = 2\n", 4},
		{"import pathlib\nx = 1\nif x == 2:\n    pass\nelif pathlib.Path('/x'):\n    x = 2\n", 5},
		{"import pathlib\nx = 1\nwhile pathlib.Path('/x'):\n    x = 2\n", 3},
	} {
		cfg := Evaluate("user-config.py", []byte(tt.src), Options{})
		var lines []int
		for _, d := range cfg.Diagnostics {
			if strings.Contains(d.Message, "false in conditions") {
				lines = append(lines, d.Line)
			}
		}
		if !slices.Equal(lines, []int{tt.line}) {
			t.Errorf("%q: the unknown condition is noted at lines %v, want %d", tt.src, lines, tt.line)
		}
	}
}

// TestUnsupportedSyntax checks that syntax of a newer Python that the
// interpreter lacks is reported as pwbconf's limit, where it is, and that
// look-alikes the interpreter runs are not.
func TestUnsupportedSyntax(t *testing.T) {
	for _, tt := range []struct {
		src, what string
		line, col int
	}{
		{"x = 1\nif (n := 3) > 2:\n    pass\n", ":=", 2, 7},
		{"d = {'b': 2,\n     **{'a': 1}}\n", "**", 2, 6},
		{"x = [1, *[2]]\n", "* inside", 1, 9},
		{"x = (*[1], 2)\n", "* inside", 1, 6},
		{"match x:\n    case 1:\n        pass\n", "match statement", 1, 1},
		{"try:\n    pass\nexcept* ValueError:\n    pass\n", "except*", 3, 1},
		{"type T = str\n", "type statement", 1, 1},
		{"def f[T](x):\n    return x\n", "type parameters", 1, 1},
		{"a = [1]\nx = *a, 1\n", "* inside", 2, 5},
		{"a = [1]\nx = a[0], *a\n", "* inside", 2, 11},
		{"a = [1]\nx = print(*a, *a)\n", "more than one unpacking", 2, 15},
		{"d = {}\nx = dict(**d, en='Bot')\n", "an argument after", 2, 15},
		{"d = {}\nx = dict(**d, **d)\n", "more than one unpacking", 2, 15},
		{"a = [1]\nx = print(*a, 1)\n", "an argument after", 2, 15},
		{"x = 2 @ 3\n", "matrix multiplication", 1, 7},
		{"async def f():\n    pass\n", "async def", 1, 1},
		{"f = lambda a, /: a\n", "positional-only", 1, 15},
		{"x = [**{}]\n", "** inside", 1, 6},
		{"def f(*a):\n    return a\nx = f(*[1], 'x')\ny = 2\n", "an argument after", 3, 13},
		{"with (open('a') as f, open('b') as g):\n    pass\n", "parenthesized context managers", 1, 1},
	} {
		stopAt(t, Evaluate("user-config.py", []byte(tt.src), Options{}),
			diag.CodeUnsupportedSyntax, tt.line, tt.what)
		if d := Evaluate("user-config.py", []byte(tt.src), Options{}).Diagnostics[0]; d.Column != tt.col {
			t.Errorf("%q: column %d, want %d", tt.src, d.Column, tt.col)
		}
	}
	for _, src := range []string{
		"a, *b = [1, 2, 3]\n", "print(*[1], sep='')\n", "def f(*a, **k):\n    return a\n",
		"match = {'x': 1}\nmatch['y'] = 2\n", "type = 'a'\n", "f = lambda *a: a\n",
		"x = [2 ** 3, 4 * 5]\n", "def g(a, *b, c=1, **d):\n    return b\nx = g(1, *[2], c=3, **{})\n",
		"f = lambda a, *b, **c: a\ng = [lambda *a: a]\n", "for a, *b in [[1, 2]]:\n    pass\n",
	} {
		noErrors(t, eval(t, src, nil))
	}
	// Syntax errors CPython reports too, on a line that holds a form
	// gpython lacks or one it has, are the file's.
	for _, src := range []string{
		"[p, *q] = (4, 5, 6) +\n", "x = 'a' +\nd = {**{}}\n", "f(*a, **k) +\n",
	} {
		stopAt(t, Evaluate("user-config.py", []byte(src), Options{}),
			diag.CodeSyntaxError, 1, "SyntaxError")
	}
	// A real mistake before the construct is still the file's.
	stopAt(t, Evaluate("user-config.py", []byte("y = 'a' +\nx = {**{}}\n"), Options{}),
		diag.CodeSyntaxError, 1, "SyntaxError")
}

// TestDottedDecorator checks that a decorator reached through attributes
// runs, where gpython alone looks the dotted name up as one name.
func TestDottedDecorator(t *testing.T) {
	cfg := eval(t, "class _B:\n    pass\n_B.d = lambda f: f\n@_B.d\ndef _g():\n    return 'en'\nmylang = _g()\n", nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "mylang", "en")
}

func TestPythonText(t *testing.T) {
	cfg := eval(t, `a = '{!r} {} {}'.format((1,), 1e16, float('inf'))
b = '%s|%s' % ([0.1, 2.0], {'k': (1,)})
print(0.5, (1,), [1e-05])
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "a", "(1,) 1e+16 inf")
	wantStr(t, cfg, "b", "[0.1, 2.0]|{'k': (1,)}")
	if cfg.Output != "0.5 (1,) [1e-05]\n" {
		t.Errorf("output %q", cfg.Output)
	}
}

func TestPercentOnVariables(t *testing.T) {
	cfg := eval(t, `fmt = '%s-%r'
a = fmt % (None, 'x')
b = 'n=%d' % 3 * 2
c = 7 % 4
s = '%s!'
s %= True
d = {'k': '%s'}
e = d['k'] % [1]
`, nil)
	noErrors(t, cfg)
	for name, want := range map[string]string{
		"a": "None-'x'", "b": "n=3n=3", "s": "True!", "e": "[1]",
	} {
		wantStr(t, cfg, name, want)
	}
	if e := mustSetting(t, cfg, "c"); e.Value.Int.Int64() != 3 {
		t.Errorf("c = %v", e.Value)
	}
}
