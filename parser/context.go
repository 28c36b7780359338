package parser

import (
	"sync"

	"github.com/go-python/gpython/py"

	"github.com/go-python/gpython/vm"
	"github.com/pwbconf/pwbconf/diag"

	// The builtins module; its few functions that reach the outside world
	// are replaced in every context (see sandboxBuiltins).
	_ "github.com/go-python/gpython/stdlib/builtin"
	// math only computes.
	_ "github.com/go-python/gpython/stdlib/math"
	// string only holds constants and capwords.
	_ "github.com/go-python/gpython/stdlib/string"
)

// sandboxContext is the py.Context a file runs in. Unlike gpython's own
// context it resolves no path and reads no file: modules come from a fixed
// table, and anything else is unknown or refused.
type sandboxContext struct {
	ev      *evaluation
	store   *py.ModuleStore
	modules map[string]*py.Module
	done    chan struct{}
	once    sync.Once
}

var _ py.Context = (*sandboxContext)(nil)

func newSandboxContext(ev *evaluation) *sandboxContext {
	ctx := &sandboxContext{
		ev:      ev,
		store:   py.NewModuleStore(),
		modules: make(map[string]*py.Module),
		done:    make(chan struct{}),
	}
	b, err := ctx.store.NewModule(ctx, builtinsModule())
	if err != nil {
		panic(err)
	}
	ctx.sandboxBuiltins(b.Globals)
	return ctx
}

var builtinsImpl = sync.OnceValue(func() *py.ModuleImpl {
	impl := py.GetModuleImpl("builtins")
	if impl == nil {
		panic("parser: gpython builtins module not registered")
	}
	return impl
})

// ResolveAndCompile would read a file from disk; the sandbox never does.
func (ctx *sandboxContext) ResolveAndCompile(pathname string, _ py.CompileOpts) (py.CompileOut, error) {
	return py.CompileOut{}, ctx.ev.refuse("import \"" + pathname + "\" from disk")
}

// ModuleInit instantiates a module in this context.
func (ctx *sandboxContext) ModuleInit(impl *py.ModuleImpl) (*py.Module, error) {
	m, err := ctx.store.NewModule(ctx, impl)
	if err != nil {
		return nil, err
	}
	if impl.Code != nil {
		if _, err := ctx.RunCode(impl.Code, m.Globals, m.Globals, nil); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// RunCode runs the file, and the body of each class statement, which
// gpython runs here rather than as a call. A class body counts as a call
// all the same, so that its statements are not taken for top-level ones.
func (ctx *sandboxContext) RunCode(code *py.Code, globals, locals py.StringDict, closure py.Tuple) (py.Object, error) {
	if ev := ctx.ev; code != ev.module {
		ev.depth++
		defer func() { ev.depth-- }()
	}
	return vm.EvalCode(ctx, code, globals, locals, nil, nil, nil, nil, closure)
}

// GetModule returns a module this context already made.
func (ctx *sandboxContext) GetModule(name string) (*py.Module, error) {
	if m, ok := ctx.modules[name]; ok {
		return m, nil
	}
	return ctx.store.GetModule(name)
}

// Store returns the context's module store.
func (ctx *sandboxContext) Store() *py.ModuleStore { return ctx.store }

// Close ends the context.
func (ctx *sandboxContext) Close() error {
	ctx.once.Do(func() { close(ctx.done) })
	return nil
}

// Done is closed once Close was called.
func (ctx *sandboxContext) Done() <-chan struct{} { return ctx.done }

// installDepthBound wraps py.VmEvalCode, through which every Python
// function call passes. That gives each evaluation a call depth, which
// bounds recursion before the Go stack overflows (that overflow is fatal
// to the process, not a panic).
func installDepthBound() {
	inner := py.VmEvalCode
	py.VmEvalCode = func(c py.Context, code *py.Code, globals, locals py.StringDict,
		args []py.Object, kws py.StringDict, defs []py.Object, kwdefs py.StringDict,
		closure py.Tuple) (py.Object, error) {
		ctx, ok := c.(*sandboxContext)
		if !ok {
			return inner(c, code, globals, locals, args, kws, defs, kwdefs, closure)
		}
		ev := ctx.ev
		if ev.fatal != nil {
			return nil, ev.fatal.exc
		}
		if ev.depth >= maxDepth {
			return nil, ev.setFatal(diag.CodeRecursionLimit, "RecursionError: maximum recursion "+
				"depth exceeded (the sandbox allows 1000 nested calls)")
		}
		ev.depth++
		defer func() { ev.depth-- }()
		return inner(c, code, globals, locals, args, kws, defs, kwdefs, closure)
	}
}
