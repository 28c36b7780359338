package parser

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// pyStr is str(o) as CPython writes it. gpython's own str() and repr()
// get floats (1e+16, inf) and one-element tuples wrong, and show the
// floats inside containers the same way, so everything the sandbox turns
// into text itself (%, format, print) goes through here.
func pyStr(o py.Object) (string, error) {
	switch v := o.(type) {
	case py.String:
		return string(v), nil
	case *unknownValue:
		return string(v.text()), nil
	}
	return pyRepr(o)
}

// pyRepr is repr(o) as CPython writes it.
func pyRepr(o py.Object) (string, error) {
	var b strings.Builder
	err := writeRepr(&b, o, 0)
	return b.String(), err
}

func writeRepr(b *strings.Builder, o py.Object, depth int) error {
	if depth > maxValueDepth {
		b.WriteString("...")
		return nil
	}
	items := func(open, close string, list []py.Object) error {
		b.WriteString(open)
		for i, it := range list {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeRepr(b, it, depth+1); err != nil {
				return err
			}
		}
		if open == "(" && len(list) == 1 {
			b.WriteByte(',')
		}
		b.WriteString(close)
		return nil
	}
	switch v := o.(type) {
	case *py.BigInt:
		if err := checkIntStr(v); err != nil {
			return err
		}
	case py.Float:
		b.WriteString(floatRepr(float64(v)))
		return nil
	case py.Tuple:
		return items("(", ")", v)
	case *py.List:
		return items("[", "]", v.Items)
	case *unknownValue:
		b.WriteString(string(v.text()))
		return nil
	case py.StringDict, *orderedDict:
		m, _ := asMapping(v)
		b.WriteByte('{')
		for i, k := range m.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			kr, _ := py.ReprAsString(py.String(k))
			b.WriteString(kr + ": ")
			if err := writeRepr(b, m.vals[k], depth+1); err != nil {
				return err
			}
		}
		b.WriteByte('}')
		return nil
	}
	r, err := py.ReprAsString(o)
	b.WriteString(r)
	return err
}

// floatRepr is the shortest text that reads back as f, in CPython's
// layout: exponent notation below 1e-4 and from 1e16 on, else a decimal
// point always.
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	n, _ := strconv.Atoi(exp)
	if n < -4 || n >= 16 {
		return pyExp(mant + "e" + exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}
