package parser

import (
	"path"
	"slices"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/model"
)

// refusedOS are the os functions that reach the file system, processes or
// the environment of the process; a config that calls one stops there.
var refusedOS = []string{
	"system", "popen", "remove", "unlink", "rmdir", "removedirs", "rename", "renames",
	"replace", "mkdir", "makedirs", "listdir", "scandir", "walk", "fwalk", "chdir",
	"chmod", "chown", "lchown", "link", "symlink", "readlink", "truncate", "open",
	"read", "write", "close", "stat", "lstat", "access", "utime", "putenv", "unsetenv",
	"fork", "forkpty", "kill", "killpg", "abort", "_exit", "startfile",
	"execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe",
	"spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe",
	"posix_spawn", "posix_spawnp", "getcwd", "getcwdb", "getlogin", "getpid", "getuid",
	"urandom", "nice", "setuid", "setgid", "umask", "mkfifo", "mknod", "pipe",
}

// envRead notes one read of an environment variable and returns the value
// the file sees: the real one when the caller gave it, else fallback, else
// an unknown value, or None when the caller gave the whole environment.
func (ev *evaluation) envRead(name py.Object, fallback py.Object) py.Object {
	v, set, ok := ev.envLookup(name)
	switch {
	case !ok || set:
		return v
	case fallback != nil:
		return fallback
	case ev.opts.EnvComplete:
		return py.None
	}
	return ev.unknown("env:" + string(name.(py.String)))
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
		Name: string(key), Pos: ev.cur, Resolved: set || ev.opts.EnvComplete,
	})
	return py.String(s), set, true
}

// environMapping is os.environ: it shows the file only what the caller
// put in Options.Env and refuses every change.
type environMapping struct{ ev *evaluation }

var environType = py.NewType("os._Environ", "the environment as the sandbox shows it")

// Type returns os._Environ.
func (e *environMapping) Type() *py.Type { return environType }

func (e *environMapping) M__getitem__(key py.Object) (py.Object, error) {
	v, set, ok := e.ev.envLookup(key)
	switch {
	case !ok || set:
		return v, nil
	case e.ev.opts.EnvComplete:
		return nil, keyError(key)
	}
	return e.ev.unknown("env:" + string(key.(py.String))), nil
}

func (e *environMapping) M__setitem__(_, _ py.Object) (py.Object, error) {
	return nil, e.ev.refuse("changing os.environ", "a config cannot change the environment")
}

func (e *environMapping) M__delitem__(py.Object) (py.Object, error) {
	return nil, e.ev.refuse("changing os.environ", "a config cannot change the environment")
}

func (e *environMapping) M__contains__(key py.Object) (py.Object, error) {
	k, ok := key.(py.String)
	if !ok {
		return py.False, nil
	}
	_, set, _ := e.ev.envLookup(k)
	return py.NewBool(set), nil
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

func init() {
	environType.Dict["get"] = py.MustNewMethod("get", func(self py.Object, args py.Tuple) (py.Object, error) {
		if len(args) < 1 || len(args) > 2 {
			return nil, py.ExceptionNewf(py.TypeError, "get expected 1 or 2 arguments, got %d", len(args))
		}
		e := self.(*environMapping)
		if len(args) == 2 {
			return e.ev.envRead(args[0], args[1]), nil
		}
		return e.ev.envRead(args[0], nil), nil
	}, 0, "")
	for _, name := range []string{"keys", "items", "values", "copy"} {
		environType.Dict[name] = py.MustNewMethod(name, func(self py.Object, _ py.Tuple) (py.Object, error) {
			m := self.(*environMapping).snapshot()
			d := plainDict(m.vals)
			return dictMethodImpls[name](d, nil, nil)
		}, 0, "")
	}
	for _, name := range []string{"setdefault", "update", "pop", "popitem", "clear"} {
		environType.Dict[name] = py.MustNewMethod(name, func(self py.Object, _ py.Tuple) (py.Object, error) {
			return nil, self.(*environMapping).ev.refuse("changing os.environ",
				"a config cannot change the environment")
		}, 0, "")
	}
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
			return p
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
	g["getenv"] = newFunc("getenv", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) < 1 || len(args) > 2 {
			return nil, py.ExceptionNewf(py.TypeError, "getenv() takes 1 or 2 arguments (%d given)", len(args))
		}
		if len(args) == 2 {
			return ev.envRead(args[0], args[1]), nil
		}
		if d, ok := kwargs["default"]; ok {
			return ev.envRead(args[0], d), nil
		}
		return ev.envRead(args[0], nil), nil
	})
	for _, name := range refusedOS {
		g[name] = ev.refusingFunc("os."+name+"()", "a config cannot act on the system pwbconf runs on")
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
		if !ok {
			return h
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
		str1(name, func(string) py.Object { return py.False })
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
		g[name] = ev.refusingFunc("os.path."+name+"()", "pwbconf never looks at files a config names")
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
		return unknown
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
