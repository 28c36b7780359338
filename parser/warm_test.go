package parser

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/pywikibot"
)

// TestWarmTwice sets up once, and a file evaluated after Warm finds the
// methods the set-up gives gpython's types.
func TestWarmTwice(t *testing.T) {
	Warm()
	Warm()
	cfg := eval(t, "x = 'AbC'.casefold()\ny = [1, 2].copy()\n", nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "x", "abc")
}

// TestBuiltinsModule checks that a context's builtins, made from the
// prepared module, hold what gpython's module holds once every context's
// replacements and the shared builtins are put in it.
func TestBuiltinsModule(t *testing.T) {
	Warm()
	ev := newEvaluation("user-config.py", Options{})
	defer ev.release()
	got := ev.ctx.store.Builtins.Globals

	plain := &sandboxContext{ev: ev, store: py.NewModuleStore()}
	m, err := plain.store.NewModule(plain, builtinsImpl())
	if err != nil {
		t.Fatal(err)
	}
	want := m.Globals
	plain.sandboxBuiltins(want)
	maps.Copy(want, sharedBuiltins())

	if diff := cmp.Diff(slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(got))); diff != "" {
		t.Fatalf("names (-want +got):\n%s", diff)
	}
	for k, w := range want {
		g := got[k]
		if describe(g) != describe(w) {
			t.Errorf("%s = %s, want %s", k, describe(g), describe(w))
		}
		if gm, ok := g.(*py.Method); ok && gm.Module != nil && gm.Module != ev.ctx.store.Builtins {
			t.Errorf("%s is bound to another module", k)
		}
	}
}

// describe names a builtin by its type and, for a function, its name.
func describe(o py.Object) string {
	switch o := o.(type) {
	case *py.Method:
		return fmt.Sprintf("method %s bound=%v", o.Name, o.Module != nil)
	case py.String:
		return "str " + string(o)
	}
	return o.Type().Name
}

// TestNamespaceIdentities checks that the identities a fresh namespace
// starts with, read off the shared defaults, are those of its values, and
// that each dict default knows its variable.
func TestNamespaceIdentities(t *testing.T) {
	ev := newEvaluation("user-config.py", Options{})
	defer ev.release()
	want := make(map[string]identity, len(ev.globals))
	for k, v := range ev.globals {
		want[k] = identify(v)
		if d, ok := v.(*orderedDict); ok && d.defaultOf != k {
			t.Errorf("%s holds the default of %q", k, d.defaultOf)
		}
	}
	if !maps.Equal(want, ev.seen) {
		t.Errorf("seen differs from the namespace:\n%s",
			cmp.Diff(want, ev.seen, cmp.AllowUnexported(identity{})))
	}
}

// TestEachFileStartsFresh changes every default a file can change in
// place, then checks that the next file finds them as the first did.
func TestEachFileStartsFresh(t *testing.T) {
	var change, read strings.Builder
	for _, v := range pywikibot.Variables() {
		switch v.Type {
		case "list":
			fmt.Fprintf(&change, "%s.append('changed')\n", v.Name)
		case "dict":
			fmt.Fprintf(&change, "%s['changed'] = {}\n", v.Name)
		default:
			continue
		}
		fmt.Fprintf(&read, "r_%s = repr(%s)\n", v.Name, v.Name)
	}
	change.WriteString(`usernames['wikipedia']['en'] = 'Changed'
fake_user_agent_default['reflinks'] = True
del __builtins__['len']
__builtins__['changed'] = 1
import sys, os, typing, collections
sys.path.append('changed')
os.environ['CHANGED'] = '1'
`)
	read.WriteString(`import sys, os
r_builtins = ','.join(__builtins__)
r_sys = repr(sys.path)
r_env = os.environ.get('CHANGED')
r_ua = repr(fake_user_agent_default)
`)
	first := eval(t, read.String(), nil)
	noErrors(t, first)
	cfg := eval(t, change.String(), nil)
	noErrors(t, cfg)
	again := eval(t, read.String(), nil)
	if diff := cmp.Diff(modelJSON(t, first), modelJSON(t, again)); diff != "" {
		t.Errorf("the file after the changes (-first +again):\n%s", diff)
	}
}

// TestIdentifyShortcuts checks that identify's cases for common pointers
// give what its reflection gives any other pointer.
func TestIdentifyShortcuts(t *testing.T) {
	ev := newEvaluation("user-config.py", Options{})
	defer ev.release()
	objects := []py.Object{
		ev.newDict(plainDictType, false), py.NewList(), ev.globals["makepath"],
		&py.Function{}, &py.Module{}, (*py.List)(nil), (*orderedDict)(nil),
	}
	for _, o := range objects {
		rv := reflect.ValueOf(o)
		want := identity{typ: rv.Type(), ptr: rv.Pointer()}
		if got := identify(o); got != want {
			t.Errorf("identify(%T) = %+v, want %+v", o, got, want)
		}
	}
}
