package parser

import (
	"slices"

	"github.com/go-python/gpython/py"
)

// dictOps is what the dict methods below need, so that one implementation
// serves gpython's dict and the sandbox's ordered ones.
type dictOps interface {
	setter
	get(k string) (py.Object, bool)
	del(k string) bool
	keyList() []string
	clone() py.Object
}

type plainDict py.StringDict

func (d plainDict) M__setitem__(k, v py.Object) (py.Object, error) {
	key, err := dictKey(k)
	if err != nil {
		return nil, err
	}
	d[key] = v
	return py.None, nil
}
func (d plainDict) get(k string) (py.Object, bool) { v, ok := d[k]; return v, ok }
func (d plainDict) del(k string) bool {
	_, ok := d[k]
	delete(d, k)
	return ok
}
func (d plainDict) keyList() []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
func (d plainDict) clone() py.Object { return py.StringDict(d).Copy() }

func (d *orderedDict) keyList() []string { return slices.Clone(d.keys) }

// clone copies the dict; a copy of a tracked dict is a plain ordered dict
// that remembers nothing.
func (d *orderedDict) clone() py.Object {
	c := d.ev.newDict(d.typ, false)
	c.missing = d.missing
	c.keys = slices.Clone(d.keys)
	for k, v := range d.vals {
		c.store(k, v)
	}
	return c
}

func opsOf(self py.Object) dictOps {
	switch d := self.(type) {
	case py.StringDict:
		return plainDict(d)
	case *orderedDict:
		return d
	}
	return nil
}

type dictMethod func(d dictOps, args py.Tuple, kwargs py.StringDict) (py.Object, error)

var dictMethodImpls = map[string]dictMethod{
	"get": func(d dictOps, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) < 1 || len(args) > 2 {
			return nil, py.ExceptionNewf(py.TypeError, "get expected 1 or 2 arguments, got %d", len(args))
		}
		k, err := dictKey(args[0])
		if err != nil {
			return nil, err
		}
		if v, ok := d.get(k); ok {
			return v, nil
		}
		return optional(args, 1), nil
	},
	"setdefault": func(d dictOps, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) < 1 || len(args) > 2 {
			return nil, py.ExceptionNewf(py.TypeError, "setdefault expected 1 or 2 arguments, got %d", len(args))
		}
		k, err := dictKey(args[0])
		if err != nil {
			return nil, err
		}
		if v, ok := d.get(k); ok {
			return v, nil
		}
		v := optional(args, 1)
		_, err = d.M__setitem__(args[0], v)
		return v, err
	},
	"update": func(d dictOps, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, updateFrom(d, args, kwargs)
	},
	"items": func(d dictOps, _ py.Tuple, _ py.StringDict) (py.Object, error) {
		keys := d.keyList()
		out := make([]py.Object, len(keys))
		for i, k := range keys {
			v, _ := d.get(k)
			out[i] = py.Tuple{py.String(k), v}
		}
		return py.NewListFromItems(out), nil
	},
	"keys": func(d dictOps, _ py.Tuple, _ py.StringDict) (py.Object, error) {
		return py.NewListFromStrings(d.keyList()), nil
	},
	"values": func(d dictOps, _ py.Tuple, _ py.StringDict) (py.Object, error) {
		keys := d.keyList()
		out := make([]py.Object, len(keys))
		for i, k := range keys {
			out[i], _ = d.get(k)
		}
		return py.NewListFromItems(out), nil
	},
	"pop": func(d dictOps, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) < 1 || len(args) > 2 {
			return nil, py.ExceptionNewf(py.TypeError, "pop expected 1 or 2 arguments, got %d", len(args))
		}
		k, err := dictKey(args[0])
		if err != nil {
			return nil, err
		}
		if v, ok := d.get(k); ok {
			d.del(k)
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return nil, keyError(args[0])
	},
	"popitem": func(d dictOps, _ py.Tuple, _ py.StringDict) (py.Object, error) {
		keys := d.keyList()
		if len(keys) == 0 {
			return nil, py.ExceptionNewf(py.KeyError, "popitem(): dictionary is empty")
		}
		k := keys[len(keys)-1]
		v, _ := d.get(k)
		d.del(k)
		return py.Tuple{py.String(k), v}, nil
	},
	"copy": func(d dictOps, _ py.Tuple, _ py.StringDict) (py.Object, error) {
		return d.clone(), nil
	},
	"clear": func(d dictOps, _ py.Tuple, _ py.StringDict) (py.Object, error) {
		for _, k := range d.keyList() {
			d.del(k)
		}
		return py.None, nil
	},
}

func optional(args py.Tuple, i int) py.Object {
	if len(args) > i {
		return args[i]
	}
	return py.None
}

// The dict methods go into gpython's dict type as well as the sandbox's:
// real configs call setdefault and update on plain dicts, which gpython
// v0.2.0 lacks, and its items/keys/values come in random order.
func installDictMethods() {
	for name, impl := range dictMethodImpls {
		m := py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			d := opsOf(self)
			if d == nil {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a dict", name)
			}
			return impl(d, args, kwargs)
		}, 0, "")
		dictMethods[name] = m
		py.StringDictType.Dict[name] = m
	}
	py.StringDictType.New = newDictObject
}

// newDictObject is dict(...): gpython's accepts only lists of tuples.
func newDictObject(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	out := py.NewStringDict()
	if err := updateFrom(plainDict(out), args, kwargs); err != nil {
		return nil, err
	}
	return out, nil
}

// Python 3.9's d | e and d |= e. gpython's dict is a Go type of its own
// package and cannot be given the operators, so the rewrite hands the left
// operand of each | to __pwbconf_or__ and the value of `name |= value` to
// __pwbconf_ior__ (see rewrite); the sandbox's own dicts have them
// directly. A dict held in a subscript or attribute of a plain dict, as
// in d['k'] |= e, is left to gpython, which refuses it.

// orOperand is the left operand of |.
type orOperand struct{ x py.Object }

var orOperandType = py.NewType("operand", "the left operand of |")

// Type returns the operand's type.
func (o *orOperand) Type() *py.Type { return orOperandType }

func (o *orOperand) M__or__(other py.Object) (py.Object, error) {
	if merged, ok, err := mergeDicts(o.x, other); ok || err != nil {
		return merged, err
	}
	if isTypeForm(o.x) && isTypeForm(other) {
		return typingForm("Union"), nil
	}
	return py.Or(o.x, other)
}

// isTypeForm reports whether o can stand in a type annotation X | Y.
func isTypeForm(o py.Object) bool {
	switch o.(type) {
	case *py.Type, py.NoneType, typingForm:
		return true
	}
	return false
}

// mergeDicts is x | other when both are dicts: a copy of x, of x's type,
// updated from other. ok is false when either is no dict.
func mergeDicts(x, other py.Object) (py.Object, bool, error) {
	d, e := opsOf(x), opsOf(other)
	if d == nil || e == nil {
		return nil, false, nil
	}
	out := d.clone()
	return out, true, updateFrom(opsOf(out), py.Tuple{other}, nil)
}

// orHook is __pwbconf_or__(x).
func orHook(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "or hook takes 1 argument")
	}
	return &orOperand{x: args[0]}, nil
}

// iorHook is __pwbconf_ior__(target, value) for `target |= value`. A
// plain dict target is updated in place here, and the result makes
// gpython's |= give the target back; any other target gets value.
func iorHook(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "ior hook takes 2 arguments")
	}
	target, ok := args[0].(py.StringDict)
	if !ok || opsOf(args[1]) == nil {
		return args[1], nil
	}
	if err := updateFrom(plainDict(target), py.Tuple{args[1]}, nil); err != nil {
		return nil, err
	}
	return &updated{target}, nil
}

// updated is a dict that __pwbconf_ior__ has updated in place already.
type updated struct{ d py.Object }

var updatedType = py.NewType("updated", "a dict updated in place")

// Type returns the marker's type.
func (u *updated) Type() *py.Type { return updatedType }

func (u *updated) M__ror__(py.Object) (py.Object, error) { return u.d, nil }

func (d *orderedDict) M__or__(other py.Object) (py.Object, error) {
	if merged, ok, err := mergeDicts(d, other); ok || err != nil {
		return merged, err
	}
	return py.NotImplemented, nil
}

func (d *orderedDict) M__ror__(other py.Object) (py.Object, error) {
	if opsOf(other) == nil {
		return py.NotImplemented, nil
	}
	merged, _, err := mergeDicts(other, d)
	return merged, err
}

func (d *orderedDict) M__ior__(other py.Object) (py.Object, error) {
	if opsOf(other) == nil {
		return py.NotImplemented, nil
	}
	return d, updateFrom(d, py.Tuple{other}, nil)
}
