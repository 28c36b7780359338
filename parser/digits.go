package parser

import (
	"math/big"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
)

// CPython since 3.11 refuses to convert between a str and an int of more
// than 4300 decimal digits (sys.get_int_max_str_digits()), because the
// conversion takes time quadratic in the length; a file that converts one
// raises ValueError under Pywikibot too. The rewrite refuses such a
// literal as CPython's compiler does; int(), str() and repr() refuse here.
// Formatting with % or format() is not checked.

const maxIntDigits = 4300

// intDigitsLimit is the smallest number of maxIntDigits+1 digits.
var intDigitsLimit = sync.OnceValue(func() *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(maxIntDigits), nil)
})

// installDigitChecks makes int() and str() refuse too many digits.
func installDigitChecks() {
	intNew := py.IntType.New
	py.IntType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := checkIntText(args, kwargs); err != nil {
			return nil, err
		}
		return intNew(t, args, kwargs)
	}
	strNew := py.StringType.New
	py.StringType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 1 {
			if err := checkIntStr(args[0]); err != nil {
				return nil, err
			}
		}
		return strNew(t, args, kwargs)
	}
}

// checkIntText refuses int(s) or int(s, base) for a str of too many
// digits in a base that is not a power of two.
func checkIntText(args py.Tuple, kwargs py.StringDict) error {
	var text string
	x, ok := kwargs["x"]
	if len(args) > 0 {
		x, ok = args[0], true
	}
	if !ok {
		return nil
	}
	switch s := x.(type) {
	case py.String:
		text = string(s)
	case py.Bytes:
		text = string(s)
	default:
		return nil
	}
	base := py.Object(py.Int(10))
	if len(args) > 1 {
		base = args[1]
	} else if b, ok := kwargs["base"]; ok {
		base = b
	}
	text = strings.TrimLeft(strings.TrimSpace(text), "+-")
	switch b, _ := base.(py.Int); b {
	case 2, 4, 8, 16, 32:
		return nil
	case 0:
		if len(text) > 1 && text[0] == '0' && strings.ContainsRune("xXoObB", rune(text[1])) {
			return nil
		}
	}
	if n := len(text) - strings.Count(text, "_"); n > maxIntDigits {
		return py.ExceptionNewf(py.ValueError, "Exceeds the limit (%d digits) for integer string "+
			"conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit",
			maxIntDigits, n)
	}
	return nil
}

// checkIntStr refuses to write an int of too many digits in decimal.
func checkIntStr(o py.Object) error {
	v, ok := o.(*py.BigInt)
	if !ok || new(big.Int).Abs((*big.Int)(v)).Cmp(intDigitsLimit()) < 0 {
		return nil
	}
	return py.ExceptionNewf(py.ValueError, "Exceeds the limit (%d digits) for integer string "+
		"conversion; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits)
}
