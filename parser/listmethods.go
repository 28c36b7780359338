package parser

import (
	"github.com/go-python/gpython/py"
)

// The list methods real configs use that gpython v0.2.0 lacks
// (user_script_paths.remove, sys.path.insert), with CPython's results and
// messages. extend is replaced too: gpython's ignores anything but a list.
func installListMethods() {
	add := func(name string, fn func(l *py.List, args py.Tuple) (py.Object, error)) {
		method := func(self py.Object, args py.Tuple) (py.Object, error) {
			l, args, err := listSelf(name, self, args)
			if err != nil {
				return nil, err
			}
			return fn(l, args)
		}
		py.ListType.Dict[name] = py.MustNewMethod(name, method, 0, "")
	}
	add("extend", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("extend", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := iterItems(args[0])
		if err != nil {
			return nil, err
		}
		l.Items = append(l.Items, items...)
		return py.None, nil
	})
	add("insert", func(l *py.List, args py.Tuple) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "insert expected 2 arguments, got %d", len(args))
		}
		i, err := indexArg(args[0])
		if err != nil {
			return nil, err
		}
		i = clampIndex(i, len(l.Items))
		l.Items = append(l.Items, nil)
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = args[1]
		return py.None, nil
	})
	add("remove", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("remove", args, 1, 1); err != nil {
			return nil, err
		}
		i, err := find(l.Items, args[0])
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "list.remove(x): x not in list")
		}
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return py.None, nil
	})
	add("pop", func(l *py.List, args py.Tuple) (py.Object, error) {
		if len(args) > 1 {
			return nil, py.ExceptionNewf(py.TypeError, "pop expected at most 1 argument, got %d", len(args))
		}
		if len(l.Items) == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty list")
		}
		i := len(l.Items) - 1
		if len(args) == 1 {
			n, err := indexArg(args[0])
			if err != nil {
				return nil, err
			}
			if n < 0 {
				n += len(l.Items)
			}
			if n < 0 || n >= len(l.Items) {
				return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
			}
			i = n
		}
		v := l.Items[i]
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return v, nil
	})
	add("index", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("index", args, 1, 3); err != nil {
			return nil, err
		}
		lo, hi := 0, len(l.Items)
		for k, p := range []*int{&lo, &hi} {
			if len(args) > k+1 {
				n, err := indexArg(args[k+1])
				if err != nil {
					return nil, err
				}
				*p = clampIndex(n, len(l.Items))
			}
		}
		i := -1
		if lo < hi {
			var err error
			if i, err = find(l.Items[lo:hi], args[0]); err != nil {
				return nil, err
			}
		}
		if i < 0 {
			r, err := py.ReprAsString(args[0])
			if err != nil {
				return nil, err
			}
			return nil, py.ExceptionNewf(py.ValueError, "%s is not in list", r)
		}
		return py.Int(lo + i), nil
	})
	add("count", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("count", args, 1, 1); err != nil {
			return nil, err
		}
		n := 0
		for _, it := range l.Items {
			eq, err := sameOrEqual(it, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return py.Int(n), nil
	})
	add("copy", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("copy", args, 0, 0); err != nil {
			return nil, err
		}
		return l.Copy(), nil
	})
	add("clear", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("clear", args, 0, 0); err != nil {
			return nil, err
		}
		l.Items = nil
		return py.None, nil
	})
	add("reverse", func(l *py.List, args py.Tuple) (py.Object, error) {
		if err := argCount("reverse", args, 0, 0); err != nil {
			return nil, err
		}
		for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return py.None, nil
	})
	unbound(py.ListType, "append", "sort")
}

// listSelf is the list a method works on. gpython calls a method taken
// from the type, as in map(list.copy, lists), with no self: the list is
// then the first argument, as in CPython.
func listSelf(name string, self py.Object, args py.Tuple) (*py.List, py.Tuple, error) {
	if l, ok := self.(*py.List); ok {
		return l, args, nil
	}
	if len(args) > 0 {
		if l, ok := args[0].(*py.List); ok {
			return l, args[1:], nil
		}
		return nil, nil, py.ExceptionNewf(py.TypeError,
			"descriptor '%s' for 'list' objects doesn't apply to a '%s' object", name, args[0].Type().Name)
	}
	return nil, nil, py.ExceptionNewf(py.TypeError,
		"unbound method list.%s() needs an argument", name)
}

// unbound makes gpython's own methods of t callable from the type, with
// self as the first argument.
func unbound(t *py.Type, names ...string) {
	for _, name := range names {
		inner, ok := t.Dict[name].(*py.Method)
		if !ok {
			continue
		}
		method := func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if self == nil || self.Type() != t {
				if len(args) == 0 || args[0].Type() != t {
					return nil, py.ExceptionNewf(py.TypeError,
						"unbound method %s.%s() needs an argument", t.Name, name)
				}
				self, args = args[0], args[1:]
			}
			return inner.CallWithKeywords(self, args, kwargs)
		}
		t.Dict[name] = py.MustNewMethod(name, method, 0, "")
	}
}

func argCount(name string, args py.Tuple, lo, hi int) error {
	switch {
	case len(args) >= lo && len(args) <= hi:
		return nil
	case hi == 0:
		return py.ExceptionNewf(py.TypeError, "list.%s() takes no arguments (%d given)", name, len(args))
	case lo == hi:
		return py.ExceptionNewf(py.TypeError, "list.%s() takes exactly one argument (%d given)",
			name, len(args))
	case len(args) < lo:
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument, got %d", name, lo, len(args))
	}
	return py.ExceptionNewf(py.TypeError, "%s expected at most %d arguments, got %d", name, hi, len(args))
}

// indexArg reads an int argument that indexes a sequence.
func indexArg(o py.Object) (int, error) {
	switch n := o.(type) {
	case py.Int:
		return int(n), nil
	case py.Bool:
		if n {
			return 1, nil
		}
		return 0, nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", o.Type().Name)
}

// clampIndex turns a Python index into a position in [0, n], as insert
// and slicing do.
func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return min(max(i, 0), n)
}

// find returns the index of the first item equal to x, or -1.
func find(items []py.Object, x py.Object) (int, error) {
	for i, it := range items {
		eq, err := sameOrEqual(it, x)
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// sameOrEqual compares two items with ==. CPython tries identity first,
// which differs only for a NaN, and the sandbox leaves that out.
func sameOrEqual(a, b py.Object) (bool, error) {
	eq, err := py.Eq(a, b)
	if err != nil {
		return false, err
	}
	return py.ObjectIsTrue(eq)
}

// iterItems collects the items of any iterable.
func iterItems(o py.Object) ([]py.Object, error) {
	var items []py.Object
	err := py.Iterate(o, func(it py.Object) bool {
		items = append(items, it)
		return false
	})
	return items, err
}
