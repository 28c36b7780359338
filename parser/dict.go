package parser

import (
	"slices"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/model"
)

// orderedDict is a string-keyed dict that keeps insertion order, which
// gpython's own dict (a Go map) does not. It serves as
// collections.defaultdict and OrderedDict, and, with track set, as
// Pywikibot's usernames and authenticate: those remember which statement
// set each key.
type orderedDict struct {
	typ  *py.Type
	keys []string
	vals map[string]py.Object
	// missing makes the value for an absent key on first access, as
	// defaultdict's default_factory does; nil raises KeyError.
	missing func() (py.Object, error)
	ev      *evaluation
	track   bool
	pos     map[string]*binding
	// last is the statement that changed a tracked dict last; a change
	// of a dict its missing made is a change of parent too.
	last   model.Pos
	parent *orderedDict
	// defaultOf is the variable whose default the dict is, if any.
	defaultOf string
}

var (
	dictMethods     = py.StringDict{}
	plainDictType   = newDictType("dict")
	defaultDictType = newDictType("collections.defaultdict")
	orderedDictType = newDictType("collections.OrderedDict")
	errNonStringKey = "dict keys must be strings here: the embedded interpreter has string-keyed dicts only"
)

func newDictType(name string) *py.Type {
	t := py.NewType(name, "a dict that keeps insertion order")
	t.Dict = dictMethods
	return t
}

// newDict makes an empty dict. Its maps are made at the first store, as
// most of the dicts a namespace starts with stay empty.
func (ev *evaluation) newDict(typ *py.Type, track bool) *orderedDict {
	return &orderedDict{typ: typ, ev: ev, track: track}
}

// store puts v under k in the values, making them on first use.
func (d *orderedDict) store(k string, v py.Object) {
	if d.vals == nil {
		d.vals = make(map[string]py.Object)
	}
	d.vals[k] = v
}

// Type returns the dict's Python type.
func (d *orderedDict) Type() *py.Type { return d.typ }

// dictKey turns a Python key into the string the dict stores.
func dictKey(k py.Object) (string, error) {
	switch k := k.(type) {
	case py.String:
		return string(k), nil
	case *unknownValue:
		return string(k.text()), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "%s", errNonStringKey)
}

func (d *orderedDict) get(k string) (py.Object, bool) {
	v, ok := d.vals[k]
	return v, ok
}

// set stores v under k and, in a tracked dict, notes the statement.
func (d *orderedDict) set(k string, v py.Object) {
	if _, ok := d.vals[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.store(k, v)
	if d.track {
		b := d.pos[k]
		if b == nil {
			b = &binding{}
			if d.pos == nil {
				d.pos = make(map[string]*binding)
			}
			d.pos[k] = b
		}
		b.set(d.ev.cur)
		d.touch()
	}
}

// touch notes a change of a tracked dict at the current statement.
func (d *orderedDict) touch() {
	for p := d; p != nil; p = p.parent {
		p.last = d.ev.cur
	}
}

func (d *orderedDict) del(k string) bool {
	if _, ok := d.vals[k]; !ok {
		return false
	}
	delete(d.vals, k)
	d.keys = slices.DeleteFunc(d.keys, func(s string) bool { return s == k })
	if d.track {
		delete(d.pos, k)
		d.touch()
	}
	return true
}

// where returns the binding of key k in a tracked dict.
func (d *orderedDict) where(k string) (model.Pos, []model.Pos) {
	if b := d.pos[k]; b != nil {
		return b.pos, b.earlier
	}
	return model.Pos{}, nil
}

func (d *orderedDict) M__getitem__(key py.Object) (py.Object, error) {
	k, err := dictKey(key)
	if err != nil {
		return nil, err
	}
	if v, ok := d.vals[k]; ok {
		return v, nil
	}
	if d.missing == nil {
		return nil, keyError(key)
	}
	v, err := d.missing()
	if err != nil {
		return nil, err
	}
	// A default made on first access is not a setting of the file.
	d.keys = append(d.keys, k)
	d.store(k, v)
	return v, nil
}

func (d *orderedDict) M__setitem__(key, value py.Object) (py.Object, error) {
	k, err := dictKey(key)
	if err != nil {
		return nil, err
	}
	d.set(k, value)
	return py.None, nil
}

func (d *orderedDict) M__delitem__(key py.Object) (py.Object, error) {
	k, err := dictKey(key)
	if err != nil {
		return nil, err
	}
	if !d.del(k) {
		return nil, keyError(key)
	}
	return py.None, nil
}

func (d *orderedDict) M__contains__(key py.Object) (py.Object, error) {
	k, err := dictKey(key)
	if err != nil {
		return py.False, nil
	}
	_, ok := d.vals[k]
	return py.NewBool(ok), nil
}

func (d *orderedDict) M__len__() (py.Object, error) { return py.Int(len(d.keys)), nil }

func (d *orderedDict) M__bool__() (py.Object, error) { return py.NewBool(len(d.keys) > 0), nil }

func (d *orderedDict) M__iter__() (py.Object, error) {
	return py.NewIterator(d.keyTuple()), nil
}

func (d *orderedDict) keyTuple() py.Tuple {
	out := make(py.Tuple, len(d.keys))
	for i, k := range d.keys {
		out[i] = py.String(k)
	}
	return out
}

func (d *orderedDict) M__eq__(other py.Object) (py.Object, error) {
	if _, ok := asMapping(other); !ok {
		return py.NotImplemented, nil
	}
	eq, err := deepEqual(d, other, 0)
	if err != nil {
		return nil, err
	}
	return py.NewBool(eq), nil
}

func (d *orderedDict) M__ne__(other py.Object) (py.Object, error) {
	eq, err := d.M__eq__(other)
	if err != nil || eq == py.NotImplemented {
		return eq, err
	}
	return py.NewBool(eq != py.True), nil
}

func (d *orderedDict) M__str__() (py.Object, error) { return d.M__repr__() }

func (d *orderedDict) M__repr__() (py.Object, error) {
	s, err := pyRepr(d)
	return py.String(s), err
}

// mapping is a snapshot of any string-keyed mapping in key order.
type mapping struct {
	keys []string
	vals map[string]py.Object
}

// asMapping reads the dicts the sandbox knows; a gpython dict has no
// order, so its keys come sorted.
func asMapping(o py.Object) (mapping, bool) {
	switch o := o.(type) {
	case *orderedDict:
		return mapping{keys: slices.Clone(o.keys), vals: o.vals}, true
	case py.StringDict:
		keys := make([]string, 0, len(o))
		for k := range o {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return mapping{keys: keys, vals: o}, true
	case *environMapping:
		return o.snapshot(), true
	}
	return mapping{}, false
}

// pairs reads the argument of dict() and update(): a mapping or an
// iterable of key-value pairs.
func pairs(o py.Object, each func(k, v py.Object) error) error {
	if m, ok := asMapping(o); ok {
		for _, k := range m.keys {
			if err := each(py.String(k), m.vals[k]); err != nil {
				return err
			}
		}
		return nil
	}
	items, err := py.SequenceTuple(o)
	if err != nil {
		return err
	}
	for _, it := range items {
		kv, err := py.SequenceTuple(it)
		if err != nil {
			return err
		}
		if len(kv) != 2 {
			return py.ExceptionNewf(py.ValueError,
				"dictionary update sequence element has length %d; 2 is required", len(kv))
		}
		if err := each(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// setter is what dict methods need from either kind of dict.
type setter interface {
	M__setitem__(key, value py.Object) (py.Object, error)
}

func updateFrom(d setter, args py.Tuple, kwargs py.StringDict) error {
	if len(args) > 1 {
		return py.ExceptionNewf(py.TypeError, "update expected at most 1 argument, got %d", len(args))
	}
	set := func(k, v py.Object) error {
		_, err := d.M__setitem__(k, v)
		return err
	}
	if len(args) == 1 {
		if err := pairs(args[0], set); err != nil {
			return err
		}
	}
	kw := make([]string, 0, len(kwargs))
	for k := range kwargs {
		kw = append(kw, k)
	}
	slices.Sort(kw)
	for _, k := range kw {
		if err := set(py.String(k), kwargs[k]); err != nil {
			return err
		}
	}
	return nil
}
