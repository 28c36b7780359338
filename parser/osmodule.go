package parser

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"

	"github.com/pwbconf/pwbconf/model"
)

// refusedOS are the os functions that reach the file system, processes or
// the environment of the process; a config that calls one stops there.
// getcwd is not here: it gives an unknown value, as abspath does.
var refusedOS = []string{
	"system", "popen", "remove", "unlink", "rmdir", "removedirs", "rename", "renames",
	"replace", "mkdir", "makedirs", "listdir", "scandir", "walk", "fwalk", "chdir",
	"chmod", "chown", "lchown", "link", "symlink", "readlink", "truncate", "open",
	"read", "write", "close", "stat", "lstat", "access", "utime", "putenv", "unsetenv",
	"fork", "forkpty", "kill", "killpg", "abort", "_exit", "startfile",
	"execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
	"spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe",
	"posix_spawn", "posix_spawnp", "getlogin", "getpid", "getuid",
	"urandom", "nice", "setuid", "setgid", "umask", "mkfifo", "mknod", "pipe",
}

// readKind is what Python gives for a read of an unset variable, kept on
// the unknown value that stands for the read where the sandbox does not
// know the variable, so that the model can say it (see
// unknownValue.modelSource).
type readKind int

const (
	// computed: not the value of a read, but made from one.
	computed readKind = iota
	// readItem: os.environ[N], a KeyError where N is unset.
	readItem
	// readOrNone: os.environ.get(N) or os.getenv(N), None where N is unset.
	readOrNone
)

// envUnknown is the value of a read of the variable name that the sandbox
// cannot answer.
func (ev *evaluation) envUnknown(name py.Object, read readKind) *unknownValue {
	u := ev.unknown("env:" + string(name.(py.String)))
	u.read = read
	return u
}

// modelSource is the Source of u in the model. A read keeps "env:NAME"
// when it fails where the variable is unset, and is "env-or-none:NAME"
// when it gives None there; anything computed from a read is
// "computed:env:NAME", which no converter takes for the variable itself.
func (u *unknownValue) modelSource() string {
	name, ok := strings.CutPrefix(u.source, "env:")
	switch {
	case !ok || name == "?" || u.read == readItem:
		return u.source
	case u.read == readOrNone:
		return "env-or-none:" + name
	}
	return "computed:" + u.source
}

// derive returns o, or for an unknown value one computed from it: a path
// built on $HOME is not $HOME.
func derive(o py.Object) py.Object {
	if u, ok := o.(*unknownValue); ok {
		return &unknownValue{ev: u.ev, source: u.source, origin: u.origin}
	}
	return o
}

// envRead notes one read of an environment variable and returns the value
// the file sees: the real one when the caller gave it, else fallback
// (None if nil) where the sandbox knows the variable is unset, else the
// fallback marked as the variable's default, or an unknown value when
// there is no fallback but None.
func (ev *evaluation) envRead(name py.Object, fallback py.Object) py.Object {
	v, set, ok := ev.envLookup(name)
	switch {
	case !ok || set:
		return v
	case ev.knownUnset(name) && fallback == nil:
		return py.None
	case ev.knownUnset(name):
		return fallback
	}
	if v, ok := ev.afterSetdefault(name); ok {
		// The variable is set since: fallback can no longer apply.
		return v
	}
	key := string(name.(py.String))
	if fallback == nil || fallback == py.None {
		return ev.envUnknown(name, readOrNone)
	}
	return ev.envDefault(key, fallback)
}

// envDefault is the default of a read of a variable the check's
// environment does not answer. It is what Python gives where the variable
// is unset, so the file goes on with it, but the model marks it as the
// variable's default (model.Value.EnvDefault). A str default is copied to
// storage of its own so that its identity tells it from the same literal
// used elsewhere. Something computed from it may be the very object (Go
// gives 'en'.lower() back unchanged), so a default the statement computes
// something from is not marked at all (see derivedRead). An empty str has
// no identity (Go boxes every empty string alike), so an empty default is
// marked only in the value of the statement that read it (see
// markEmptyDefaults).
func (ev *evaluation) envDefault(name string, fallback py.Object) py.Object {
	s, ok := fallback.(py.String)
	if !ok || ev.derivedRead(name) {
		return fallback
	}
	if s == "" {
		if ev.emptyDefaults == nil {
			ev.emptyDefaults = map[model.Pos][]string{}
		}
		ev.emptyDefaults[ev.cur] = append(ev.emptyDefaults[ev.cur], name)
		return s
	}
	own := py.String(strings.Clone(string(s)))
	if ev.envDefaults == nil {
		ev.envDefaults = map[identity]string{}
	}
	ev.envDefaults[identify(own)] = name
	return own
}

// envLookup notes one read of a variable and returns its value and
// whether it is set. ok is false when name is no str, and v then stands
// for the unknown value of the read.
func (ev *evaluation) envLookup(name py.Object) (v py.Object, set, ok bool) {
	key, ok := name.(py.String)
	if !ok {
		if u, ok := name.(*unknownValue); ok {
			return u, false, false
		}
		return ev.unknown("env:?"), false, false
	}
	s, set := ev.opts.Env[string(key)]
	ev.cfg.EnvReads = append(ev.cfg.EnvReads, model.EnvRead{
		Name: string(key), Pos: ev.cur, Resolved: set || ev.knownUnset(key),
	})
	return py.String(s), set, true
}

// knownUnset reports whether the sandbox knows that variable name is
// unset: the caller gave the whole environment, or the file deleted it.
func (ev *evaluation) knownUnset(name py.Object) bool {
	key, ok := name.(py.String)
	return ev.opts.EnvComplete || ok && ev.envGone[string(key)]
}

// envSet is a change the file makes to os.environ. It changes only what
// the file itself reads back later, never the environment of pwbconf.
func (ev *evaluation) envSet(key, value py.Object) error {
	k, ok := key.(py.String)
	if !ok {
		return py.ExceptionNewf(py.TypeError, "str expected, not %s", key.Type().Name)
	}
	delete(ev.env.setDefaults, string(k))
	if value == nil {
		delete(ev.opts.Env, string(k))
		ev.envGone[string(k)] = true
		return nil
	}
	v, ok := value.(py.String)
	if !ok {
		return py.ExceptionNewf(py.TypeError, "str expected, not %s", value.Type().Name)
	}
	ev.opts.Env[string(k)] = string(v)
	delete(ev.envGone, string(k))
	return nil
}

// environMapping is os.environ: it shows the file only what the caller
// put in Options.Env and what the file set itself. A change stays inside
// the sandbox's copy; Pywikibot would make it in its own process, where it
// is as harmless.
type environMapping struct{ ev *evaluation }

var environType = py.NewType("os._Environ", "the environment as the sandbox shows it")

// Type returns os._Environ.
func (e *environMapping) Type() *py.Type { return environType }

func (e *environMapping) M__getitem__(key py.Object) (py.Object, error) {
	v, set, ok := e.ev.envLookup(key)
	switch {
	case !ok || set:
		return v, nil
	case e.ev.knownUnset(key):
		return nil, keyError(key)
	}
	if v, ok := e.ev.afterSetdefault(key); ok {
		return v, nil
	}
	return e.ev.envUnknown(key, readItem), nil
}

// afterSetdefault is what a read of the variable name gives once the file
// set it with os.environ.setdefault where the sandbox does not know it:
// the value set, as the variable's default.
func (ev *evaluation) afterSetdefault(name py.Object) (py.Object, bool) {
	key := string(name.(py.String))
	d, ok := ev.env.setDefaults[key]
	if !ok {
		return nil, false
	}
	return ev.envDefault(key, d), true
}

func (e *environMapping) M__setitem__(key, value py.Object) (py.Object, error) {
	return py.None, e.ev.envSet(key, value)
}

// M__delitem__ deletes a variable. One the sandbox was not told about may
// be unset, where Python raises KeyError; the sandbox goes on.
func (e *environMapping) M__delitem__(key py.Object) (py.Object, error) {
	_, set, ok := e.ev.envLookup(key)
	if ok && !set && e.ev.knownUnset(key) {
		return nil, keyError(key)
	}
	return py.None, e.ev.envSet(key, nil)
}

func (e *environMapping) M__contains__(key py.Object) (py.Object, error) {
	k, ok := key.(py.String)
	if !ok {
		return py.False, nil
	}
	_, set, _ := e.ev.envLookup(k)
	_, setDefault := e.ev.env.setDefaults[string(k)]
	return py.NewBool(set || setDefault), nil
}

func (e *environMapping) M__iter__() (py.Object, error) {
	return py.NewIterator(py.NewListFromStrings(e.snapshot().keys)), nil
}

func (e *environMapping) M__len__() (py.Object, error) { return py.Int(len(e.ev.opts.Env)), nil }

func (e *environMapping) snapshot() mapping {
	m := mapping{vals: make(map[string]py.Object, len(e.ev.opts.Env))}
	for k, v := range e.ev.opts.Env {
		m.keys = append(m.keys, k)
		m.vals[k] = py.String(v)
	}
	slices.Sort(m.keys)
	return m
}

// installEnviron gives os.environ its methods.
func installEnviron() {
	// os.environ's methods come from Python code (collections.abc and
	// os._Environ), which takes its arguments by keyword too.
	get := func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := bindArgs("Mapping.get", 1, args, kwargs, []string{"key", "default"}, 1)
		if err != nil {
			return nil, err
		}
		return self.(*environMapping).ev.envRead(a[0], a[1]), nil
	}
	environType.Dict["get"] = py.MustNewMethod("get", get, 0, "")
	for _, name := range []string{"keys", "items", "values", "copy"} {
		environType.Dict[name] = py.MustNewMethod(name, func(self py.Object, _ py.Tuple) (py.Object, error) {
			m := self.(*environMapping).snapshot()
			d := plainDict(m.vals)
			return dictMethodImpls[name](d, nil, nil)
		}, 0, "")
	}
	// Where the sandbox does not know the variable, setdefault gives what
	// get with the same default gives: the value where it is set, the
	// default where it is not. Either way the variable is set from there
	// on, so every later read gives what this one gave (see envRead).
	setdefault := func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := bindArgs("_Environ.setdefault", 1, args, kwargs, []string{"key", "value"}, 2)
		if err != nil {
			return nil, err
		}
		e := self.(*environMapping)
		v, set, ok := e.ev.envLookup(a[0])
		switch {
		case !ok || set:
			return v, nil
		case e.ev.knownUnset(a[0]):
			return a[1], e.ev.envSet(a[0], a[1])
		}
		if v, ok := e.ev.afterSetdefault(a[0]); ok {
			return v, nil
		}
		name := string(a[0].(py.String))
		if d, ok := a[1].(py.String); ok {
			if e.ev.env.setDefaults == nil {
				e.ev.env.setDefaults = map[string]py.String{}
			}
			e.ev.env.setDefaults[name] = d
		}
		return e.ev.envDefault(name, a[1]), nil
	}
	environType.Dict["setdefault"] = py.MustNewMethod("setdefault", setdefault, 0, "")
	update := func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, updateFrom(environSetter{self.(*environMapping).ev}, args, kwargs)
	}
	environType.Dict["update"] = py.MustNewMethod("update", update, 0, "")
	environType.Dict["pop"] = py.MustNewMethod("pop", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := bindArgs("MutableMapping.pop", 1, args, kwargs, []string{"key", "default"}, 1)
		if err != nil {
			return nil, err
		}
		e := self.(*environMapping)
		var v py.Object
		if a[1] != nil {
			v = e.ev.envRead(a[0], a[1])
		} else if v, err = e.M__getitem__(a[0]); err != nil {
			return nil, err
		}
		return v, e.ev.envSet(a[0], nil)
	}, 0, "")
	for _, name := range []string{"popitem", "clear"} {
		environType.Dict[name] = py.MustNewMethod(name, func(self py.Object, _ py.Tuple) (py.Object, error) {
			return nil, self.(*environMapping).ev.refuse("run os.environ." + name + "()")
		}, 0, "")
	}
}

// environSetter lets os.environ.update share dict.update's arguments.
type environSetter struct{ ev *evaluation }

func (s environSetter) M__setitem__(k, v py.Object) (py.Object, error) {
	return py.None, s.ev.envSet(k, v)
}

// home is the user's home directory as the environment tells it. Where
// HOME is unset Python asks the password database, which the sandbox
// does not.
func (ev *evaluation) home() py.Object {
	v := ev.envRead(py.String("HOME"), nil)
	if _, ok := v.(py.String); !ok {
		if _, ok := v.(*unknownValue); !ok {
			return ev.unknown("env:HOME")
		}
	}
	return v
}

// absPath makes a path absolute without asking the system for the working
// directory: a relative path stays relative to an unknown one.
func (ev *evaluation) absPath(p py.Object) py.Object {
	s, ok := p.(py.String)
	if !ok {
		return p
	}
	if !strings.HasPrefix(string(s), "/") {
		return ev.unknown("cwd")
	}
	return py.String(path.Clean(string(s)))
}

// joinObjects is os.path.join on Python objects.
func joinObjects(parts py.Tuple) py.Object {
	strs := make([]string, len(parts))
	for i, p := range parts {
		switch p := p.(type) {
		case py.String:
			strs[i] = string(p)
		case *unknownValue:
			return derive(p)
		default:
			return nil
		}
	}
	return py.String(joinStrings(strs...))
}

// newOSModule builds the sandbox's os: environment reads, path functions
// on strings, and refusals for everything that acts on the system.
func (ctx *sandboxContext) newOSModule() py.StringDict {
	ev := ctx.ev
	g := py.StringDict{
		"environ":  &environMapping{ev: ev},
		"name":     py.String("posix"),
		"sep":      py.String("/"),
		"altsep":   py.None,
		"extsep":   py.String("."),
		"pathsep":  py.String(":"),
		"linesep":  py.String("\n"),
		"curdir":   py.String("."),
		"pardir":   py.String(".."),
		"devnull":  py.String("/dev/null"),
		"path":     ctx.module("os.path"),
		"PathLike": typingForm("os.PathLike"),
	}
	// Pywikibot's working folder is wherever the bot operator starts it.
	g["getcwd"] = newFunc("getcwd", func(py.Tuple, py.StringDict) (py.Object, error) {
		return ev.unknown("cwd"), nil
	})
	g["getenv"] = newFunc("getenv", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := bindArgs("getenv", 0, args, kwargs, []string{"key", "default"}, 1)
		if err != nil {
			return nil, err
		}
		return ev.envRead(a[0], a[1]), nil
	})
	for _, name := range refusedOS {
		g[name] = ev.refusingFunc("os." + name + "()")
	}
	return g
}

// newPathModule builds os.path. exists, isdir, isfile and islink answer
// False without looking: the sandbox never asks the file system.
func (ctx *sandboxContext) newPathModule() py.StringDict {
	ev := ctx.ev
	g := py.StringDict{"sep": py.String("/")}
	str1 := func(name string, fn func(string) py.Object) {
		g[name] = newFunc(name, func(args py.Tuple, _ py.StringDict) (py.Object, error) {
			if len(args) < 1 {
				return nil, py.ExceptionNewf(py.TypeError, "%s() missing 1 required positional argument", name)
			}
			switch a := args[0].(type) {
			case *unknownValue:
				return a, nil
			case py.String:
				return fn(string(a)), nil
			}
			return nil, py.ExceptionNewf(py.TypeError, "%s() argument must be str, not %s", name, args[0].Type().Name)
		})
	}
	str1("expanduser", func(p string) py.Object {
		if p != "~" && !strings.HasPrefix(p, "~/") {
			return py.String(p)
		}
		h := ev.home()
		home, ok := h.(py.String)
		switch {
		case !ok && p == "~":
			// The home itself: what the read of HOME gave.
			return h
		case !ok:
			return derive(h)
		}
		// Python strips the home's trailing slashes and keeps the rest.
		out := strings.TrimRight(string(home), "/") + p[1:]
		if out == "" {
			out = "/"
		}
		return py.String(out)
	})
	str1("dirname", func(p string) py.Object {
		i := strings.LastIndex(p, "/") + 1
		head := p[:i]
		if strings.Trim(head, "/") != "" {
			head = strings.TrimRight(head, "/")
		}
		return py.String(head)
	})
	str1("basename", func(p string) py.Object { return py.String(p[strings.LastIndex(p, "/")+1:]) })
	str1("normpath", func(p string) py.Object { return py.String(cleanPath(p)) })
	str1("abspath", func(p string) py.Object { return ev.absPath(py.String(p)) })
	str1("realpath", func(p string) py.Object { return ev.absPath(py.String(p)) })
	str1("isabs", func(p string) py.Object { return py.NewBool(strings.HasPrefix(p, "/")) })
	for _, name := range []string{"exists", "isdir", "isfile", "islink", "lexists", "ismount"} {
		str1(name, func(p string) py.Object {
			// The answer decides which branch of the file is checked, so
			// the user is told which one that is.
			quoted, _ := pyRepr(py.String(p))
			ev.note("fs:"+name+":"+p, diag.CodeFileSystem, ev.cur, fmt.Sprintf(
				"the sandbox does not look at files: os.path.%s(%s) is taken as false, "+
					"so pwbconf checks what the file does where the path is missing",
				name, quoted))
			return py.False
		})
	}
	str1("split", func(p string) py.Object {
		i := strings.LastIndex(p, "/") + 1
		head, tail := p[:i], p[i:]
		if strings.Trim(head, "/") != "" {
			head = strings.TrimRight(head, "/")
		}
		return py.Tuple{py.String(head), py.String(tail)}
	})
	str1("splitext", func(p string) py.Object {
		base := p[strings.LastIndex(p, "/")+1:]
		i := strings.LastIndex(base, ".")
		if i <= 0 || strings.Trim(base[:i], ".") == "" {
			return py.Tuple{py.String(p), py.String("")}
		}
		cut := len(p) - len(base) + i
		return py.Tuple{py.String(p[:cut]), py.String(p[cut:])}
	})
	str1("expandvars", func(p string) py.Object { return ev.expandVars(p) })
	g["join"] = newFunc("join", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) == 0 {
			return nil, py.ExceptionNewf(py.TypeError, "join() missing 1 required positional argument: 'a'")
		}
		if out := joinObjects(args); out != nil {
			return out, nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "join() arguments must be str")
	})
	for _, name := range []string{"getsize", "getmtime", "getatime", "getctime", "samefile"} {
		g[name] = ev.refusingFunc("os.path." + name + "()")
	}
	return g
}

// expandVars is os.path.expandvars over the environment the caller gave.
func (ev *evaluation) expandVars(p string) py.Object {
	var unknown py.Object
	out := expandDollar(p, func(name string) (string, bool) {
		v := ev.envRead(py.String(name), nil)
		if s, ok := v.(py.String); ok {
			return string(s), true
		}
		unknown = v
		return "", false
	})
	if unknown != nil {
		return derive(unknown)
	}
	return py.String(out)
}

func expandDollar(s string, lookup func(string) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b.WriteByte(s[i])
			continue
		}
		name, end := "", i+1
		if end < len(s) && s[end] == '{' {
			j := strings.IndexByte(s[end:], '}')
			if j < 0 {
				b.WriteByte('$')
				continue
			}
			name, end = s[end+1:end+j], end+j+1
		} else {
			for end < len(s) && (s[end] == '_' || isAlnum(s[end])) {
				end++
			}
			name = s[i+1 : end]
		}
		v, ok := lookup(name)
		if name == "" || !ok {
			b.WriteString(s[i:end])
		} else {
			b.WriteString(v)
		}
		i = end - 1
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// bindArgs binds the arguments of a call to a function of Python code
// with the parameters params, of which the first required have no
// default, the way CPython does, with its messages; a parameter not given
// is nil. fn is the name CPython's messages give, and self is 1 for a
// method, whose self its messages count.
func bindArgs(fn string, self int, args py.Tuple, kwargs py.StringDict, params []string, required int) ([]py.Object, error) {
	if len(args) > len(params) {
		takes := fmt.Sprintf("from %d to %d", required+self, len(params)+self)
		if required == len(params) {
			takes = strconv.Itoa(required + self)
		}
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes %s positional arguments but %d were given",
			fn, takes, len(args)+self)
	}
	out := make([]py.Object, len(params))
	copy(out, args)
	for _, k := range slices.Sorted(maps.Keys(kwargs)) {
		i := slices.Index(params, k)
		switch {
		case i < 0:
			return nil, py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		case out[i] != nil:
			return nil, py.ExceptionNewf(py.TypeError, "%s() got multiple values for argument '%s'", fn, k)
		}
		out[i] = kwargs[k]
	}
	for i, p := range params[:required] {
		if out[i] == nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() missing 1 required positional argument: '%s'", fn, p)
		}
	}
	return out, nil
}
