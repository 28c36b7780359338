package parser

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// formatString is str.format: positional, automatic, keyword and indexed
// fields, !r/!s/!a conversions and the format mini-language for str, int
// and float. f-strings reach it too, rewritten into format calls.
func formatString(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f := formatter{args: args, kwargs: kwargs}
	out, err := f.expand(s, 0)
	if err != nil {
		return nil, err
	}
	return py.String(out), nil
}

type formatter struct {
	args   py.Tuple
	kwargs py.StringDict
	// next is the next automatic field number; -1 once a numbered field
	// was used, since Python forbids mixing the two.
	next   int
	manual bool
}

func formatErr(format string, a ...any) error {
	return py.ExceptionNewf(py.ValueError, format, a...)
}

func (f *formatter) expand(s string, depth int) (string, error) {
	if depth > 2 {
		return "", formatErr("Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", formatErr("Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		end, err := fieldEnd(s, i+1)
		if err != nil {
			return "", err
		}
		text, err := f.field(s[i+1:end], depth)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
		if b.Len() > maxBuilt {
			return "", py.ExceptionNewf(py.MemoryError, "format() result is too large for the sandbox")
		}
		i = end
	}
	return b.String(), nil
}

// fieldEnd finds the '}' closing a field that starts at i, skipping
// nested fields in the spec.
func fieldEnd(s string, i int) (int, error) {
	level := 1
	inKey := false
	for ; i < len(s); i++ {
		switch s[i] {
		case '[':
			inKey = true
		case ']':
			inKey = false
		case '{':
			if !inKey {
				level++
			}
		case '}':
			if !inKey {
				level--
				if level == 0 {
					return i, nil
				}
			}
		}
	}
	return 0, formatErr("expected '}' before end of string")
}

func (f *formatter) field(field string, depth int) (string, error) {
	name, spec, _ := cutOutsideBrackets(field, ':')
	conv := ""
	if i := strings.LastIndexByte(name, '!'); i >= 0 {
		name, conv = name[:i], name[i+1:]
		if len(conv) != 1 || !strings.Contains("rsa", conv) {
			return "", formatErr("Unknown conversion specifier %s", conv)
		}
	}
	obj, err := f.lookup(name)
	if err != nil {
		return "", err
	}
	if strings.Contains(spec, "{") {
		if spec, err = f.expand(spec, depth+1); err != nil {
			return "", err
		}
	}
	switch conv {
	case "r", "a", "s":
		text, err := pyRepr(obj)
		if conv == "s" {
			text, err = pyStr(obj)
		}
		if err != nil {
			return "", err
		}
		if conv == "a" {
			text = asciiEscape(text)
		}
		obj = py.String(text)
	}
	return formatValue(obj, spec)
}

func cutOutsideBrackets(s string, sep byte) (before, after string, found bool) {
	inKey := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			inKey = true
		case ']':
			inKey = false
		case sep:
			if !inKey {
				return s[:i], s[i+1:], true
			}
		}
	}
	return s, "", false
}

// lookup resolves a field name: an argument, then .attr and [key] parts.
func (f *formatter) lookup(name string) (py.Object, error) {
	first := name
	if i := strings.IndexAny(name, ".["); i >= 0 {
		first = name[:i]
	}
	rest := name[len(first):]
	obj, err := f.argument(first)
	if err != nil {
		return nil, err
	}
	for rest != "" {
		switch rest[0] {
		case '.':
			end := strings.IndexAny(rest[1:], ".[") + 1
			if end == 0 {
				end = len(rest)
			}
			if obj, err = py.GetAttrString(obj, rest[1:end]); err != nil {
				return nil, err
			}
			rest = rest[end:]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, formatErr("Missing ']' in format string")
			}
			key := rest[1:end]
			var k py.Object = py.String(key)
			if n, err := strconv.Atoi(key); err == nil {
				k = py.Int(n)
			}
			if obj, err = py.GetItem(obj, k); err != nil {
				return nil, err
			}
			rest = rest[end+1:]
		default:
			return nil, formatErr("Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return obj, nil
}

func (f *formatter) argument(name string) (py.Object, error) {
	if name == "" {
		if f.manual {
			return nil, formatErr("cannot switch from manual field specification to automatic field numbering")
		}
		name = strconv.Itoa(f.next)
		f.next++
	} else if name[0] >= '0' && name[0] <= '9' {
		if f.next > 0 {
			return nil, formatErr("cannot switch from automatic field numbering to manual field specification")
		}
		f.manual = true
	}
	if n, err := strconv.Atoi(name); err == nil {
		if n >= len(f.args) {
			return nil, py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", n)
		}
		return f.args[n], nil
	}
	if v, ok := f.kwargs[name]; ok {
		return v, nil
	}
	return nil, keyError(py.String(name))
}

// spec is a parsed format spec: [[fill]align][sign][#][0][width][,|_][.precision][type].
type spec struct {
	fill      string
	align     byte
	sign      byte
	alt       bool
	width     int
	grouping  byte
	precision int // -1 when absent
	typ       byte
}

func parseSpec(s string) (spec, error) {
	sp := spec{fill: " ", precision: -1}
	if r, size := utf8.DecodeRuneInString(s); size > 0 && len(s) > size && strings.IndexByte("<>=^", s[size]) >= 0 {
		sp.fill, sp.align, s = string(r), s[size], s[size+1:]
	} else if s != "" && strings.IndexByte("<>=^", s[0]) >= 0 {
		sp.align, s = s[0], s[1:]
	}
	if s != "" && strings.IndexByte("+- ", s[0]) >= 0 {
		sp.sign, s = s[0], s[1:]
	}
	if s != "" && s[0] == '#' {
		sp.alt, s = true, s[1:]
	}
	if s != "" && s[0] == '0' {
		if sp.align == 0 {
			sp.fill, sp.align = "0", '='
		}
		s = s[1:]
	}
	n := 0
	sp.width, n = leadingInt(s)
	s = s[n:]
	if s != "" && (s[0] == ',' || s[0] == '_') {
		sp.grouping, s = s[0], s[1:]
	}
	if s != "" && s[0] == '.' {
		sp.precision, n = leadingInt(s[1:])
		if n == 0 {
			return sp, formatErr("Format specifier missing precision")
		}
		s = s[1+n:]
	}
	if len(s) > 1 {
		return sp, formatErr("Invalid format specifier")
	}
	if s != "" {
		sp.typ = s[0]
	}
	if sp.width > maxBuilt || sp.precision > 1000 {
		return sp, py.ExceptionNewf(py.MemoryError, "format width or precision is too large for the sandbox")
	}
	return sp, nil
}

func leadingInt(s string) (int, int) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, 0 // no digits; Atoi would build an error to say so
	}
	n, _ := strconv.Atoi(s[:i])
	return n, i
}

// formatValue is format(obj, spec) for the types configs format.
func formatValue(obj py.Object, specText string) (string, error) {
	if u, ok := obj.(*unknownValue); ok {
		return string(u.text()), nil
	}
	sp, err := parseSpec(specText)
	if err != nil {
		return "", err
	}
	switch v := obj.(type) {
	case py.Bool:
		if sp.typ == 0 || sp.typ == 's' {
			if v {
				return sp.text("True")
			}
			return sp.text("False")
		}
		return sp.integer(big.NewInt(boolInt(v)))
	case py.Int:
		return sp.integerOrFloat(big.NewInt(int64(v)), float64(v))
	case *py.BigInt:
		bi := (*big.Int)(v)
		f, _ := new(big.Float).SetInt(bi).Float64()
		return sp.integerOrFloat(bi, f)
	case py.Float:
		return sp.float(float64(v), obj)
	}
	str, err := pyStr(obj)
	if err != nil {
		return "", err
	}
	return sp.text(str)
}

func boolInt(b py.Bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (sp spec) text(s string) (string, error) {
	if sp.typ != 0 && sp.typ != 's' {
		return "", formatErr("Unknown format code '%c' for object of type 'str'", sp.typ)
	}
	if sp.precision >= 0 && utf8.RuneCountInString(s) > sp.precision {
		s = string([]rune(s)[:sp.precision])
	}
	align := sp.align
	if align == 0 || align == '=' {
		align = '<'
	}
	return pad(s, sp.width, sp.fill, align), nil
}

func (sp spec) integerOrFloat(i *big.Int, f float64) (string, error) {
	if strings.IndexByte("eEfFgG%", sp.typ) >= 0 && sp.typ != 0 {
		return sp.float(f, nil)
	}
	return sp.integer(i)
}

func (sp spec) integer(i *big.Int) (string, error) {
	if sp.precision >= 0 {
		return "", formatErr("Precision not allowed in integer format specifier")
	}
	neg := i.Sign() < 0
	abs := new(big.Int).Abs(i)
	var digits, prefix string
	switch sp.typ {
	case 0, 'd', 'n':
		digits = abs.String()
	case 'b':
		digits, prefix = abs.Text(2), "0b"
	case 'o':
		digits, prefix = abs.Text(8), "0o"
	case 'x':
		digits, prefix = abs.Text(16), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(abs.Text(16)), "0X"
	case 'c':
		return sp.text(string(rune(i.Int64())))
	default:
		return "", formatErr("Unknown format code '%c' for object of type 'int'", sp.typ)
	}
	if !sp.alt {
		prefix = ""
	}
	digits = group(digits, sp.grouping, sp.typ)
	return sp.number(neg, prefix, digits), nil
}

func (sp spec) float(f float64, orig py.Object) (string, error) {
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := sp.precision
	var digits string
	switch sp.typ {
	case 'f', 'F':
		digits = strconv.FormatFloat(a, 'f', precOr(prec, 6), 64)
	case 'e', 'E':
		digits = pyExp(strconv.FormatFloat(a, 'e', precOr(prec, 6), 64))
	case 'g', 'G':
		digits = pyGeneral(a, precOr(prec, 6), sp.alt)
	case '%':
		digits = strconv.FormatFloat(a*100, 'f', precOr(prec, 6), 64) + "%"
	case 0, 'n':
		if prec < 0 {
			digits = floatRepr(a)
		} else {
			digits = pyGeneral(a, prec, sp.alt)
			if !strings.ContainsAny(digits, ".e") && !math.IsInf(a, 0) && !math.IsNaN(a) {
				digits += ".0"
			}
		}
	default:
		return "", formatErr("Unknown format code '%c' for object of type 'float'", sp.typ)
	}
	if math.IsInf(a, 0) {
		digits = "inf"
	} else if math.IsNaN(a) {
		digits = "nan"
	}
	if sp.typ == 'E' || sp.typ == 'G' || sp.typ == 'F' {
		digits = strings.ToUpper(digits)
	}
	if sp.grouping != 0 {
		intPart, frac, _ := strings.Cut(digits, ".")
		digits = group(intPart, sp.grouping, 'd')
		if frac != "" || strings.Contains(digits, ".") {
			digits += "." + frac
		}
	}
	return sp.number(neg, "", digits), nil
}

func precOr(p, def int) int {
	if p < 0 {
		return def
	}
	return p
}

// pyExp writes exponents with at least two digits, as Python does.
func pyExp(s string) string {
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return s
	}
	sign := exp[:1]
	exp = strings.TrimLeft(exp[1:], "0")
	for len(exp) < 2 {
		exp = "0" + exp
	}
	return mant + "e" + sign + exp
}

// pyGeneral is the 'g' presentation: precision significant digits, fixed
// or exponent notation by the exponent, trailing zeros dropped.
func pyGeneral(a float64, prec int, alt bool) string {
	if prec == 0 {
		prec = 1
	}
	if a == 0 {
		return "0"
	}
	exp := int(math.Floor(math.Log10(a)))
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	if _, ex, ok := strings.Cut(e, "e"); ok {
		exp, _ = strconv.Atoi(ex)
	}
	var s string
	if exp < -4 || exp >= prec {
		s = e
		mant, ex, _ := strings.Cut(s, "e")
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return pyExp(mant + "e" + ex)
	}
	s = strconv.FormatFloat(a, 'f', max(prec-1-exp, 0), 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// group inserts thousands separators into a run of digits.
func group(digits string, sep byte, typ byte) string {
	if sep == 0 {
		return digits
	}
	every := 3
	if typ == 'b' || typ == 'o' || typ == 'x' || typ == 'X' {
		every = 4
	}
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%every == 0 {
			b.WriteByte(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// number applies sign, prefix and padding to formatted digits.
func (sp spec) number(neg bool, prefix, digits string) string {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case sp.sign == '+':
		sign = "+"
	case sp.sign == ' ':
		sign = " "
	}
	align := sp.align
	if align == 0 {
		align = '>'
	}
	if align == '=' {
		n := sp.width - utf8.RuneCountInString(sign+prefix+digits)
		if n > 0 {
			return sign + prefix + strings.Repeat(sp.fill, n) + digits
		}
		return sign + prefix + digits
	}
	return pad(sign+prefix+digits, sp.width, sp.fill, align)
}
