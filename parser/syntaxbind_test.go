package parser

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// places lists where a setting was bound, first place first.
func places(t *testing.T, cfg *model.Config, name string) []int {
	t.Helper()
	e, ok := cfg.Setting(name)
	if !ok {
		return nil
	}
	var lines []int
	for _, p := range e.Earlier {
		lines = append(lines, p.Line)
	}
	return append(lines, e.Pos.Line)
}

// TestEqualRebindings checks that a binding to the value a name already
// holds, which a comparison of values cannot see, is still a binding.
func TestEqualRebindings(t *testing.T) {
	cfg := eval(t, `family = 'wikipedia'
maxthrottle = 60
maxlag = 5
maxlag = 5
x = 1
x = 1
for i in range(3):
    y = 1
def f():
    global z
    z = 1
    w = 1
z = 1
f()
import os
import os
a, (b, c) = d = 1, (2, 3)
mylang: str = 'en'
`, nil)
	noErrors(t, cfg)
	want := map[string][]int{
		"family": {1}, "maxthrottle": {2}, "maxlag": {3, 4}, "x": {5, 6}, "y": {8},
		"z": {13, 14}, "os": {15, 16}, "a": {17}, "b": {17}, "d": {17}, "mylang": {18},
	}
	for name, lines := range want {
		if diff := cmp.Diff(lines, places(t, cfg, name)); diff != "" {
			t.Errorf("places of %s (-want +got):\n%s", name, diff)
		}
	}
	if _, ok := cfg.Setting("w"); ok {
		t.Errorf("a local of f was taken for a setting")
	}
}

// TestRaisingStatementBindsNothing checks that a statement that raised is
// not credited with the names it would have bound.
func TestRaisingStatementBindsNothing(t *testing.T) {
	cfg := eval(t, "maxlag = 5\nmaxlag = 1 / 0\n", nil)
	if diff := cmp.Diff([]int{1}, places(t, cfg, "maxlag")); diff != "" {
		t.Errorf("places of maxlag (-want +got):\n%s", diff)
	}
}

// TestEnvDefaults checks that the default of an environment read the
// sandbox cannot answer is the value, marked as the variable's default.
func TestEnvDefaults(t *testing.T) {
	src := "import os\nck = os.environ.get('CK', '')\nua = os.getenv('UA', 'dflt')\n" +
		"lit = 'dflt'\nauthenticate['*.org'] = (os.environ.get('A', ''), 'x', os.getenv('B', ''))\n"
	cfg := eval(t, src, nil)
	noErrors(t, cfg)
	for name, want := range map[string]string{"ck": "CK", "ua": "UA", "lit": ""} {
		got, _ := mustSetting(t, cfg, name).Value.EnvDefault()
		if got != want {
			t.Errorf("%s: env default of %q, want %q", name, got, want)
		}
	}
	var got []string
	for _, it := range cfg.Authenticate[0].Value.Items {
		name, _ := it.EnvDefault()
		got = append(got, name)
	}
	if diff := cmp.Diff([]string{"A", "", "B"}, got); diff != "" {
		t.Errorf("authenticate (-want +got):\n%s", diff)
	}
	complete := Evaluate("user-config.py", []byte(src), Options{EnvComplete: true})
	if _, ok := mustSetting(t, complete, "ua").Value.EnvDefault(); ok {
		t.Errorf("with the whole environment known, a default is no stand-in")
	}
}

// stopAt wants evaluation stopped with code at line, its message
// holding text.
func stopAt(t *testing.T, cfg *model.Config, code string, line int, text string) {
	t.Helper()
	for _, d := range errorsOf(cfg) {
		if d.Code == code && d.Line == line && strings.Contains(d.Message, text) {
			return
		}
	}
	t.Errorf("want %s at line %d saying %q, got %v", code, line, text, errorsOf(cfg))
}

func TestHostileInputs(t *testing.T) {
	tests := []struct {
		name, src string
		code      string
		line      int
		text      string
	}{
		{"huge int literal", "x = 1\ny = " + strings.Repeat("9", 100000) + "\n",
			diag.CodeSyntaxError, 2, "Exceeds the limit (4300 digits)"},
		{"int() of many digits", "x = int('9' * 4301)\n", diag.CodeException, 1,
			"ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301"},
		{"str() of many digits", "x = 10 ** 4300\ny = str(x)\n", diag.CodeException, 2,
			"ValueError: Exceeds the limit"},
		{"repr() of many digits", "x = 10 ** 4300\ny = repr(x)\n", diag.CodeException, 2,
			"ValueError: Exceeds the limit"},
		{"unary chain", "x = 1\ny = " + strings.Repeat("-", 100000) + "1\n",
			diag.CodeSyntaxError, 2, "too many unary operators"},
		{"endless iter", "x = 1\nfor y in iter(int, 1): pass\n", diag.CodeTimeLimit, 2, ""},
		{"endless iter without statements", "x = 1\ny = sum(iter(int, 1))\n",
			diag.CodeTimeLimit, 2, ""},
		{"raise names its own line", "x = 1\n\nraise ValueError('v')\ny = 2\n",
			diag.CodeException, 3, "ValueError: v;"},
		{"loop header raises", "x = 1\nfor c in 1 / 0:\n    pass\n", diag.CodeException, 2,
			"ZeroDivisionError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stopAt(t, eval(t, tt.src, nil), tt.code, tt.line, tt.text)
		})
	}
}

func TestIterSentinel(t *testing.T) {
	cfg := eval(t, "n = [0]\ndef f():\n    n[0] += 1\n    return n[0]\nx = list(iter(f, 4))\n", nil)
	noErrors(t, cfg)
	if got := plain(mustSetting(t, cfg, "x").Value); !cmp.Equal(got, []any{"<int>", "<int>", "<int>"}) {
		t.Errorf("x = %v", got)
	}
}

func TestBuiltinsInNamespace(t *testing.T) {
	cfg := eval(t, "del __builtins__\nx = len('abc')\n", nil)
	noErrors(t, cfg)
	mustSetting(t, cfg, "x")
	stopAt(t, eval(t, "x = __builtins__['open']('f')\n", nil), diag.CodeRefused, 1, "open()")
}

// TestDoublingStopsInTime checks that a value that doubles on every pass
// is stopped by the evaluator, at its line, with the model kept.
func TestDoublingStopsInTime(t *testing.T) {
	src := "family = 'wikipedia'\nx = 'ab'\nwhile True:\n    x = x + x\n"
	cfg := Evaluate("user-config.py", []byte(src), Options{MemoryLimit: 64 << 20, Timeout: 5 * time.Second})
	stopAt(t, cfg, diag.CodeMemoryLimit, 4, "memory limit")
	mustSetting(t, cfg, "family")
	// Joined in one step, the next double would pass the limit before
	// any statement hook could look at the heap: the size of + is checked
	// before it is built, as that of * is.
	for _, line := range []string{"    x = x + x\n", "    x += x\n"} {
		src := "family = 'wikipedia'\nx = ['ab'] * 1000\nwhile True:\n" + line
		stopAt(t, Evaluate("user-config.py", []byte(src), Options{MemoryLimit: 64 << 20, Timeout: 5 * time.Second}),
			diag.CodeMemoryLimit, 4, "the result of +")
	}
}

// TestMemoryStopKeepsSmallValues checks that after a memory stop a value
// too big to copy into the model is kept as its type alone, and that the
// settings beside it are still copied, the same on every run.
func TestMemoryStopKeepsSmallValues(t *testing.T) {
	src := "family = 'wikipedia'\nmylang = 'en'\nusernames['wikipedia']['en'] = 'ExampleBot'\n" +
		"_a = '=' * (1 << 24)\n_b = '=' * (1 << 24)\n_c = _a + _b\n"
	for range 5 {
		cfg := Evaluate("user-config.py", []byte(src), Options{MemoryLimit: 64 << 20, Timeout: 5 * time.Second})
		stopAt(t, cfg, diag.CodeMemoryLimit, 6, "memory limit")
		wantStr(t, cfg, "family", "wikipedia")
		wantStr(t, cfg, "mylang", "en")
		if len(cfg.Usernames) != 1 || cfg.Usernames[0].Value.Kind != model.Str {
			t.Fatalf("usernames = %+v, want the one string", cfg.Usernames)
		}
	}
}

// TestPlusLikeCPython checks the additions that the size check of + now
// runs, where gpython alone differs from CPython: bools are ints, and a
// list extends itself with any iterable.
func TestPlusLikeCPython(t *testing.T) {
	cfg := eval(t, "a = True + True\nb = [1]\nb += (3, 4)\nb += 'xy'\nc = 1 + True\nd = True + 1.5\n", nil)
	noErrors(t, cfg)
	for _, name := range []string{"a", "c"} {
		if v := mustSetting(t, cfg, name).Value; v.Kind != model.Int || v.Int.Int64() != 2 {
			t.Errorf("%s = %+v, want the int 2", name, v)
		}
	}
	if v := mustSetting(t, cfg, "d").Value; v.Kind != model.Float || v.Float != 2.5 {
		t.Errorf("d = %+v, want 2.5", v)
	}
	if v := mustSetting(t, cfg, "b").Value; v.Kind != model.List || len(v.Items) != 5 ||
		v.Items[4].Str != "y" {
		t.Errorf("b = %+v, want [1, 3, 4, 'x', 'y']", v)
	}
	stopAt(t, Evaluate("user-config.py", []byte("x = True + 'a'\n"), Options{}),
		diag.CodeException, 1, "unsupported operand type(s) for +: 'bool' and 'str'")
}

// TestLoopOfFalseConditions checks that a loop whose body is only a
// condition that never holds, which runs no statement, still stops at the
// time limit in the evaluator, at the loop's header, with the model kept.
func TestLoopOfFalseConditions(t *testing.T) {
	src := "family = 'wikipedia'\nx = 0\nwhile True:\n    if x:\n        pass\n"
	cfg := Evaluate("user-config.py", []byte(src), Options{Timeout: 100 * time.Millisecond})
	d := onlyError(t, cfg, diag.CodeTimeLimit)
	if d.Line != 3 && d.Line != 4 {
		t.Errorf("time limit at line %d, want the while or the if", d.Line)
	}
	wantStr(t, cfg, "family", "wikipedia")
}
