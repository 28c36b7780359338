package parser

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
)

// TestBuiltinTypesAreImmutable changes built-in types in every way the
// interpreter offers: each must fail with CPython's TypeError, and a
// good file evaluated afterwards must come out as if alone.
func TestBuiltinTypesAreImmutable(t *testing.T) {
	good := []byte("family = 'wikipedia'\nmylang = 'EN'.lower()\nx = '{}-%s' % 'a'\n" +
		"d = {'a': 1}\ny = d.get('a')\nl = []\nl.append(len(l))\ns = 'a b'.split()\n")
	alone := modelJSON(t, Evaluate("good.py", good, Options{}))
	for _, src := range []string{
		"str.upper = lambda s: 'x'",
		"str.lower = lambda s: 'x'",
		"setattr(str, 'lower', lambda s: 'x')",
		"del str.format",
		"delattr(str, 'split')",
		"type.__setattr__(str, 'lower', len)",
		"object.__setattr__(str, 'lower', len)",
		"str.__setattr__(str, 'lower', len)",
		"str.__mod__ = lambda a, b: 'x'",
		"dict.get = lambda *a: 'x'",
		"list.append = lambda *a: None",
		"type('').lower = len",
		"type.__setattr__ = None",
		"del type.__setattr__",
		"KeyError.__str__ = lambda s: 'x'",
		"type(usernames).__missing__ = lambda s, k: None",
		"import os\ntype(os.environ).get = lambda *a: 'x'",
	} {
		cfg := Evaluate("bad.py", []byte("x = 1\n"+src+"\n"), Options{})
		errs := errorsOf(cfg)
		if len(errs) != 1 || errs[0].Code != diag.CodeException ||
			!strings.HasPrefix(errs[0].Message, "TypeError: cannot set '") {
			t.Errorf("%s: want a TypeError, got %v", src, cfg.Diagnostics)
		}
		if diff := cmp.Diff(alone, modelJSON(t, Evaluate("good.py", good, Options{}))); diff != "" {
			t.Errorf("after %s (-alone +after):\n%s", src, diff)
		}
	}
}

// TestClassesStayWritable keeps attribute writes to classes the file made,
// to their instances and to functions.
func TestClassesStayWritable(t *testing.T) {
	cfg := eval(t, `class A:
    pass
A.x = 1
a = A()
a.y = 2
z = A.x + a.y
del A.x
type.__setattr__(A, 'w', 3)
w = A.w
def f():
    pass
f.attr = 5
fa = f.attr
try:
    A.x
except AttributeError:
    gone = True
`, nil)
	noErrors(t, cfg)
	for name, want := range map[string]int64{"z": 3, "w": 3, "fa": 5} {
		if e := mustSetting(t, cfg, name); e.Value.Int == nil || e.Value.Int.Int64() != want {
			t.Errorf("%s = %+v, want %d", name, e.Value, want)
		}
	}
	mustSetting(t, cfg, "gone")
}

// TestRestoreTypes mends a built-in type changed behind the interpreter's
// back.
func TestRestoreTypes(t *testing.T) {
	Warm()
	upper := py.StringType.Dict["upper"]
	py.StringType.Dict["upper"] = py.None
	py.StringType.Dict["pwbconf_extra"] = py.None
	delete(py.ListType.Dict, "append")
	mended := restoreTypes()
	if diff := cmp.Diff([]string{"list", "str"}, slices.Sorted(slices.Values(mended))); diff != "" {
		t.Errorf("mended (-want +got):\n%s", diff)
	}
	if py.StringType.Dict["upper"] != upper {
		t.Error("str.upper is not restored")
	}
	if _, ok := py.StringType.Dict["pwbconf_extra"]; ok {
		t.Error("an added attribute of str is still there")
	}
	if _, ok := py.ListType.Dict["append"]; !ok {
		t.Error("list.append is not restored")
	}
	if mended := restoreTypes(); len(mended) != 0 {
		t.Errorf("restoring twice mended %v", mended)
	}
}

func modelJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
