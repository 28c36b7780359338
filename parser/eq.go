package parser

import (
	"github.com/go-python/gpython/py"
)

// gpython compares the items of two lists with ==, so a list that holds
// itself compares forever and overflows the Go stack. CPython compares
// items identity first: an object is equal to itself without a look
// inside. The rewrite hands the left operand of == and != to eqCall,
// whose result compares that way.

// recursionError is CPython's RecursionError, which gpython lacks.
var recursionError = py.RuntimeError.NewType("RecursionError", "Recursion limit exceeded.",
	nil, nil)

// eqOperand is a container on the left of == or !=.
type eqOperand struct{ o py.Object }

var eqOperandType = py.NewType("eq_operand", "a container compared identity first")

// Type returns the operand type.
func (e *eqOperand) Type() *py.Type { return eqOperandType }

// M__eq__ compares identity first.
func (e *eqOperand) M__eq__(other py.Object) (py.Object, error) {
	eq, err := deepEqual(e.o, unwrapEq(other), 0)
	if err != nil {
		return nil, err
	}
	return py.NewBool(eq), nil
}

// M__ne__ is the negation of M__eq__.
func (e *eqOperand) M__ne__(other py.Object) (py.Object, error) {
	eq, err := deepEqual(e.o, unwrapEq(other), 0)
	if err != nil {
		return nil, err
	}
	return py.NewBool(!eq), nil
}

func unwrapEq(o py.Object) py.Object {
	if e, ok := o.(*eqOperand); ok {
		return e.o
	}
	return o
}

// eqHook wraps a container; any other value compares as it is.
func eqHook(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "eq operand takes one argument")
	}
	if isContainer(args[0]) {
		return &eqOperand{args[0]}, nil
	}
	return args[0], nil
}

func isContainer(o py.Object) bool {
	switch o.(type) {
	case *py.List, py.Tuple:
		return true
	}
	_, ok := asMapping(o)
	return ok
}

// deepEqual is == on containers as CPython runs it: the same object is
// equal to itself, items compare in turn, and two different containers
// that each hold themselves exceed the recursion depth.
func deepEqual(a, b py.Object, depth int) (bool, error) {
	if !isContainer(a) || !isContainer(b) {
		eq, err := py.Eq(a, b)
		if err != nil {
			return false, err
		}
		t, err := py.MakeBool(eq)
		return t == py.True, err
	}
	if identify(a) == identify(b) {
		return true, nil
	}
	if depth >= maxDepth {
		return false, py.ExceptionNewf(recursionError,
			"maximum recursion depth exceeded in comparison")
	}
	switch x := a.(type) {
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return itemsEqual(x.Items, y.Items, depth)
		}
		return false, nil
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return itemsEqual(x, y, depth)
		}
		return false, nil
	}
	return mappingsEqual(a, b, depth)
}

func itemsEqual(x, y []py.Object, depth int) (bool, error) {
	if len(x) != len(y) {
		return false, nil
	}
	for i := range x {
		if eq, err := deepEqual(x[i], y[i], depth+1); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func mappingsEqual(a, b py.Object, depth int) (bool, error) {
	x, ok := asMapping(a)
	y, ok2 := asMapping(b)
	if !ok || !ok2 || len(x.keys) != len(y.keys) {
		return false, nil
	}
	for _, k := range x.keys {
		v, ok := y.vals[k]
		if !ok {
			return false, nil
		}
		if eq, err := deepEqual(x.vals[k], v, depth+1); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}
