package parser

import (
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
)

// refusedBuiltins reach the file system, the terminal or the compiler.
var refusedBuiltins = map[string]string{
	"open":       "pwbconf never reads files a config names",
	"input":      "a config cannot ask questions while pwbconf checks it",
	"exit":       "a config cannot end the program that checks it",
	"quit":       "a config cannot end the program that checks it",
	"compile":    "pwbconf runs only the file itself, no code it builds",
	"exec":       "pwbconf runs only the file itself, no code it builds",
	"eval":       "pwbconf runs only the file itself, no code it builds",
	"breakpoint": "a config cannot start a debugger while pwbconf checks it",
	"help":       "a config cannot start the interactive help",
}

// sandboxBuiltins replaces, in one context's builtins, every function that
// could reach outside the file, and adds the statement hooks.
func (ctx *sandboxContext) sandboxBuiltins(g py.StringDict) {
	ev := ctx.ev
	for name, why := range refusedBuiltins {
		g[name] = ev.refusingFunc(name+"()", why)
	}
	g["__import__"] = newFunc("__import__", ctx.importHook)
	g["print"] = newFunc("print", ev.print)
	g["__pwbconf_at__"] = newFunc("__pwbconf_at__", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		return ev.hookAt(args)
	})
	g["__pwbconf_loop__"] = newFunc("__pwbconf_loop__", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		return ev.hookLoop(args)
	})
	g["__pwbconf_def__"] = newFunc("__pwbconf_def__", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
		if _, err := ev.hookAt(args); err != nil {
			return nil, err
		}
		return py.Tuple{}, nil
	})
	g["__pwbconf_fmt__"] = newFunc("__pwbconf_fmt__", fmtOperand)
	g["__pwbconf_size__"] = newFunc("__pwbconf_size__", ev.sizeHook)
	g["__pwbconf_grow__"] = newFunc("__pwbconf_grow__", ev.growHook)
	g["pow"] = ev.checkedPow(g["pow"])
	// Outside a module Python names the builtins module as __name__; the
	// exec namespace of Pywikibot has no __name__ of its own.
	g["__name__"] = py.String("builtins")
	delete(g, "__file__")
}

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

// refusingFunc is a function that stops evaluation when called.
func (ev *evaluation) refusingFunc(what, why string) py.Object {
	return newFunc(strings.TrimSuffix(what, "()"), func(py.Tuple, py.StringDict) (py.Object, error) {
		return nil, ev.refuse(what, why)
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
			return nil, ev.setFatal(diag.CodeMemoryLimit, "the file printed more than 1 MB")
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
