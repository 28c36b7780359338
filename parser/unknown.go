package parser

import (
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// unknownValue stands for a value the sandbox cannot know: an environment
// variable it was not given, or anything from a module it does not
// provide. Every operation on it gives another unknown value with the same
// source, so nothing real-looking is ever made from it.
//
// Where Python insists on a concrete answer the sandbox decides and says
// so once per source: an unknown value is false in a condition, iterates
// as empty and has length 0.
type unknownValue struct {
	ev     *evaluation
	source string
	origin model.Pos
	// read is set on the very value a read of os.environ gave (see
	// readKind); a value computed from it has none.
	read readKind
}

var unknownType = py.NewType("unknown", "a value the sandbox cannot know")

// Type returns the Python type of an unknown value.
func (u *unknownValue) Type() *py.Type { return unknownType }

// The markers around an unknown value's source when Python turns it into
// text ('%s' % value, str(value), a format). They are private-use code
// points, so a string that holds one was made from an unknown value and
// is unknown itself.
const (
	unknownOpen  = "\uE000"
	unknownClose = "\uE001"
)

func (ev *evaluation) unknown(source string) *unknownValue {
	if _, ok := ev.origins[source]; !ok {
		ev.origins[source] = ev.cur
	}
	return &unknownValue{ev: ev, source: source, origin: ev.cur}
}

// same is the result of an operation on u: unknown from the same source,
// but a value of its own, so that it is not taken for the read itself.
func (u *unknownValue) same() (py.Object, error) {
	return &unknownValue{ev: u.ev, source: u.source, origin: u.origin}, nil
}

func (u *unknownValue) text() py.String {
	return py.String(unknownOpen + u.source + unknownClose)
}

// unknownSource finds the first unknown value's source inside a string.
func unknownSource(s string) (string, bool) {
	i := strings.Index(s, unknownOpen)
	if i < 0 {
		return "", false
	}
	rest := s[i+len(unknownOpen):]
	j := strings.Index(rest, unknownClose)
	if j < 0 {
		return rest, true
	}
	return rest[:j], true
}

// decided tells the user once that a concrete answer was made up.
func (u *unknownValue) decided(what string) {
	code := diag.CodeUnknownImport
	if strings.HasPrefix(u.source, "env:") {
		code = diag.CodeUnresolvedEnv
	}
	u.ev.note("decided:"+what+":"+u.source, code, u.ev.cur,
		"the value from "+quoteSource(u.source)+" is unknown to the sandbox; "+what)
}

func quoteSource(source string) string {
	if name, ok := strings.CutPrefix(source, "env:"); ok {
		return "environment variable \"" + name + "\""
	}
	if name, ok := strings.CutPrefix(source, "import:"); ok {
		return "module \"" + name + "\""
	}
	return "\"" + source + "\""
}

// String serves gpython's % operator, which formats with Go's fmt.
func (u *unknownValue) String() string { return string(u.text()) }

func (u *unknownValue) M__str__() (py.Object, error)  { return u.text(), nil }
func (u *unknownValue) M__repr__() (py.Object, error) { return u.text(), nil }
func (u *unknownValue) M__format__(py.Object) (py.Object, error) {
	return u.text(), nil
}

func (u *unknownValue) M__bool__() (py.Object, error) {
	u.decided("pwbconf takes it as false in conditions")
	return py.False, nil
}

func (u *unknownValue) M__len__() (py.Object, error) {
	u.decided("pwbconf takes its length as 0")
	return py.Int(0), nil
}

func (u *unknownValue) M__iter__() (py.Object, error) {
	u.decided("pwbconf iterates over it as over an empty sequence")
	return py.NewIterator(nil), nil
}

func (u *unknownValue) M__getattr__(string) (py.Object, error)            { return u.same() }
func (u *unknownValue) M__setattr__(string, py.Object) (py.Object, error) { return py.None, nil }
func (u *unknownValue) M__call__(py.Tuple, py.StringDict) (py.Object, error) {
	return u.same()
}
func (u *unknownValue) M__getitem__(py.Object) (py.Object, error)      { return u.same() }
func (u *unknownValue) M__setitem__(_, _ py.Object) (py.Object, error) { return py.None, nil }
func (u *unknownValue) M__delitem__(py.Object) (py.Object, error)      { return py.None, nil }
func (u *unknownValue) M__contains__(py.Object) (py.Object, error)     { return py.False, nil }
func (u *unknownValue) M__add__(py.Object) (py.Object, error)          { return u.same() }
func (u *unknownValue) M__radd__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__iadd__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__sub__(py.Object) (py.Object, error)          { return u.same() }
func (u *unknownValue) M__rsub__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__mul__(py.Object) (py.Object, error)          { return u.same() }
func (u *unknownValue) M__rmul__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__truediv__(py.Object) (py.Object, error)      { return u.same() }
func (u *unknownValue) M__rtruediv__(py.Object) (py.Object, error)     { return u.same() }
func (u *unknownValue) M__floordiv__(py.Object) (py.Object, error)     { return u.same() }
func (u *unknownValue) M__rfloordiv__(py.Object) (py.Object, error)    { return u.same() }
func (u *unknownValue) M__mod__(py.Object) (py.Object, error)          { return u.same() }
func (u *unknownValue) M__rmod__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__pow__(_, _ py.Object) (py.Object, error)     { return u.same() }
func (u *unknownValue) M__rpow__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__or__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__ror__(py.Object) (py.Object, error)          { return u.same() }
func (u *unknownValue) M__and__(py.Object) (py.Object, error)          { return u.same() }
func (u *unknownValue) M__rand__(py.Object) (py.Object, error)         { return u.same() }
func (u *unknownValue) M__neg__() (py.Object, error)                   { return u.same() }
func (u *unknownValue) M__pos__() (py.Object, error)                   { return u.same() }
func (u *unknownValue) M__eq__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__ne__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__lt__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__le__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__gt__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__ge__(py.Object) (py.Object, error)           { return u.same() }
func (u *unknownValue) M__enter__() (py.Object, error)                 { return u.same() }
func (u *unknownValue) M__exit__(_, _, _ py.Object) (py.Object, error) { return py.False, nil }
