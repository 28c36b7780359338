package parser

import (
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// The paths a sandboxed config sees for Pywikibot's machine-dependent
// defaults. They are plausible, not the machine's: the sandbox never asks.
const (
	sandboxHome    = "/home/user"
	sandboxBaseDir = sandboxHome + "/.pywikibot"
)

// machineDefaults are the defaults config.py computes when it loads.
// arg is left out: it exists only when Pywikibot had command-line
// arguments, and the sandbox has none. It is a function so that no process
// loads Pywikibot's data before it evaluates a file.
func machineDefaults() map[string]py.Object {
	return map[string]py.Object{
		"base_dir":             py.String(sandboxBaseDir),
		"colorized_output":     py.False,
		"console_encoding":     py.String("utf-8"),
		"db_connect_file":      py.String(sandboxHome + "/.my.cnf"),
		"default_edit_summary": py.String("Pywikibot " + pywikibot.Version()),
		"user_config_file":     py.String("user-config.py"),
		"userinterface_lang":   py.None,
	}
}

// listDefaults are the non-empty list and dict defaults of config.py that
// the data does not spell out.
var listDefaults = map[string]func() py.Object{
	"interwiki_graph_formats": func() py.Object { return py.NewListFromStrings([]string{"png"}) },
	"cosmetic_changes_deny_script": func() py.Object {
		return py.NewListFromStrings([]string{"category_redirect", "cosmetic_changes", "newitem", "touch"})
	},
	"socket_timeout": func() py.Object { return py.Tuple{py.Float(6.05), py.Int(45)} },
	"fake_user_agent_default": func() py.Object {
		return py.StringDict{"reflinks": py.False, "weblinkchecker": py.False}
	},
}

// defaults is what every namespace starts from: the immutable defaults,
// converted once and shared by every file, and the names of the list,
// tuple and dict defaults, which each file gets fresh.
type defaults struct {
	// scalars has room for the whole namespace, so that a copy of it
	// takes the file's own defaults without growing.
	scalars py.StringDict
	// ids are the identities of scalars, the start of every snapshot.
	ids map[string]identity
	// fresh are the variables whose default is made per file.
	fresh []pywikibot.Variable
}

// The names newNamespace adds beyond the variables of the data.
var (
	defaultDicts = []string{"usernames", "disambiguation_comment"}
	helperNames  = []string{"user_home_path", "get_user_config_file", "get_base_dir", "makepath",
		"datafilepath", "shortpath", "register_families_folder"}
)

// namespaceDefaults converts Pywikibot's defaults once. A
// machine-dependent variable without a stand-in (arg) is left out.
var namespaceDefaults = sync.OnceValue(func() *defaults {
	vars := pywikibot.Variables()
	size := len(vars) + len(defaultDicts) + len(helperNames) + 2
	d := &defaults{scalars: make(py.StringDict, size)}
	machine := machineDefaults()
	for _, v := range vars {
		if o, ok := machine[v.Name]; ok {
			d.scalars[v.Name] = o
			continue
		}
		if v.MachineDependent {
			continue
		}
		if o := scalarDefault(v); o != nil {
			d.scalars[v.Name] = o
			continue
		}
		if !slices.Contains(defaultDicts, v.Name) && v.Name != "authenticate" {
			d.fresh = append(d.fresh, v)
		}
	}
	d.ids = make(map[string]identity, size)
	for k, v := range d.scalars {
		d.ids[k] = identify(v)
	}
	return d
})

// snapshot is the identity of every name of g, a namespace fresh from
// newNamespace, looking only at the values the file has of its own.
func (d *defaults) snapshot(g py.StringDict) map[string]identity {
	ids := maps.Clone(d.ids)
	add := func(name string) {
		if v, ok := g[name]; ok {
			ids[name] = identify(v)
		}
	}
	for _, v := range d.fresh {
		add(v.Name)
	}
	for _, name := range defaultDicts {
		add(name)
	}
	for _, name := range helperNames {
		add(name)
	}
	add("authenticate")
	add("__builtins__")
	return ids
}

func scalarDefault(v pywikibot.Variable) py.Object {
	switch d := v.Default.(type) {
	case string:
		return py.String(d)
	case bool:
		return py.NewBool(d)
	case float64:
		if v.Type == "int" {
			return py.Int(int64(d))
		}
		return py.Float(d)
	}
	switch v.Type {
	case "NoneType":
		return py.None
	case "str":
		return py.String("")
	case "int":
		return py.Int(0)
	case "float":
		return py.Float(0)
	case "bool":
		return py.False
	}
	return nil
}

// newNamespace builds the exec namespace of Pywikibot's config module:
// every public variable and helper function, and none of the modules
// config.py imports (it leaves those out of what it hands to exec).
func (ev *evaluation) newNamespace() py.StringDict {
	base := namespaceDefaults()
	g := maps.Clone(base.scalars)
	for _, v := range base.fresh {
		if o := ev.freshDefault(v); o != nil {
			g[v.Name] = o
		}
	}
	// The two defaultdicts make tracked dicts, whose changes count as
	// changes of their parent.
	for _, name := range defaultDicts {
		d := ev.newDict(defaultDictType, true)
		d.missing = func() (py.Object, error) {
			inner := ev.newDict(plainDictType, true)
			inner.parent = d
			return inner, nil
		}
		g[name] = d
	}
	g["authenticate"] = ev.newDict(plainDictType, true)
	ev.addHelpers(g)
	// exec puts the builtins module's dict in a namespace that has none.
	// The file gets a copy: what it writes there changes no lookup, where
	// CPython's would, but it cannot reach the statement hooks either.
	g["__builtins__"] = ev.builtinsCopy(ev.ctx.store.Builtins.Globals)
	// A dict knows the variable it is the default of, so that collect
	// tells it from a dict bound there by the file.
	for name, v := range g {
		if d, ok := v.(*orderedDict); ok {
			d.defaultOf = name
		}
	}
	return g
}

// freshDefault makes the default of a list, tuple or dict variable. Every
// dict default is tracked, so that a change made in place, which binds no
// name, still has a place.
func (ev *evaluation) freshDefault(v pywikibot.Variable) py.Object {
	if mk, ok := listDefaults[v.Name]; ok {
		o := mk()
		if d, ok := o.(py.StringDict); ok {
			return ev.trackedCopy(d)
		}
		return o
	}
	switch v.Type {
	case "list":
		return py.NewList()
	case "tuple":
		return py.Tuple{}
	case "dict":
		return ev.newDict(plainDictType, true)
	}
	return nil
}

// builtinNames are the names of the builtins module in order, the same in
// every context.
var builtinNames = sync.OnceValue(func() []string {
	ctx := newSandboxContext(&evaluation{})
	return slices.Sorted(maps.Keys(ctx.store.Builtins.Globals))
})

// builtinsCopy is a dict of the builtins module's names in order.
func (ev *evaluation) builtinsCopy(b py.StringDict) *orderedDict {
	d := ev.newDict(plainDictType, false)
	d.vals = maps.Clone(b)
	if names := builtinNames(); len(names) == len(b) {
		// The dict appends to and deletes from its own keys in place.
		d.keys = slices.Clone(names)
	} else {
		d.keys = slices.Sorted(maps.Keys(b))
	}
	return d
}

// trackedCopy is a tracked dict holding d's entries as defaults, which no
// statement set.
func (ev *evaluation) trackedCopy(d py.StringDict) *orderedDict {
	out := ev.newDict(plainDictType, true)
	m, _ := asMapping(d)
	out.keys = m.keys
	out.vals = maps.Clone(d)
	return out
}

// defaultValue makes a fresh copy of the default of a list or dict
// setting whose value is now v, to tell whether changes made in place
// left it as it was.
func defaultValue(name string, v py.Object) py.Object {
	if mk, ok := listDefaults[name]; ok {
		return mk()
	}
	if _, ok := v.(*orderedDict); ok {
		return py.NewStringDict()
	}
	return py.NewList()
}

// addHelpers adds config.py's helper functions, reimplemented on strings
// so that none of them touches the disk.
func (ev *evaluation) addHelpers(g py.StringDict) {
	g["user_home_path"] = newFunc("user_home_path", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		p, err := oneString("user_home_path", args)
		if err != nil {
			return nil, err
		}
		return joinPaths(ev.home(), p), nil
	})
	g["get_user_config_file"] = newFunc("get_user_config_file", func(py.Tuple, py.StringDict) (py.Object, error) {
		return py.String("user-config.py"), nil
	})
	g["get_base_dir"] = newFunc("get_base_dir", func(py.Tuple, py.StringDict) (py.Object, error) {
		return py.String(sandboxBaseDir), nil
	})
	g["makepath"] = newFunc("makepath", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) < 1 {
			return nil, py.ExceptionNewf(py.TypeError, "makepath() missing 1 required positional argument: 'path'")
		}
		if err := pathArgs(args[:1]); err != nil {
			return nil, err
		}
		return ev.absPath(args[0]), nil
	})
	g["datafilepath"] = newFunc("datafilepath", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := pathArgs(args); err != nil {
			return nil, err
		}
		parts := append(py.Tuple{py.String(sandboxBaseDir)}, args...)
		return ev.absPath(joinObjects(parts)), nil
	})
	g["shortpath"] = newFunc("shortpath", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		p, err := oneString("shortpath", args)
		if err != nil {
			return nil, err
		}
		// Pywikibot cuts the separator's length whatever follows base_dir.
		if rest, ok := strings.CutPrefix(p, sandboxBaseDir); ok {
			_, n := utf8.DecodeRuneInString(rest)
			return py.String(rest[n:]), nil
		}
		return py.String(p), nil
	})
	g["register_families_folder"] = newFunc("register_families_folder", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) < 1 {
			return nil, py.ExceptionNewf(py.TypeError,
				"register_families_folder() missing 1 required positional argument: 'folder_path'")
		}
		ev.cfg.FamilyFolders = append(ev.cfg.FamilyFolders, model.PathRef{
			Path: pathText(args[0]), Pos: ev.cur,
		})
		return py.None, nil
	})
}

// pathArgs checks the arguments os.path.join would take.
func pathArgs(args py.Tuple) error {
	for _, a := range args {
		switch a.(type) {
		case py.String, *unknownValue:
		default:
			return py.ExceptionNewf(py.TypeError,
				"join() argument must be str, bytes, or os.PathLike object, not '%s'", a.Type().Name)
		}
	}
	return nil
}

func oneString(fn string, args py.Tuple) (string, error) {
	if len(args) != 1 {
		return "", py.ExceptionNewf(py.TypeError, "%s() takes 1 argument (%d given)", fn, len(args))
	}
	s, ok := args[0].(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s() argument must be str, not %s", fn, args[0].Type().Name)
	}
	return string(s), nil
}

// pathText is the text of a path argument; an unknown one keeps its
// markers so the model shows it as unknown.
func pathText(o py.Object) string {
	s, err := py.Str(o)
	if err != nil {
		return ""
	}
	return string(s.(py.String))
}

func joinPaths(a py.Object, b string) py.Object {
	if u, ok := a.(*unknownValue); ok {
		return u
	}
	return py.String(joinStrings(string(a.(py.String)), b))
}

func joinStrings(parts ...string) string {
	out := ""
	for _, p := range parts {
		switch {
		case strings.HasPrefix(p, "/"):
			out = p
		case out == "" || strings.HasSuffix(out, "/"):
			out += p
		default:
			out += "/" + p
		}
	}
	return out
}

func cleanPath(p string) string {
	if p == "" {
		return "."
	}
	return path.Clean(p)
}
