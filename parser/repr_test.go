package parser

import (
	"testing"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/model"
)

// TestReprOfEverything writes every value a file can reach from a fresh
// namespace, and their attributes one level down: none may fail.
func TestReprOfEverything(t *testing.T) {
	ev := newEvaluation("user-config.py", Options{})
	defer ev.release()
	check := func(name string, o py.Object) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s (%T): panic %v", name, o, r)
			}
		}()
		if _, err := pyRepr(o); err != nil {
			t.Errorf("repr(%s) (%T): %v", name, o, err)
		}
		if _, err := pyStr(o); err != nil {
			t.Errorf("str(%s) (%T): %v", name, o, err)
		}
	}
	each := func(prefix string, o py.Object, f func(name string, o py.Object)) {
		if m, ok := asMapping(o); ok {
			for _, k := range m.keys {
				f(prefix+k, m.vals[k])
			}
		}
		switch v := o.(type) {
		case *py.Module:
			for k, a := range v.Globals {
				f(prefix+k, a)
			}
		case *py.Type:
			for k, a := range v.Dict {
				f(prefix+k, a)
			}
		}
	}
	roots := py.StringDict{"globals": ev.globals, "builtins": ev.globals["__builtins__"]}
	for _, name := range []string{"os", "sys", "math", "string", "collections", "typing", "re"} {
		if m := ev.ctx.module(name); m != nil {
			roots[name] = m
		}
	}
	for root, o := range roots {
		check(root, o)
		each(root+".", o, func(name string, o py.Object) {
			check(name, o)
			each(name+".", o, check)
		})
	}
}

func TestReprLikeCPython(t *testing.T) {
	cfg := eval(t, `import sys, math, os
a = repr(SystemExit(1))
b = repr(ValueError('x', 2))
c = repr(KeyError())
d = str(SystemExit(1))
e = str(ValueError())
f = repr(len)
g = repr(math)
h = repr(sys)
i = repr(NotImplemented)
j = repr(os.path)
k = str(ValueError('a', 1))
try:
    sys.exit(3)
except SystemExit as exc:
    l = repr(exc)[:11]
`, nil)
	noErrors(t, cfg)
	for name, want := range map[string]string{
		"a": "SystemExit(1)", "b": "ValueError('x', 2)", "c": "KeyError()", "d": "1", "e": "",
		"f": "<built-in function len>", "g": "<module 'math' (built-in)>",
		"h": "<module 'sys' (built-in)>", "i": "NotImplemented",
		"j": "<module 'posixpath' (frozen)>", "k": "('a', 1)", "l": "SystemExit(",
	} {
		wantStr(t, cfg, name, want)
	}
}

// TestSelfContaining follows CPython on containers that hold themselves:
// repr shows [...] and {...}, == compares identity first, and the model
// keeps the inner one as its type.
func TestSelfContaining(t *testing.T) {
	cfg := eval(t, `a = []
a.append(a)
r = repr(a)
eq = a == a
ne = a != a
d = {}
d['self'] = d
rd = repr(d)
deq = d == d
t = (a, 1)
rt = repr(t)
teq = t == (a, 1)
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "r", "[[...]]")
	wantStr(t, cfg, "rd", "{'self': {...}}")
	wantStr(t, cfg, "rt", "([[...]], 1)")
	for name, want := range map[string]bool{"eq": true, "ne": false, "deq": true, "teq": true} {
		if e := mustSetting(t, cfg, name); e.Value.Kind != model.Bool || e.Value.Bool != want {
			t.Errorf("%s = %+v, want %v", name, e.Value, want)
		}
	}
	inner := mustSetting(t, cfg, "a").Value.Items
	if len(inner) != 1 || inner[0].Kind != model.Other || inner[0].Source != "list" {
		t.Errorf("a = %+v, want a list holding an other list", inner)
	}
}
