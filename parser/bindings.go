package parser

import (
	"maps"
	"reflect"
	"slices"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"

	"github.com/pwbconf/pwbconf/model"
)

// identity tells whether a name still holds the very object it held: it
// compares pointers where Python objects have them and values otherwise.
// Go cannot compare every interface value (a tuple is a slice), hence this.
// Rebinding a name to an equal int, float, bool or None is invisible, as
// it is to Pywikibot, which compares with !=.
type identity struct {
	typ reflect.Type
	ptr uintptr
	n   uint64
	// val holds small comparable values that have no pointer.
	val any
}

func identify(o py.Object) identity {
	switch v := o.(type) {
	case py.String:
		return identity{ptr: uintptr(unsafe.Pointer(unsafe.StringData(string(v)))), n: uint64(len(v)), typ: stringType}
	case py.Int:
		return identity{n: uint64(v), typ: intType}
	case py.Float:
		return identity{n: uint64(floatBits(float64(v))), typ: floatType}
	case py.Bool:
		if v {
			return identity{n: 1, typ: boolType}
		}
		return identity{typ: boolType}
	case py.Tuple:
		if len(v) == 0 {
			return identity{typ: tupleType}
		}
		return identity{ptr: uintptr(unsafe.Pointer(&v[0])), n: uint64(len(v)), typ: tupleType}
	case py.StringDict:
		return identity{ptr: reflect.ValueOf(v).Pointer(), typ: dictType}
	case nil:
		return identity{}
	// The pointers a namespace holds most, as the reflection below would
	// see them, without its cost: the hooks compare names at every step.
	case *orderedDict:
		return identity{ptr: uintptr(unsafe.Pointer(v)), typ: orderedDictPtr}
	case *py.List:
		return identity{ptr: uintptr(unsafe.Pointer(v)), typ: listPtr}
	case *py.Method:
		return identity{ptr: uintptr(unsafe.Pointer(v)), typ: methodPtr}
	case *py.Function:
		return identity{ptr: uintptr(unsafe.Pointer(v)), typ: functionPtr}
	case *py.Module:
		return identity{ptr: uintptr(unsafe.Pointer(v)), typ: modulePtr}
	}
	rv := reflect.ValueOf(o)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return identity{typ: rv.Type(), ptr: rv.Pointer()}
	}
	switch k := rv.Kind(); {
	case k >= reflect.Bool && k <= reflect.Complex128, k == reflect.String,
		k == reflect.Struct && rv.Type().Size() == 0:
		return identity{typ: rv.Type(), val: o}
	}
	return identity{typ: rv.Type()}
}

var (
	stringType = reflect.TypeFor[py.String]()
	intType    = reflect.TypeFor[py.Int]()
	floatType  = reflect.TypeFor[py.Float]()
	boolType   = reflect.TypeFor[py.Bool]()
	tupleType  = reflect.TypeFor[py.Tuple]()
	dictType   = reflect.TypeFor[py.StringDict]()

	orderedDictPtr = reflect.TypeFor[*orderedDict]()
	listPtr        = reflect.TypeFor[*py.List]()
	methodPtr      = reflect.TypeFor[*py.Method]()
	functionPtr    = reflect.TypeFor[*py.Function]()
	modulePtr      = reflect.TypeFor[*py.Module]()
)

func floatBits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// trackBindings attributes every global that appeared, changed or went
// since the last look to the statement at pos, and so does every change
// made in place to a default list.
func (ev *evaluation) trackBindings(pos model.Pos) {
	if pos.Line == 0 {
		pos = model.Pos{Line: 1, Col: 1}
	}
	ev.creditPending(pos)
	if !ev.scanAll {
		for _, k := range ev.watched {
			ev.trackName(k, pos)
		}
	}
	// A name that appeared or went without the code naming it is a
	// mistake of watch: compare every name then.
	if ev.scanAll || len(ev.globals) != len(ev.seen) {
		ev.scan(pos)
	}
	for name, w := range ev.lists {
		if v, ok := ev.globals[name].(*py.List); !ok || v != w.list {
			continue
		}
		if print := fingerprint(w.list); print != w.print {
			w.print = print
			ev.bindingOf(name).touch(pos)
		}
	}
}

// creditPending credits the names the statements since the last look
// bound by their syntax to pos, whether or not their value changed. A name
// such a statement bound and a later one deleted is gone.
func (ev *evaluation) creditPending(pos model.Pos) {
	for _, k := range ev.pending {
		v, ok := ev.globals[k]
		if !ok {
			continue
		}
		ev.seen[k] = identify(v)
		ev.bindingOf(k).rebind(pos)
	}
	ev.pending = ev.pending[:0]
}

// scan compares every global.
func (ev *evaluation) scan(pos model.Pos) {
	for k, v := range ev.globals {
		id := identify(v)
		if old, ok := ev.seen[k]; ok && old == id {
			continue
		}
		ev.seen[k] = id
		ev.bindingOf(k).rebind(pos)
	}
	if len(ev.seen) == len(ev.globals) {
		return
	}
	for k := range ev.seen {
		if _, ok := ev.globals[k]; !ok {
			delete(ev.seen, k)
			delete(ev.bound, k)
		}
	}
}

// trackName attributes a change of one global to pos.
func (ev *evaluation) trackName(k string, pos model.Pos) {
	v, ok := ev.globals[k]
	if !ok {
		if _, was := ev.seen[k]; was {
			delete(ev.seen, k)
			delete(ev.bound, k)
		}
		return
	}
	ev.rebindIfChanged(k, v, pos)
}

// rebindIfChanged attributes k, now holding v, to pos unless it holds the
// same object as when last seen.
func (ev *evaluation) rebindIfChanged(k string, v py.Object, pos model.Pos) {
	id := identify(v)
	if old, ok := ev.seen[k]; ok && old == id {
		return
	}
	ev.seen[k] = id
	ev.bindingOf(k).rebind(pos)
}

// watch narrows the look at each top-level hook to the names the code
// mentions, since only those can be bound, deleted or changed in place.
// Code that can reach the namespace without naming a variable (globals(),
// vars(), locals(), a star import) keeps the look at every name.
func (ev *evaluation) watch(code *py.Code) {
	names := map[string]bool{}
	ev.scanAll = !codeNames(code, names, 0)
	ev.lists = map[string]*listWatch{}
	for name, v := range ev.globals {
		l, ok := v.(*py.List)
		if !ok || !ev.scanAll && !names[name] {
			continue
		}
		ev.lists[name] = &listWatch{list: l, print: fingerprint(l)}
	}
	if ev.scanAll {
		return
	}
	ev.watched = slices.Sorted(maps.Keys(names))
}

// reachers are the names through which code can get at the namespace
// itself: the builtins that hand it out, and what can fetch those under a
// name the code never spells (getattr(builtins, 'glo' + 'bals')).
var reachers = map[string]bool{
	"globals": true, "vars": true, "locals": true,
	"getattr": true, "builtins": true, "__builtins__": true, "__dict__": true,
}

// codeNames adds the names code and the code nested in it use as
// variables or store as attributes, and reports false when the code can
// reach names it does not spell. Attribute reads are left out: a read
// rebinds nothing, and the statement hooks alone read one attribute per
// statement, which would make every look at the names cost as much as
// the file is long.
func codeNames(code *py.Code, names map[string]bool, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for _, n := range code.Names {
		if reachers[n] {
			return false
		}
	}
	ops := code.Code
	ext := 0
	for i := 0; i < len(ops); {
		op := vm.OpCode(ops[i])
		i++
		if !op.HAS_ARG() {
			continue
		}
		if i+1 >= len(ops) {
			// Bytecode the compiler did not write: look at every name.
			return false
		}
		arg := int(ops[i]) | int(ops[i+1])<<8 | ext<<16
		i += 2
		ext = 0
		switch op {
		case vm.EXTENDED_ARG:
			ext = arg
		case vm.STORE_NAME, vm.DELETE_NAME, vm.LOAD_NAME, vm.STORE_GLOBAL,
			vm.DELETE_GLOBAL, vm.LOAD_GLOBAL, vm.STORE_ATTR, vm.DELETE_ATTR:
			if arg >= len(code.Names) {
				return false
			}
			names[code.Names[arg]] = true
		}
	}
	for _, c := range code.Consts {
		switch c := c.(type) {
		case *py.Code:
			if !codeNames(c, names, depth+1) {
				return false
			}
		case py.Tuple:
			if len(c) == 1 && c[0] == py.String("*") {
				return false
			}
		}
	}
	return true
}

// listWatch is a default list and its fingerprint at the last look.
type listWatch struct {
	list  *py.List
	print listPrint
}

// listPrint changes when a list changes, except when an item beyond the
// first and last 32 of a long list is replaced by one of the same kind:
// the list is compared with its default at the end anyway.
type listPrint struct {
	ptr  uintptr
	n    int
	hash uint64
}

func fingerprint(l *py.List) listPrint {
	p := listPrint{n: len(l.Items)}
	if p.n == 0 {
		return p
	}
	p.ptr = uintptr(unsafe.Pointer(&l.Items[0]))
	for i, it := range l.Items {
		if i == 32 && p.n > 64 {
			i = p.n - 32
			it = l.Items[i]
		}
		if i >= 32 && p.n > 64 && i < p.n-32 {
			continue
		}
		id := identify(it)
		p.hash = p.hash*1000003 ^ uint64(id.ptr) ^ id.n*31
	}
	return p
}

// trackNames attributes a change of the given names to pos.
func (ev *evaluation) trackNames(names []string, pos model.Pos) {
	for _, k := range names {
		if v, ok := ev.globals[k]; ok {
			ev.rebindIfChanged(k, v, pos)
		}
	}
}

func (ev *evaluation) bindingOf(name string) *binding {
	b := ev.bound[name]
	if b == nil {
		b = &binding{}
		ev.bound[name] = b
	}
	return b
}
