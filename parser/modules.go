package parser

import (
	"cmp"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"

	"github.com/pwbconf/pwbconf/model"
)

// refusedModules exist to reach files, processes, the network or native
// code. Importing one stops evaluation. pathlib and socket are not here:
// they are unknown instead, since configs build a Path for password_file
// and tell Toolforge from a laptop by socket.getfqdn(), and nothing is
// read or sent until a function runs, which an unknown value never does.
var refusedModules = map[string]bool{
	"subprocess": true, "glob": true, "shutil": true, "io": true,
	"ctypes": true, "tempfile": true, "multiprocessing": true, "pty": true,
	"signal": true, "importlib": true, "runpy": true, "urllib": true, "http": true,
	"ftplib": true, "smtplib": true, "telnetlib": true, "webbrowser": true,
	"asyncio": true, "threading": true, "_thread": true, "posix": true, "nt": true,
	"_io": true, "fcntl": true, "mmap": true, "resource": true, "select": true,
	"ssl": true, "requests": true, "pickle": true, "marshal": true, "shelve": true,
	"zipfile": true, "tarfile": true, "sqlite3": true, "code": true, "pdb": true,
	"fileinput": true, "codecs": true, "gc": true, "inspect": true, "sysconfig": true,
}

// providedModules are made per evaluation by these constructors.
var providedModules map[string]func(ctx *sandboxContext) py.StringDict

// installModules fills providedModules, which the constructors reach
// through ctx.module and so cannot initialise.
func installModules() {
	providedModules = map[string]func(ctx *sandboxContext) py.StringDict{
		"os":                  (*sandboxContext).newOSModule,
		"os.path":             (*sandboxContext).newPathModule,
		"posixpath":           (*sandboxContext).newPathModule,
		"sys":                 (*sandboxContext).newSysModule,
		"typing":              func(*sandboxContext) py.StringDict { return typingModule() },
		"collections":         (*sandboxContext).newCollectionsModule,
		"collections.abc":     func(*sandboxContext) py.StringDict { return abcModule() },
		"__pwbconf_future__":  func(*sandboxContext) py.StringDict { return futureModule() },
		"pywikibot.backports": (*sandboxContext).newBackportsModule,
	}
}

// gpythonModules are gpython's own modules that only compute.
var gpythonModules = map[string]bool{"math": true, "string": true}

// module returns the named module of this context, making it on first use.
func (ctx *sandboxContext) module(name string) *py.Module {
	if m, ok := ctx.modules[name]; ok {
		return m
	}
	var impl *py.ModuleImpl
	if gpythonModules[name] {
		impl = py.GetModuleImpl(name)
	} else if mk, ok := providedModules[name]; ok {
		impl = &py.ModuleImpl{Info: py.ModuleInfo{Name: name}, Globals: mk(ctx)}
	}
	if impl == nil {
		return nil
	}
	m, err := ctx.store.NewModule(ctx, impl)
	if err != nil {
		return nil
	}
	ctx.modules[name] = m
	return m
}

// importHook is __import__(name, globals, locals, fromlist, level).
func (ctx *sandboxContext) importHook(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) < 1 {
		return nil, py.ExceptionNewf(py.TypeError, "__import__() missing required argument 'name'")
	}
	nameObj, ok := args[0].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "__import__() argument 1 must be str")
	}
	name := string(nameObj)
	level := 0
	if len(args) > 4 {
		if l, ok := args[4].(py.Int); ok {
			level = int(l)
		}
	}
	hasFrom := len(args) > 3 && isNonEmpty(args[3])
	if hasFrom {
		ctx.ev.fromModule = name
	}
	if name == "builtins" {
		return ctx.store.Builtins, nil
	}
	top, _, _ := strings.Cut(name, ".")
	if level > 0 {
		return ctx.unknownImport("." + name), nil
	}
	if refusedModules[top] {
		return nil, ctx.ev.refuse("import \"" + name + "\", which reaches files, processes or the network")
	}
	m := ctx.module(name)
	if m == nil {
		return ctx.unknownImport(name), nil
	}
	if !hasFrom && top != name {
		if t := ctx.module(top); t != nil {
			return t, nil
		}
		return ctx.unknownImport(top), nil
	}
	return m, nil
}

// backportsNames are what pywikibot.backports of Pywikibot 11 holds under
// Python 3.10 to 3.14. The typing names it had before 9.0 (Dict, List,
// Tuple and the like) are gone, and a config that imports one fails.
var backportsNames = []string{
	"Any", "Union", "NoneType", "pairwise", "batched", "RLock", "sentinel",
	"deprecated", "issue_deprecation_warning", "annotations", "re",
}

// backportsHint is the fix for an import of a name pywikibot.backports
// no longer has.
const backportsHint = "Pywikibot 8 wrote this line into the configs it generated; delete it"

func (ctx *sandboxContext) newBackportsModule() py.StringDict {
	g := py.StringDict{
		"TYPE_CHECKING":  py.False,
		"SPHINX_RUNNING": py.False,
		"PYTHON_VERSION": py.Tuple{py.Int(3), py.Int(12), py.Int(0)},
		"sys":            ctx.module("sys"),
	}
	for _, n := range backportsNames {
		g[n] = typingForm(n)
	}
	return g
}

func isNonEmpty(o py.Object) bool {
	switch o := o.(type) {
	case py.Tuple:
		return len(o) > 0
	case *py.List:
		return len(o.Items) > 0
	}
	return false
}

// unknownImport notes a module the sandbox does not provide and hands the
// file an unknown value in its place.
func (ctx *sandboxContext) unknownImport(name string) py.Object {
	ev := ctx.ev
	ev.cfg.Imports = append(ev.cfg.Imports, model.Import{Module: name, Pos: ev.cur})
	ev.note("import:"+name+":"+posKey(ev.cur), diag.CodeUnknownImport, ev.cur,
		"the sandbox does not load module \""+name+"\"; values taken from it are unknown")
	return ev.unknown("import:" + name)
}

func posKey(p model.Pos) string {
	return string(rune(p.Line)) + ":" + string(rune(p.Col))
}

// newSysModule is a sys with nothing of the real process in it.
func (ctx *sandboxContext) newSysModule() py.StringDict {
	ev := ctx.ev
	out := &outputStream{ev: ev}
	g := py.StringDict{
		"argv":         py.NewList(),
		"version_info": versionInfo{py.Int(3), py.Int(12), py.Int(0), py.String("final"), py.Int(0)},
		"version":      py.String("3.12.0"),
		"hexversion":   py.Int(0x030c00f0),
		"platform":     py.String("linux"),
		"byteorder":    py.String("little"),
		"maxsize":      py.Int(1<<63 - 1),
		"path":         py.NewList(),
		"modules":      py.NewStringDict(),
		"stdout":       out,
		"stderr":       out,
		"flags":        py.NewStringDict(),
	}
	g["exit"] = newFunc("exit", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		return nil, &py.Exception{Base: py.SystemExit, Args: args, Dict: py.StringDict{}}
	})
	g["getdefaultencoding"] = newFunc("getdefaultencoding", func(py.Tuple, py.StringDict) (py.Object, error) {
		return py.String("utf-8"), nil
	})
	g["getfilesystemencoding"] = g["getdefaultencoding"]
	return g
}

// outputStream is sys.stdout and sys.stderr: writes go to the model.
type outputStream struct{ ev *evaluation }

var outputStreamType = py.NewType("TextIOWrapper", "output kept by the sandbox")

// Type returns the stream type.
func (o *outputStream) Type() *py.Type { return outputStreamType }

// installOutputStream gives the stream its methods.
func installOutputStream() {
	outputStreamType.Dict["write"] = py.MustNewMethod("write", func(self py.Object, args py.Tuple) (py.Object, error) {
		if len(args) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "write() takes exactly one argument")
		}
		s, err := py.Str(args[0])
		if err != nil {
			return nil, err
		}
		ev := self.(*outputStream).ev
		ev.output.WriteString(string(s.(py.String)))
		if ev.output.Len() > maxOutput {
			return nil, ev.setFatal(diag.CodeMemoryLimit, "the sandbox stopped the file after 1 MB of output")
		}
		return py.Int(len(s.(py.String))), nil
	}, 0, "")
	outputStreamType.Dict["flush"] = py.MustNewMethod("flush", func(py.Object, py.Tuple) (py.Object, error) {
		return py.None, nil
	}, 0, "")
	outputStreamType.Dict["isatty"] = py.MustNewMethod("isatty", func(py.Object, py.Tuple) (py.Object, error) {
		return py.False, nil
	}, 0, "")
}

// newCollectionsModule offers defaultdict and OrderedDict, both ordered.
func (ctx *sandboxContext) newCollectionsModule() py.StringDict {
	ev := ctx.ev
	g := py.StringDict{"abc": ctx.module("collections.abc")}
	g["defaultdict"] = newFunc("defaultdict", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		d := ev.newDict(defaultDictType, false)
		if len(args) > 0 && args[0] != py.None {
			factory := args[0]
			d.missing = func() (py.Object, error) { return py.Call(factory, nil, nil) }
			args = args[1:]
		}
		return d, updateFrom(d, args, kwargs)
	})
	g["OrderedDict"] = newFunc("OrderedDict", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		d := ev.newDict(orderedDictType, false)
		return d, updateFrom(d, args, kwargs)
	})
	return g
}

// typingForm is a name from typing: it can be subscripted, combined with
// | and called, and means nothing, which is all a config needs of it.
type typingForm string

var typingFormType = py.NewType("typing._SpecialForm", "a typing construct")

// Type returns the typing form type.
func (t typingForm) Type() *py.Type { return typingFormType }

func (t typingForm) M__getitem__(py.Object) (py.Object, error) { return t, nil }
func (t typingForm) M__or__(py.Object) (py.Object, error)      { return t, nil }
func (t typingForm) M__ror__(py.Object) (py.Object, error)     { return t, nil }
func (t typingForm) M__repr__() (py.Object, error)             { return py.String("typing." + string(t)), nil }
func (t typingForm) M__str__() (py.Object, error)              { return t.M__repr__() }
func (t typingForm) M__call__(args py.Tuple, _ py.StringDict) (py.Object, error) {
	return t, nil
}

var typingNames = []string{
	"Any", "Union", "Optional", "Dict", "List", "Tuple", "Set", "FrozenSet", "Callable",
	"Iterable", "Iterator", "Sequence", "Mapping", "MutableMapping", "Type", "Literal",
	"Final", "ClassVar", "DefaultDict", "NamedTuple", "TypedDict", "Generic", "Protocol",
	"AnyStr", "Text", "NoReturn", "Collection", "Hashable", "TypeVar", "overload",
}

func typingModule() py.StringDict {
	g := py.StringDict{"TYPE_CHECKING": py.False}
	for _, n := range typingNames {
		g[n] = typingForm(n)
	}
	g["cast"] = newFunc("cast", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "cast() takes 2 arguments")
		}
		return args[1], nil
	})
	return g
}

func abcModule() py.StringDict {
	g := py.StringDict{}
	for _, n := range []string{"Mapping", "MutableMapping", "Sequence", "Iterable", "Callable"} {
		g[n] = typingForm(n)
	}
	return g
}

// futureFeature is what `from __future__ import x` binds, as CPython's
// _Feature instances; the name stays a top-level binding of the file.
type futureFeature string

var futureFeatureType = py.NewType("_Feature", "a __future__ feature")

// Type returns _Feature.
func (f futureFeature) Type() *py.Type { return futureFeatureType }

func (f futureFeature) M__repr__() (py.Object, error) {
	return py.String("_Feature(" + string(f) + ")"), nil
}

func futureModule() py.StringDict {
	g := py.StringDict{}
	for _, n := range []string{"nested_scopes", "generators", "division", "absolute_import",
		"with_statement", "print_function", "unicode_literals", "barry_as_FLUFL",
		"generator_stop", "annotations"} {
		g[n] = futureFeature(n)
	}
	return g
}

// versionInfo is sys.version_info: a tuple that compares with tuples,
// which gpython's tuples do not, and names its fields.
type versionInfo py.Tuple

var versionInfoType = py.NewType("sys.version_info", "the Python version the sandbox claims")

// Type returns sys.version_info's type.
func (v versionInfo) Type() *py.Type { return versionInfoType }

func (v versionInfo) M__getitem__(key py.Object) (py.Object, error) {
	return py.Tuple(v).M__getitem__(key)
}

func (v versionInfo) M__len__() (py.Object, error) { return py.Int(len(v)), nil }

func (v versionInfo) M__iter__() (py.Object, error) { return py.NewIterator(py.Tuple(v)), nil }

func (v versionInfo) M__getattr__(name string) (py.Object, error) {
	i := map[string]int{"major": 0, "minor": 1, "micro": 2, "releaselevel": 3, "serial": 4}
	if n, ok := i[name]; ok {
		return v[n], nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'sys.version_info' object has no attribute '%s'", name)
}

// compare orders v against a tuple of ints, as Python compares tuples.
func (v versionInfo) compare(other py.Object) (int, bool) {
	o, ok := other.(py.Tuple)
	if !ok {
		return 0, false
	}
	for i := 0; i < len(v) && i < len(o); i++ {
		a, aok := v[i].(py.Int)
		b, bok := o[i].(py.Int)
		if !aok || !bok {
			return 0, false
		}
		if a != b {
			return cmp.Compare(a, b), true
		}
	}
	return cmp.Compare(len(v), len(o)), true
}

func (v versionInfo) cmp(other py.Object, ok func(int) bool) (py.Object, error) {
	c, valid := v.compare(other)
	if !valid {
		return py.NotImplemented, nil
	}
	return py.NewBool(ok(c)), nil
}

func (v versionInfo) M__lt__(o py.Object) (py.Object, error) {
	return v.cmp(o, func(c int) bool { return c < 0 })
}
func (v versionInfo) M__le__(o py.Object) (py.Object, error) {
	return v.cmp(o, func(c int) bool { return c <= 0 })
}
func (v versionInfo) M__gt__(o py.Object) (py.Object, error) {
	return v.cmp(o, func(c int) bool { return c > 0 })
}
func (v versionInfo) M__ge__(o py.Object) (py.Object, error) {
	return v.cmp(o, func(c int) bool { return c >= 0 })
}
func (v versionInfo) M__eq__(o py.Object) (py.Object, error) {
	return v.cmp(o, func(c int) bool { return c == 0 })
}
func (v versionInfo) M__ne__(o py.Object) (py.Object, error) {
	return v.cmp(o, func(c int) bool { return c != 0 })
}
