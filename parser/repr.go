package parser

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// pyStr is str(o) as CPython writes it. gpython's own str() and repr()
// get floats (1e+16, inf) and one-element tuples wrong, show the floats
// inside containers the same way, panic on some exceptions and never end
// on a list that holds itself, so everything the sandbox turns into text
// (str, repr, %, format, print) goes through here.
func pyStr(o py.Object) (string, error) {
	switch v := o.(type) {
	case py.String:
		return string(v), nil
	case *unknownValue:
		return string(v.text()), nil
	case *py.Exception:
		if v != py.NotImplemented {
			return exceptionStr(v)
		}
	case *py.Type:
		if v.Name == "" {
			return goStr(o)
		}
	}
	return pyRepr(o)
}

// exceptionStr is str() of an exception: its one argument as str, or
// the repr of all its arguments.
func exceptionStr(e *py.Exception) (string, error) {
	args := exceptionArgs(e)
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		return pyStr(args[0])
	}
	return pyRepr(args)
}

func exceptionArgs(e *py.Exception) py.Tuple {
	switch a := e.Args.(type) {
	case nil:
		return nil
	case py.Tuple:
		return a
	default:
		return py.Tuple{a}
	}
}

// strNew is str(), which writes through pyStr.
func strNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if t != py.StringType || len(args) != 1 || len(kwargs) != 0 {
		return py.StrNew(t, args, kwargs)
	}
	s, err := pyStr(args[0])
	if err != nil {
		return nil, err
	}
	return py.String(s), nil
}

// installStrNew makes str() write as pyStr does.
func installStrNew() { py.StringType.New = strNew }

// pyRepr is repr(o) as CPython writes it.
func pyRepr(o py.Object) (string, error) {
	w := reprWriter{open: map[identity]bool{}}
	err := w.write(o, 0)
	return w.b.String(), err
}

// reprWriter writes one repr; open holds the containers being written,
// so that one met again inside itself shows as [...] or {...}, as in
// CPython.
type reprWriter struct {
	b    strings.Builder
	open map[identity]bool
}

// enter marks a container open; it reports false when it already is.
func (w *reprWriter) enter(o py.Object, cycle string) bool {
	id := identify(o)
	if w.open[id] {
		w.b.WriteString(cycle)
		return false
	}
	w.open[id] = true
	return true
}

// items writes a list, a tuple (with its trailing comma when of one
// item) or the arguments of a call.
func (w *reprWriter) items(open, close string, list []py.Object, depth int) error {
	w.b.WriteString(open)
	for i, it := range list {
		if i > 0 {
			w.b.WriteString(", ")
		}
		if err := w.write(it, depth+1); err != nil {
			return err
		}
	}
	if open == "(" && close == ")" && len(list) == 1 {
		w.b.WriteByte(',')
	}
	w.b.WriteString(cmp.Or(close, ")"))
	return nil
}

func (w *reprWriter) write(o py.Object, depth int) error {
	if depth > maxDepth {
		return py.ExceptionNewf(recursionError,
			"maximum recursion depth exceeded while getting the repr of an object")
	}
	switch v := o.(type) {
	case nil:
		w.b.WriteString("None")
		return nil
	case *py.BigInt:
		if err := checkIntStr(v); err != nil {
			return err
		}
	case py.Float:
		w.b.WriteString(floatRepr(float64(v)))
		return nil
	case py.Tuple:
		// A tuple cannot hold itself, but it can hold a list that does.
		return w.items("(", ")", v, depth)
	case *py.List:
		if !w.enter(v, "[...]") {
			return nil
		}
		defer delete(w.open, identify(v))
		return w.items("[", "]", v.Items, depth)
	case *unknownValue:
		w.b.WriteString(string(v.text()))
		return nil
	case py.StringDict, *orderedDict, *environMapping:
		if !w.enter(v, "{...}") {
			return nil
		}
		defer delete(w.open, identify(v))
		return w.mapping(v, depth)
	case *py.Exception:
		if v == py.NotImplemented {
			w.b.WriteString("NotImplemented")
			return nil
		}
		w.b.WriteString(v.Base.Name)
		return w.items("(", "", exceptionArgs(v), depth)
	case *py.Module:
		w.b.WriteString(moduleRepr(v))
		return nil
	case *py.Method:
		w.b.WriteString("<built-in function " + v.Name + ">")
		return nil
	case *py.Function:
		fmt.Fprintf(&w.b, "<function %s at %p>", v.Name, v)
		return nil
	case *py.BoundMethod:
		return w.boundMethod(v)
	}
	r, err := goRepr(o)
	w.b.WriteString(r)
	return err
}

func (w *reprWriter) mapping(o py.Object, depth int) error {
	m, _ := asMapping(o)
	w.b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			w.b.WriteString(", ")
		}
		kr, _ := py.ReprAsString(py.String(k))
		w.b.WriteString(kr + ": ")
		if err := w.write(m.vals[k], depth+1); err != nil {
			return err
		}
	}
	w.b.WriteByte('}')
	return nil
}

func (w *reprWriter) boundMethod(m *py.BoundMethod) error {
	switch f := m.Method.(type) {
	case *py.Method:
		fmt.Fprintf(&w.b, "<built-in method %s of %s object at %#x>", f.Name, typeName(m.Self),
			identify(m.Self).ptr)
		return nil
	case *py.Function:
		fmt.Fprintf(&w.b, "<bound method %s of ", f.Name)
		if err := w.write(m.Self, 0); err != nil {
			return err
		}
		w.b.WriteByte('>')
		return nil
	}
	fmt.Fprintf(&w.b, "<bound method of %s object>", typeName(m.Self))
	return nil
}

// cModules are the modules CPython builds into the interpreter and
// frozenModules those it keeps frozen; both have no file to name.
var (
	cModules = setOf("builtins", "sys", "math", "time", "marshal", "itertools", "errno",
		"posix", "gc")
	frozenModules = setOf("os", "posixpath", "abc", "codecs", "io", "stat", "genericpath")
)

// moduleRepr names a module as CPython does. The sandbox has no files, so
// a module CPython loads from one shows without its path.
func moduleRepr(m *py.Module) string {
	name, _ := m.Globals["__name__"].(py.String)
	n := string(name)
	if n == "" {
		n = m.ModuleImpl.Info.Name
	}
	if n == "os.path" {
		n = "posixpath"
	}
	q := strconv.Quote(n)
	q = "'" + q[1:len(q)-1] + "'"
	switch {
	case cModules[n]:
		return "<module " + q + " (built-in)>"
	case frozenModules[n]:
		return "<module " + q + " (frozen)>"
	}
	return "<module " + q + ">"
}

// goRepr is gpython's repr of the kinds the sandbox does not write itself
// (sets, ranges, bytes, classes and their instances), fenced so that a
// gap in gpython gives CPython's default text instead of a panic.
func goRepr(o py.Object) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = defaultRepr(o), nil
		}
	}()
	if _, ok := o.(py.I__repr__); !ok && o.Type().Lookup("__repr__") == nil {
		return defaultRepr(o), nil
	}
	return py.ReprAsString(o)
}

// goStr is gpython's str of an instance of a class the file made.
func goStr(o py.Object) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = defaultRepr(o), nil
		}
	}()
	return py.StrAsString(o)
}

func defaultRepr(o py.Object) string {
	return fmt.Sprintf("<%s object at %#x>", typeName(o), identify(o).ptr)
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// floatRepr is the shortest text that reads back as f, in CPython's
// layout: exponent notation below 1e-4 and from 1e16 on, else a decimal
// point always.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	n, _ := strconv.Atoi(exp)
	if n < -4 || n >= 16 {
		return pyExp(mant + "e" + exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}
