package parser

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser/rewrite"
)

// refusedBuiltins reach the file system, the terminal or the compiler:
// the sandbox reads no file a config names, asks no questions, ends no
// program and runs no code the file builds.
var refusedBuiltins = []string{
	"open", "input", "exit", "quit", "compile", "exec", "eval", "breakpoint", "help",
}

// sandboxBuiltins replaces, in one context's builtins, every function that
// could reach outside the file, and adds the statement hooks; those that
// need no context are in the module from the start (see builtinsModule).
func (ctx *sandboxContext) sandboxBuiltins(g py.StringDict) {
	ev := ctx.ev
	for _, name := range refusedBuiltins {
		g[name] = ev.refusingFunc(name + "()")
	}
	g["__import__"] = newFunc("__import__", ctx.importHook)
	g["print"] = newFunc("print", ev.print)
	g["__pwbconf_at__"] = &statementHook{ev: ev, name: "__pwbconf_at__", run: ev.hookAt}
	g["__pwbconf_loop__"] = &statementHook{ev: ev, name: "__pwbconf_loop__", run: ev.hookLoop}
	g["__pwbconf_hdr__"] = &statementHook{ev: ev, name: "__pwbconf_hdr__", run: ev.hookHeader}
	g["__pwbconf_def__"] = &statementHook{ev: ev, name: "__pwbconf_def__", run: func(pos model.Pos) (py.Object, error) {
		if _, err := ev.hookAt(pos); err != nil {
			return nil, err
		}
		return py.Tuple{}, nil
	}}
	g["__pwbconf_size__"] = newFunc("__pwbconf_size__", ev.sizeHook)
	g["__pwbconf_grow__"] = newFunc("__pwbconf_grow__", ev.growHook)
	g["pow"] = ev.checkedPow(g["pow"])
	g["iter"] = newFunc("iter", ev.iter)
	g["sum"] = keywordSum(g["sum"])
	g["len"] = bytesLen(g["len"])
	// Outside a module Python names the builtins module as __name__; the
	// exec namespace of Pywikibot has no __name__ of its own.
	g["__name__"] = py.String("builtins")
	delete(g, "__file__")
}

// statementHook is what the rewrite puts before each statement: reading
// its attribute L<line>_<col> runs the hook for that position. An
// attribute, unlike a call with two numbers, costs gpython neither a
// number to scan nor constants to compare with every other constant of
// the file, which made the hooks a third of compiling a file.
type statementHook struct {
	ev   *evaluation
	name string
	run  func(model.Pos) (py.Object, error)
}

var statementHookType = py.NewType("statement_hook", "the sandbox's statement hook")

// Type is part of py.Object.
func (h *statementHook) Type() *py.Type { return statementHookType }

// M__getattribute__ runs the hook at the position the name spells.
func (h *statementHook) M__getattribute__(name string) (py.Object, error) {
	if line, col, ok := hookPosition(name); ok {
		pos := model.Pos{Line: line, Col: col}
		// The file cannot name a hook, but it can build the name at run
		// time (getattr with a joined string); a position the rewrite did
		// not write would then misplace every finding after it.
		if l := h.ev.lines; l != nil && !l.Hooks[rewrite.Pos{Line: line, Col: col}] {
			return nil, h.ev.refuse("let a file run its statement hooks")
		}
		return h.run(pos)
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' has no attribute '%s'", h.name, name)
}

// hookPosition reads "L<line>_<col>".
func hookPosition(name string) (line, col int, ok bool) {
	rest, found := strings.CutPrefix(name, "L")
	if !found {
		return 0, 0, false
	}
	l, c, found := strings.Cut(rest, "_")
	if !found {
		return 0, 0, false
	}
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	return line, col, err1 == nil && err2 == nil && line > 0 && col > 0
}

// contextBuiltins are the names sandboxBuiltins sets in every context.
var contextBuiltins = slices.Concat([]string{"__import__", "print", "__pwbconf_at__",
	"__pwbconf_loop__", "__pwbconf_hdr__", "__pwbconf_def__", "__pwbconf_size__", "__pwbconf_grow__",
	"pow", "iter", "sum", "len"}, refusedBuiltins)

// sharedBuiltins are the sandbox's builtins that hold no state. A Python
// file cannot change a built-in function, so every context has the same.
func sharedBuiltins() py.StringDict {
	return py.StringDict{
		"__pwbconf_fmt__": newFunc("__pwbconf_fmt__", fmtOperand),
		"__pwbconf_or__":  newFunc("__pwbconf_or__", orHook),
		"__pwbconf_ior__": newFunc("__pwbconf_ior__", iorHook),
		"__pwbconf_eq__":  newFunc("__pwbconf_eq__", eqHook),
		"__pwbconf_deco__": newFunc("__pwbconf_deco__", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return args[0], nil
		}),
		"repr":     newFunc("repr", builtinRepr),
		"reversed": newFunc("reversed", builtinReversed),
		"min": newFunc("min", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return minMax("min", py.Lt, args, kwargs)
		}),
		"max": newFunc("max", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return minMax("max", py.Gt, args, kwargs)
		}),
	}
}

// builtinsModule is gpython's builtins module with the sandbox's shared
// builtins in place, less the functions every context replaces, which
// would be bound to the context only to be dropped. Its dict has a key
// for every name a context ends up with, so that it never grows.
var builtinsModule = sync.OnceValue(func() *py.ModuleImpl {
	impl := builtinsImpl()
	shared := sharedBuiltins()
	replaced := func(name string) bool {
		_, ok := shared[name]
		return ok || slices.Contains(contextBuiltins, name) &&
			name != "pow" && name != "sum" && name != "len"
	}
	out := &py.ModuleImpl{Info: impl.Info, Globals: impl.Globals.Copy()}
	for _, m := range impl.Methods {
		if !replaced(m.Name) {
			out.Methods = append(out.Methods, m)
			out.Globals[m.Name] = m // NewModule puts a bound copy in its place
		}
	}
	// NewModule and sandboxBuiltins put the values of these in place.
	module := []string{"__name__", "__doc__", "__package__"}
	for _, name := range slices.Concat(contextBuiltins, module) {
		if _, ok := out.Globals[name]; !ok {
			out.Globals[name] = py.None
		}
	}
	maps.Copy(out.Globals, shared)
	return out
})

// checkedPow is pow(), which checks the size of an integer power as **
// does (see sizeOperand).
func (ev *evaluation) checkedPow(pow py.Object) py.Object {
	return newFunc("pow", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 2 || len(args) == 3 && args[2] == py.None {
			if err := ev.checkSize("pow()", powerBytes(args[0], args[1])); err != nil {
				return nil, err
			}
		}
		return py.Call(pow, args, kwargs)
	})
}

// builtinRepr is repr(), written by pyRepr.
func builtinRepr(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, py.ExceptionNewf(py.TypeError, "repr() takes exactly one argument (%d given)",
			len(args)+len(kwargs))
	}
	s, err := pyRepr(args[0])
	if err != nil {
		return nil, err
	}
	return py.String(s), nil
}

// refusingFunc is a function that stops evaluation when called.
func (ev *evaluation) refusingFunc(what string) py.Object {
	return newFunc(strings.TrimSuffix(what, "()"), func(py.Tuple, py.StringDict) (py.Object, error) {
		return nil, ev.refuse("run " + what)
	})
}

// print keeps what the file prints in the model instead of writing it.
func (ev *evaluation) print(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sep, end := " ", "\n"
	if s, ok := kwargs["sep"].(py.String); ok {
		sep = string(s)
	}
	if s, ok := kwargs["end"].(py.String); ok {
		end = string(s)
	}
	for i, a := range args {
		if i > 0 {
			ev.output.WriteString(sep)
		}
		s, err := pyStr(a)
		if err != nil {
			return nil, err
		}
		ev.output.WriteString(s)
		if ev.output.Len() > maxOutput {
			return nil, ev.setFatal(diag.CodeMemoryLimit, "the sandbox stopped the file after 1 MB of output")
		}
	}
	ev.output.WriteString(end)
	return py.None, nil
}

const maxOutput = 1 << 20

// goFunc is the shape of every Go function the sandbox hands to Python.
type goFunc func(args py.Tuple, kwargs py.StringDict) (py.Object, error)

// newFunc wraps a Go function as a Python builtin function.
func newFunc(name string, fn goFunc) *py.Method {
	return py.MustNewMethod(name, func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return fn(args, kwargs)
	}, 0, "")
}

// iter is iter(iterable) and iter(callable, sentinel). gpython's own
// takes only a Python function as the callable.
func (ev *evaluation) iter(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "iter() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return py.Iter(args[0])
	case 2:
		if _, ok := args[0].(py.I__call__); !ok {
			return nil, py.ExceptionNewf(py.TypeError, "iter(v, w): v must be callable")
		}
		return &callIterator{ev: ev, fn: args[0], sentinel: args[1]}, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "iter expected at most 2 arguments, got %d", len(args))
}

// callIterator calls fn until it returns sentinel. Each call counts as a
// step of the file, so that iter(int, 1), which calls a type and runs no
// statement of the file, still meets the limits.
type callIterator struct {
	ev       *evaluation
	fn       py.Object
	sentinel py.Object
	done     bool
}

var callIteratorType = py.NewType("callable_iterator", "")

func (it *callIterator) Type() *py.Type { return callIteratorType }

func (it *callIterator) M__iter__() (py.Object, error) { return it, nil }

func (it *callIterator) M__next__() (py.Object, error) {
	if it.done {
		return nil, py.StopIteration
	}
	if err := it.ev.tick(); err != nil {
		return nil, err
	}
	v, err := py.Call(it.fn, nil, nil)
	if err != nil {
		return nil, err
	}
	eq, err := py.Eq(v, it.sentinel)
	if err != nil {
		return nil, err
	}
	if eq == py.True {
		it.done = true
		return nil, py.StopIteration
	}
	return v, nil
}

// installFrozenSet makes frozenset() take any iterable.
func installFrozenSet() {
	py.FrozenSetType.New = func(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		var iterable py.Object
		if err := py.UnpackTuple(args, kwargs, "frozenset", 0, 1, &iterable); err != nil {
			return nil, err
		}
		if iterable == nil {
			return py.NewFrozenSet(), nil
		}
		items, err := iterItems(iterable)
		if err != nil {
			return nil, err
		}
		return py.NewFrozenSetFromItems(items), nil
	}
}

// builtinReversed is reversed(seq) for the sequences a config has: list,
// tuple, str, range and dict. gpython v0.2.0 has none.
func builtinReversed(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "reversed() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "reversed expected 1 argument, got %d", len(args))
	}
	switch seq := args[0].(type) {
	case *unknownValue:
		return seq, nil
	case *py.List, py.Tuple, py.String, *py.Range, py.StringDict, *orderedDict:
		items, err := iterItems(seq)
		if err != nil {
			return nil, err
		}
		slices.Reverse(items)
		return py.NewIterator(py.Tuple(items)), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not reversible", args[0].Type().Name)
}

// minMax is min() and max() as CPython has them: key may be any callable,
// default is allowed with one iterable, and of equal items the first wins.
// better is py.Lt for min, py.Gt for max.
func minMax(name string, better func(a, b py.Object) (py.Object, error),
	args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var key, dflt py.Object
	for k, v := range kwargs {
		switch k {
		case "key":
			key = v
		case "default":
			dflt = v
		default:
			return nil, py.ExceptionNewf(py.TypeError,
				"%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if key == py.None {
		key = nil
	}
	var items []py.Object
	switch {
	case len(args) == 0:
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at least 1 argument, got 0", name)
	case len(args) > 1 && dflt != nil:
		return nil, py.ExceptionNewf(py.TypeError,
			"Cannot specify a default for %s() with multiple positional arguments", name)
	case len(args) > 1:
		items = args
	default:
		if u, ok := args[0].(*unknownValue); ok {
			return u, nil
		}
		var err error
		if items, err = iterItems(args[0]); err != nil {
			return nil, err
		}
	}
	if len(items) == 0 {
		if dflt != nil {
			return dflt, nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "%s() iterable argument is empty", name)
	}
	best, bestKey := items[0], items[0]
	for i, it := range items {
		k := it
		if key != nil {
			var err error
			if k, err = py.Call(key, py.Tuple{it}, nil); err != nil {
				return nil, err
			}
		}
		if i == 0 {
			bestKey = k
			continue
		}
		b, err := better(k, bestKey)
		if err != nil {
			return nil, err
		}
		if ok, err := py.ObjectIsTrue(b); err != nil {
			return nil, err
		} else if ok {
			best, bestKey = it, k
		}
	}
	return best, nil
}

// bytesLen is len(), which gpython's refuses for bytes.
func bytesLen(length py.Object) py.Object {
	return newFunc("len", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if b, ok := optional(args, 0).(py.Bytes); ok && len(args) == 1 {
			return py.Int(len(b)), nil
		}
		return py.Call(length, args, kwargs)
	})
}

// keywordSum is sum() with start also as a keyword, as since Python 3.8.
func keywordSum(sum py.Object) py.Object {
	return newFunc("sum", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if start, ok := kwargs["start"]; ok && len(args) == 1 && len(kwargs) == 1 {
			args, kwargs = py.Tuple{args[0], start}, nil
		}
		for k := range kwargs {
			return nil, py.ExceptionNewf(py.TypeError, "sum() got an unexpected keyword argument '%s'", k)
		}
		return py.Call(sum, args, nil)
	})
}
