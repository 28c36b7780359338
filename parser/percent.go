package parser

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// formatOperand is a str on the left of %, handed over by the rewrite
// (see __pwbconf_fmt__), so that % formats as CPython's printf-style
// formatting does instead of as gpython's, which calls Go's fmt. It only
// ever lives as the left operand of one % and gives back a plain str.
type formatOperand struct{ s string }

// Type returns str: any error message that names the operand names str.
func (f *formatOperand) Type() *py.Type { return py.StringType }

func (f *formatOperand) M__mod__(values py.Object) (py.Object, error) {
	out, err := percentFormat(f.s, values)
	if err != nil {
		return nil, err
	}
	return py.String(out), nil
}

// fmtOperand is __pwbconf_fmt__(x).
func fmtOperand(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "format hook takes 1 argument")
	}
	if s, ok := args[0].(py.String); ok {
		return &formatOperand{s: string(s)}, nil
	}
	return args[0], nil
}

// percentArgs hands out the values of one % operation in order.
type percentArgs struct {
	values py.Tuple
	next   int
	// mapping is the right operand when it can be subscripted, as
	// CPython decides: then %(key)s looks up in it and unused values are
	// no error.
	mapping py.Object
}

func newPercentArgs(values py.Object) *percentArgs {
	a := &percentArgs{}
	switch v := values.(type) {
	case py.Tuple:
		a.values = v
	case *py.List, py.StringDict, *orderedDict, *environMapping, *unknownValue:
		a.values, a.mapping = py.Tuple{v}, v
	default:
		a.values = py.Tuple{v}
	}
	return a
}

func (a *percentArgs) take() (py.Object, error) {
	if a.next >= len(a.values) {
		return nil, py.ExceptionNewf(py.TypeError, "not enough arguments for format string")
	}
	a.next++
	return a.values[a.next-1], nil
}

// percentFormat is format % values as CPython computes it.
func percentFormat(format string, values py.Object) (string, error) {
	args := newPercentArgs(values)
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		conv, end, err := parseConversion(format, i+1, args)
		if err != nil {
			return "", err
		}
		text, err := conv.apply(args)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
		if b.Len() > maxBuilt {
			return "", py.ExceptionNewf(py.MemoryError, "%% result is too large for the sandbox")
		}
		i = end
	}
	if args.next < len(args.values) && args.mapping == nil {
		return "", py.ExceptionNewf(py.TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// conversion is one %[(key)][flags][width][.precision]type.
type conversion struct {
	key         *string
	minus, plus bool
	space, alt  bool
	zero        bool
	width, prec int // prec is -1 when absent
	typ         rune
	index       int // of typ in the format, in characters, for error messages
}

// parseConversion reads the conversion after the % at i-1 and returns
// it with the index of its last byte. Values for * are taken from args.
func parseConversion(f string, i int, args *percentArgs) (conversion, int, error) {
	cv := conversion{prec: -1}
	if i < len(f) && f[i] == '(' {
		depth, start := 1, i+1
		for i++; i < len(f) && depth > 0; i++ {
			switch f[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		if depth > 0 {
			return cv, 0, py.ExceptionNewf(py.ValueError, "incomplete format key")
		}
		key := f[start : i-1]
		cv.key = &key
	}
flags:
	for ; i < len(f); i++ {
		switch f[i] {
		case '-':
			cv.minus = true
		case '+':
			cv.plus = true
		case ' ':
			cv.space = true
		case '#':
			cv.alt = true
		case '0':
			cv.zero = true
		default:
			break flags
		}
	}
	var err error
	if cv.width, i, err = cv.widthOrPrecision(f, i, args); err != nil {
		return cv, 0, err
	}
	if cv.width < 0 {
		cv.minus, cv.width = true, -cv.width
	}
	if i < len(f) && f[i] == '.' {
		if cv.prec, i, err = cv.widthOrPrecision(f, i+1, args); err != nil {
			return cv, 0, err
		}
		cv.prec = max(cv.prec, 0)
	}
	for i < len(f) && strings.IndexByte("hlL", f[i]) >= 0 {
		i++
	}
	if i >= len(f) {
		return cv, 0, py.ExceptionNewf(py.ValueError, "incomplete format")
	}
	if cv.width > maxBuilt || cv.prec > maxBuilt {
		return cv, 0, py.ExceptionNewf(py.MemoryError, "%% width or precision is too large for the sandbox")
	}
	r, size := utf8.DecodeRuneInString(f[i:])
	cv.typ, cv.index = r, utf8.RuneCountInString(f[:i])
	return cv, i + size - 1, nil
}

// number reads a width or precision: digits, or * for the next value.
func (cv *conversion) widthOrPrecision(f string, i int, args *percentArgs) (int, int, error) {
	if i < len(f) && f[i] == '*' {
		if cv.key != nil {
			return 0, 0, py.ExceptionNewf(py.TypeError, "* wants int")
		}
		v, err := args.take()
		if err != nil {
			return 0, 0, err
		}
		n, ok := v.(py.Int)
		if !ok {
			if _, unknown := v.(*unknownValue); unknown {
				return 0, i + 1, nil
			}
			return 0, 0, py.ExceptionNewf(py.TypeError, "* wants int")
		}
		if n > maxBuilt || n < -maxBuilt {
			return 0, 0, py.ExceptionNewf(py.MemoryError, "%% width or precision is too large for the sandbox")
		}
		return int(n), i + 1, nil
	}
	start := i
	for i < len(f) && f[i] >= '0' && f[i] <= '9' {
		i++
	}
	if i-start > 9 {
		return 0, 0, py.ExceptionNewf(py.ValueError, "width too big")
	}
	if i == start {
		return 0, i, nil // absent; Atoi would build an error to say so
	}
	n, _ := strconv.Atoi(f[start:i])
	return n, i, nil
}

// apply formats the conversion's value.
func (cv conversion) apply(args *percentArgs) (string, error) {
	if cv.typ == '%' {
		return "%", nil
	}
	v, err := cv.fetch(args)
	if err != nil {
		return "", err
	}
	if u, ok := v.(*unknownValue); ok {
		return string(u.text()), nil
	}
	switch cv.typ {
	case 's', 'r', 'a':
		return cv.text(v)
	case 'c':
		return cv.char(v)
	case 'd', 'i', 'u', 'o', 'x', 'X':
		return cv.integer(v)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		return cv.float(v)
	}
	return "", py.ExceptionNewf(py.ValueError,
		"unsupported format character '%c' (0x%x) at index %d", cv.typ, cv.typ, cv.index)
}

func (cv conversion) fetch(args *percentArgs) (py.Object, error) {
	if cv.key == nil {
		return args.take()
	}
	if args.mapping == nil {
		return nil, py.ExceptionNewf(py.TypeError, "format requires a mapping")
	}
	return py.GetItem(args.mapping, py.String(*cv.key))
}

// text is %s, %r and %a, through the same str() and repr() as the rest
// of the sandbox.
func (cv conversion) text(v py.Object) (string, error) {
	var s string
	var err error
	if cv.typ == 's' {
		s, err = pyStr(v)
	} else {
		s, err = pyRepr(v)
	}
	if err != nil {
		return "", err
	}
	if cv.typ == 'a' {
		s = asciiEscape(s)
	}
	if cv.prec >= 0 && utf8.RuneCountInString(s) > cv.prec {
		s = string([]rune(s)[:cv.prec])
	}
	return cv.pad(s), nil
}

// asciiEscape is what ascii() does to a repr: every character beyond
// ASCII becomes an escape.
func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case r <= 0xff:
			b.WriteString(`\x` + hex(int64(r), 2))
		case r <= 0xffff:
			b.WriteString(`\u` + hex(int64(r), 4))
		default:
			b.WriteString(`\U` + hex(int64(r), 8))
		}
	}
	return b.String()
}

func hex(n int64, width int) string {
	s := strconv.FormatInt(n, 16)
	return strings.Repeat("0", max(width-len(s), 0)) + s
}

func (cv conversion) char(v py.Object) (string, error) {
	switch v := v.(type) {
	case py.String:
		if utf8.RuneCountInString(string(v)) != 1 {
			return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
		}
		return cv.pad(string(v)), nil
	case py.Int:
		if v < 0 || v > utf8.MaxRune {
			return "", py.ExceptionNewf(py.OverflowError, "%%c arg not in range(0x110000)")
		}
		return cv.pad(string(rune(v))), nil
	case py.Bool:
		return cv.pad(string(rune(boolInt(v)))), nil
	}
	return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
}

// integer is %d, %i, %u, %o, %x and %X. %d takes a float and drops its
// fraction; the others want an integer.
func (cv conversion) integer(v py.Object) (string, error) {
	var n *big.Int
	switch v := v.(type) {
	case py.Int:
		n = big.NewInt(int64(v))
	case py.Bool:
		n = big.NewInt(boolInt(v))
	case *py.BigInt:
		n = (*big.Int)(v)
	case py.Float:
		if !strings.ContainsRune("diu", cv.typ) {
			return "", py.ExceptionNewf(py.TypeError,
				"%%%c format: an integer is required, not float", cv.typ)
		}
		f := float64(v)
		if math.IsInf(f, 0) {
			return "", py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return "", py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
		}
		n, _ = big.NewFloat(math.Trunc(f)).Int(nil)
	default:
		what := "a real number"
		if !strings.ContainsRune("diu", cv.typ) {
			what = "an integer"
		}
		return "", py.ExceptionNewf(py.TypeError, "%%%c format: %s is required, not %s",
			cv.typ, what, v.Type().Name)
	}
	abs := new(big.Int).Abs(n)
	var digits, prefix string
	switch cv.typ {
	case 'o':
		digits, prefix = abs.Text(8), "0o"
	case 'x':
		digits, prefix = abs.Text(16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(abs.Text(16)), "0X"
	default:
		digits = abs.String()
	}
	if !cv.alt {
		prefix = ""
	}
	if cv.prec > len(digits) {
		digits = strings.Repeat("0", cv.prec-len(digits)) + digits
	}
	return cv.number(n.Sign() < 0, prefix, digits), nil
}

// float is %e, %E, %f, %F, %g and %G.
func (cv conversion) float(v py.Object) (string, error) {
	var f float64
	switch v := v.(type) {
	case py.Float:
		f = float64(v)
	case py.Int:
		f = float64(v)
	case py.Bool:
		f = float64(boolInt(v))
	case *py.BigInt:
		f, _ = new(big.Float).SetInt((*big.Int)(v)).Float64()
	default:
		return "", py.ExceptionNewf(py.TypeError, "must be real number, not %s", v.Type().Name)
	}
	a := math.Abs(f)
	prec := precOr(cv.prec, 6)
	var digits string
	switch cv.typ {
	case 'f', 'F':
		digits = strconv.FormatFloat(a, 'f', prec, 64)
		if cv.alt && prec == 0 {
			digits += "."
		}
	case 'e', 'E':
		digits = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
		if cv.alt && prec == 0 {
			digits = strings.Replace(digits, "e", ".e", 1)
		}
	default:
		digits = pyGeneral(a, prec, cv.alt)
	}
	switch {
	case math.IsInf(a, 0):
		digits = "inf"
	case math.IsNaN(a):
		digits = "nan"
	}
	if cv.typ == 'E' || cv.typ == 'F' || cv.typ == 'G' {
		digits = strings.ToUpper(digits)
	}
	return cv.number(math.Signbit(f) && !math.IsNaN(f), "", digits), nil
}

// number applies sign, prefix, zero padding and width to digits.
func (cv conversion) number(neg bool, prefix, digits string) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case cv.plus:
		sign = "+"
	case cv.space:
		sign = " "
	}
	if cv.zero && !cv.minus {
		if n := cv.width - len(sign) - len(prefix) - len(digits); n > 0 {
			digits = strings.Repeat("0", n) + digits
		}
	}
	return cv.pad(sign + prefix + digits)
}

// pad fills s to the width with spaces, on the right under the - flag.
func (cv conversion) pad(s string) string {
	if cv.minus {
		return pad(s, cv.width, " ", '<')
	}
	return pad(s, cv.width, " ", '>')
}
