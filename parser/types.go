package parser

import (
	"reflect"
	"sync"

	"github.com/go-python/gpython/py"
)

// gpython's built-in types are Go values shared by every evaluation in the
// process, and it lets Python code write to their attribute dicts, so
// `str.upper = f` in one file would change how the next one runs. CPython
// refuses such writes with a TypeError, and so does the sandbox: every
// attribute write to a type goes through type.__setattr__ (gpython asks a
// type's metatype for it), which is put in place here. As a backstop, the
// attribute dicts of all built-in types are put back as they were after
// each evaluation (see restoreTypes).

// installTypeGuards puts type.__setattr__ and __delattr__ in place.
func installTypeGuards() {
	set := py.MustNewMethod("__setattr__", typeSetattr, 0, "")
	del := py.MustNewMethod("__delattr__", typeDelattr, 0, "")
	py.TypeType.Dict["__setattr__"] = set
	py.TypeType.Dict["__delattr__"] = del
	// object.__setattr__(str, ...) would otherwise bind type's to object.
	py.ObjectType.Dict["__setattr__"] = set
	py.ObjectType.Dict["__delattr__"] = del
}

// typeSetattr is type.__setattr__(target, name, value).
func typeSetattr(_ py.Object, args py.Tuple) (py.Object, error) {
	var target, name, value py.Object
	if err := py.UnpackTuple(args, nil, "__setattr__", 3, 3, &target, &name, &value); err != nil {
		return nil, err
	}
	key, err := writableAttr(target, name)
	if err != nil {
		return nil, err
	}
	d, ok := target.(py.IGetDict)
	if !ok {
		return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'",
			target.Type().Name, key)
	}
	d.GetDict()[key] = value
	return py.None, nil
}

// typeDelattr is type.__delattr__(target, name).
func typeDelattr(_ py.Object, args py.Tuple) (py.Object, error) {
	var target, name py.Object
	if err := py.UnpackTuple(args, nil, "__delattr__", 2, 2, &target, &name); err != nil {
		return nil, err
	}
	key, err := writableAttr(target, name)
	if err != nil {
		return nil, err
	}
	if d, ok := target.(py.IGetDict); ok {
		if dict := d.GetDict(); dict != nil {
			if _, ok := dict[key]; ok {
				delete(dict, key)
				return py.None, nil
			}
		}
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'",
		target.Type().Name, key)
}

// writableAttr returns the attribute name that name gives, or the error
// for a write to target when target is a built-in type.
func writableAttr(target, name py.Object) (string, error) {
	key, err := py.AttributeName(name)
	if err != nil {
		return "", err
	}
	if builtinType(target) {
		return "", immutableType(key, target)
	}
	return key, nil
}

// builtinType reports whether o is a type that no class statement made.
// gpython represents instances of classes as *py.Type too, with no name;
// and the type of an exception type is its base, so the metatype tells
// nothing.
func builtinType(o py.Object) bool {
	t, ok := o.(*py.Type)
	return ok && t != nil && t.Flags&py.TPFLAGS_HEAPTYPE == 0 && t.Name != ""
}

// immutableType is CPython's error for a write to a built-in type.
func immutableType(key string, t py.Object) error {
	return py.ExceptionNewf(py.TypeError, "cannot set '%s' attribute of immutable type '%s'",
		key, t.(*py.Type).Name)
}

// typeState is the attribute dict of one built-in type as it was before
// the first evaluation.
type typeState struct {
	t       *py.Type
	want    py.StringDict
	entries []typeEntry
}

// typeEntry is one attribute of a type. A pointer compares as an
// interface, with no panic and in a fraction of identify's time.
type typeEntry struct {
	key   string
	val   py.Object
	byPtr bool
}

// typeDicts holds the attribute dicts of every built-in type as they were
// before the first evaluation.
var typeDicts = sync.OnceValue(func() []typeState {
	seen := map[*py.Type]py.StringDict{}
	var walk func(o py.Object)
	walk = func(o py.Object) {
		switch t := o.(type) {
		case nil:
		case *py.Type:
			if t != nil {
				walkType(t, seen, walk)
			}
		default:
			walkType(o.Type(), seen, walk)
		}
	}
	for _, t := range rootTypes() {
		walk(t)
	}
	for _, v := range builtinsImpl().Globals {
		walk(v)
	}
	for _, m := range builtinsImpl().Methods {
		walk(m)
	}
	states := make([]typeState, 0, len(seen))
	for t, want := range seen {
		st := typeState{t: t, want: want}
		for k, v := range want {
			byPtr := v != nil && reflect.TypeOf(v).Kind() == reflect.Pointer
			st.entries = append(st.entries, typeEntry{key: k, val: v, byPtr: byPtr})
		}
		states = append(states, st)
	}
	return states
})

// walkType records t and every built-in type its dict, bases and
// metatype lead to.
func walkType(t *py.Type, seen map[*py.Type]py.StringDict, walk func(py.Object)) {
	if t == nil || !builtinType(t) {
		return
	}
	if _, ok := seen[t]; ok {
		return
	}
	seen[t] = t.Dict.Copy()
	walk(t.ObjectType)
	walk(t.Base)
	for _, b := range t.Bases {
		walk(b)
	}
	for _, b := range t.Mro {
		walk(b)
	}
	for _, v := range t.Dict {
		walk(v)
	}
}

// rootTypes are the built-in types the walk starts from: gpython's, which
// include some that no builtin name reaches, and the sandbox's own.
func rootTypes() []*py.Type {
	return []*py.Type{
		py.TypeType, py.ObjectType, py.StringType, py.BytesType, py.IntType, py.BigIntType,
		py.BoolType, py.FloatType, py.ComplexType, py.TupleType, py.ListType, py.DictType,
		py.StringDictType, py.SetType, py.FrozenSetType, py.RangeType, py.RangeIteratorType,
		py.SliceType, py.NoneTypeType, py.EllipsisTypeType, py.FunctionType, py.MethodType,
		py.BoundMethodType, py.ClassMethodType, py.StaticMethodType, py.PropertyType,
		py.CodeType, py.CellType, py.FrameType, py.GeneratorType, py.IteratorType,
		py.CallIteratorType, py.EnumerateType, py.EnumerateIteratorType, py.FilterType,
		py.MapType, py.ZipType, py.ModuleType, py.FileType, py.TracebackType,
		py.BaseException,
		plainDictType, defaultDictType, orderedDictType, environType, unknownType,
		typingFormType, futureFeatureType, versionInfoType, outputStreamType, sandboxStop,
		orOperandType, updatedType,
	}
}

// restoreTypes puts the attribute dicts of the built-in types back as
// they were before the first evaluation, and says which it had to mend.
func restoreTypes() []string {
	var mended []string
	for _, st := range typeDicts() {
		if st.same() {
			continue
		}
		t, want := st.t, st.want
		mended = append(mended, t.Name)
		for k := range t.Dict {
			if _, ok := want[k]; !ok {
				delete(t.Dict, k)
			}
		}
		for k, v := range want {
			t.Dict[k] = v
		}
	}
	return mended
}

// same reports whether the type's dict holds what it held.
func (st *typeState) same() bool {
	got := st.t.Dict
	if len(got) != len(st.entries) {
		return false
	}
	for _, e := range st.entries {
		g, ok := got[e.key]
		switch {
		case !ok:
			return false
		case e.byPtr:
			if g != e.val {
				return false
			}
		case identify(g) != identify(e.val):
			return false
		}
	}
	return true
}
