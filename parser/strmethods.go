package parser

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// maxBuilt bounds a string a str method builds from a size the file
// chooses (zfill, ljust, center), so that one call cannot take the memory.
const maxBuilt = 64 << 20

// The str methods real configs use that gpython v0.2.0 lacks. They are
// added to gpython's str type once, for every context.
func installStrMethods() {
	add := func(name string, fn func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
		py.StringType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			s, ok := self.(py.String)
			if !ok && len(args) > 0 {
				// Taken from the type, as in sorted(names, key=str.lower).
				s, ok = args[0].(py.String)
				args = args[1:]
			}
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'str' object", name)
			}
			return fn(string(s), args, kwargs)
		}, 0, "")
	}
	noArgs := func(name string, fn func(string) py.Object) {
		add(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			if len(args) != 0 {
				return nil, py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", name, len(args))
			}
			return fn(s), nil
		})
	}
	noArgs("lower", func(s string) py.Object { return py.String(strings.ToLower(s)) })
	noArgs("upper", func(s string) py.Object { return py.String(strings.ToUpper(s)) })
	noArgs("casefold", func(s string) py.Object { return py.String(strings.ToLower(s)) })
	noArgs("swapcase", func(s string) py.Object { return py.String(strings.Map(swapRune, s)) })
	noArgs("title", func(s string) py.Object { return py.String(title(s)) })
	noArgs("capitalize", func(s string) py.Object { return py.String(capitalize(s)) })
	noArgs("isdigit", func(s string) py.Object { return allRunes(s, unicode.IsDigit) })
	noArgs("isdecimal", func(s string) py.Object { return allRunes(s, unicode.IsDigit) })
	noArgs("isnumeric", func(s string) py.Object { return allRunes(s, unicode.IsNumber) })
	noArgs("isalpha", func(s string) py.Object { return allRunes(s, unicode.IsLetter) })
	noArgs("isalnum", func(s string) py.Object {
		return allRunes(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
	})
	noArgs("isspace", func(s string) py.Object { return allRunes(s, unicode.IsSpace) })
	noArgs("isupper", func(s string) py.Object { return hasCase(s, unicode.IsUpper, unicode.IsLower) })
	noArgs("islower", func(s string) py.Object { return hasCase(s, unicode.IsLower, unicode.IsUpper) })
	noArgs("isidentifier", func(s string) py.Object { return py.NewBool(isIdentifier(s)) })
	add("join", strJoin)
	add("format", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return formatString(s, args, kwargs)
	})
	add("zfill", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		w, err := widthArg("zfill", args, 1)
		if err != nil {
			return nil, err
		}
		return py.String(zfill(s, w)), nil
	})
	for _, name := range []string{"ljust", "rjust", "center"} {
		add(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			return justify(name, s, args)
		})
	}
	add("count", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		sub, err := strArg("count", args, 0)
		if err != nil {
			return nil, err
		}
		return py.Int(strings.Count(s, sub)), nil
	})
	add("rfind", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		sub, err := strArg("rfind", args, 0)
		if err != nil {
			return nil, err
		}
		return py.Int(runeIndex(s, strings.LastIndex(s, sub))), nil
	})
	for _, name := range []string{"index", "rindex"} {
		add(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			sub, err := strArg(name, args, 0)
			if err != nil {
				return nil, err
			}
			i := strings.Index(s, sub)
			if name == "rindex" {
				i = strings.LastIndex(s, sub)
			}
			if i < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "substring not found")
			}
			return py.Int(runeIndex(s, i)), nil
		})
	}
	add("rsplit", strRSplit)
	add("splitlines", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		keep := len(args) > 0 && args[0] == py.True
		return py.NewListFromStrings(splitLines(s, keep)), nil
	})
	for _, name := range []string{"partition", "rpartition"} {
		add(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			sep, err := strArg(name, args, 0)
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, py.ExceptionNewf(py.ValueError, "empty separator")
			}
			return partition(s, sep, name == "rpartition"), nil
		})
	}
	add("removeprefix", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		p, err := strArg("removeprefix", args, 0)
		return py.String(strings.TrimPrefix(s, p)), err
	})
	add("removesuffix", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		p, err := strArg("removesuffix", args, 0)
		return py.String(strings.TrimSuffix(s, p)), err
	})
	add("encode", strEncode)
	unbound(py.StringType, "endswith", "find", "replace", "split", "startswith",
		"strip", "rstrip", "lstrip")
	py.BytesType.Dict["decode"] = py.MustNewMethod("decode", bytesDecode, 0, "")
}

// codecArgs reads the encoding and errors arguments of encode and decode.
// Only "strict" errors are handled; the others fail as an unknown handler.
func codecArgs(args py.Tuple, kwargs py.StringDict) (encoding string, err error) {
	encoding = "utf-8"
	vals := []py.Object{optionalArg(args, 0, kwargs, "encoding"), optionalArg(args, 1, kwargs, "errors")}
	for i, v := range vals {
		if v == nil {
			continue
		}
		s, ok := v.(py.String)
		if !ok {
			return "", py.ExceptionNewf(py.TypeError, "%s() argument %d must be str, not %s",
				"encode", i+1, v.Type().Name)
		}
		if i == 0 {
			encoding = string(s)
		} else if s != "strict" {
			return "", py.ExceptionNewf(py.LookupError, "unknown error handler name '%s'", string(s))
		}
	}
	name := strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(encoding))
	switch name {
	case "utf-8", "utf8", "u8":
		return "utf-8", nil
	case "ascii", "us-ascii":
		return "ascii", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1", nil
	}
	return "", py.ExceptionNewf(py.LookupError, "unknown encoding: %s", encoding)
}

func optionalArg(args py.Tuple, i int, kwargs py.StringDict, name string) py.Object {
	if len(args) > i {
		return args[i]
	}
	return kwargs[name]
}

// strEncode is str.encode: UTF-8 by default, ASCII and Latin-1 on request.
func strEncode(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	enc, err := codecArgs(args, kwargs)
	if err != nil {
		return nil, err
	}
	if enc == "utf-8" {
		return py.Bytes(s), nil
	}
	limit := rune(0x7f)
	if enc == "latin-1" {
		limit = 0xff
	}
	out := make(py.Bytes, 0, len(s))
	i := 0
	for _, r := range s {
		if r > limit {
			ord := "128"
			if enc == "latin-1" {
				ord = "256"
			}
			return nil, py.ExceptionNewf(py.UnicodeEncodeError,
				"'%s' codec can't encode character %s in position %d: ordinal not in range(%s)",
				enc, charRepr(r), i, ord)
		}
		out = append(out, byte(r))
		i++
	}
	return out, nil
}

// bytesDecode is bytes.decode, the inverse of strEncode.
func bytesDecode(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	b, ok := self.(py.Bytes)
	if !ok && len(args) > 0 {
		b, ok = args[0].(py.Bytes)
		args = args[1:]
	}
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor 'decode' requires a 'bytes' object")
	}
	enc, err := codecArgs(args, kwargs)
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		switch {
		case enc == "utf-8":
			r, size = utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				return nil, py.ExceptionNewf(py.UnicodeDecodeError,
					"'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
			}
		case enc == "ascii" && r > 0x7f:
			return nil, py.ExceptionNewf(py.UnicodeDecodeError,
				"'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", b[i], i)
		}
		sb.WriteRune(r)
		i += size
	}
	return py.String(sb.String()), nil
}

// charRepr is how CPython's codec errors quote a character: '\xe9',
// '\u20ac'.
func charRepr(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf("'\\x%02x'", r)
	case r < 0x10000:
		return fmt.Sprintf("'\\u%04x'", r)
	}
	return fmt.Sprintf("'\\U%08x'", r)
}

func strArg(fn string, args py.Tuple, i int) (string, error) {
	if len(args) <= i {
		return "", py.ExceptionNewf(py.TypeError, "%s() takes at least %d argument", fn, i+1)
	}
	s, ok := args[i].(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "must be str, not %s", args[i].Type().Name)
	}
	return string(s), nil
}

func widthArg(fn string, args py.Tuple, n int) (int, error) {
	if len(args) < n {
		return 0, py.ExceptionNewf(py.TypeError, "%s() takes at least %d argument", fn, n)
	}
	w, ok := args[0].(py.Int)
	if !ok {
		return 0, py.ExceptionNewf(py.TypeError, "%s() argument must be int, not %s", fn, args[0].Type().Name)
	}
	if w > maxBuilt {
		return 0, py.ExceptionNewf(py.MemoryError, "%s() width %d is too large for the sandbox", fn, int64(w))
	}
	return int(w), nil
}

func runeIndex(s string, byteIndex int) int {
	if byteIndex < 0 {
		return -1
	}
	return utf8.RuneCountInString(s[:byteIndex])
}

func strJoin(sep string, args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "join() takes exactly one argument (%d given)", len(args))
	}
	var b strings.Builder
	i := 0
	var bad py.Object
	var unknown *unknownValue
	err := py.Iterate(args[0], func(item py.Object) bool {
		switch it := item.(type) {
		case py.String:
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(string(it))
		case *unknownValue:
			unknown = it
			return true
		default:
			bad = item
			return true
		}
		i++
		return b.Len() > maxBuilt
	})
	switch {
	case err != nil:
		return nil, err
	case unknown != nil:
		return unknown, nil
	case bad != nil:
		return nil, py.ExceptionNewf(py.TypeError,
			"sequence item %d: expected str instance, %s found", i, bad.Type().Name)
	case b.Len() > maxBuilt:
		return nil, py.ExceptionNewf(py.MemoryError, "join() result is too large for the sandbox")
	}
	return py.String(b.String()), nil
}

func strRSplit(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	sep := py.Object(py.None)
	maxsplit := -1
	if len(args) > 0 {
		sep = args[0]
	} else if v, ok := kwargs["sep"]; ok {
		sep = v
	}
	m := optional(args, 1)
	if v, ok := kwargs["maxsplit"]; ok {
		m = v
	}
	if n, ok := m.(py.Int); ok {
		maxsplit = int(n)
	}
	var parts []string
	switch sep := sep.(type) {
	case py.String:
		if sep == "" {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		parts = rsplitSep(s, string(sep), maxsplit)
	default:
		parts = rsplitSpace(s, maxsplit)
	}
	return py.NewListFromStrings(parts), nil
}

func rsplitSep(s, sep string, maxsplit int) []string {
	var out []string
	for maxsplit != 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):])
		s = s[:i]
		maxsplit--
	}
	out = append(out, s)
	reverse(out)
	return out
}

func rsplitSpace(s string, maxsplit int) []string {
	var out []string
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for s != "" && maxsplit != 0 {
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		out = append(out, s[i+size:])
		s = strings.TrimRightFunc(s[:i], unicode.IsSpace)
		maxsplit--
	}
	if s = strings.TrimLeftFunc(s, unicode.IsSpace); s != "" {
		out = append(out, s)
	}
	reverse(out)
	return out
}

func reverse(s []string) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func splitLines(s string, keep bool) []string {
	var out []string
	for s != "" {
		i := strings.IndexAny(s, "\n\r")
		if i < 0 {
			out = append(out, s)
			break
		}
		end := i + 1
		if s[i] == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keep {
			out = append(out, s[:end])
		} else {
			out = append(out, s[:i])
		}
		s = s[end:]
	}
	return out
}

func partition(s, sep string, fromRight bool) py.Tuple {
	i := strings.Index(s, sep)
	if fromRight {
		i = strings.LastIndex(s, sep)
	}
	if i < 0 {
		if fromRight {
			return py.Tuple{py.String(""), py.String(""), py.String(s)}
		}
		return py.Tuple{py.String(s), py.String(""), py.String("")}
	}
	return py.Tuple{py.String(s[:i]), py.String(sep), py.String(s[i+len(sep):])}
}

func justify(name, s string, args py.Tuple) (py.Object, error) {
	w, err := widthArg(name, args, 1)
	if err != nil {
		return nil, err
	}
	fill := " "
	if len(args) > 1 {
		f, ok := args[1].(py.String)
		if !ok || utf8.RuneCountInString(string(f)) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "The fill character must be exactly one character long")
		}
		fill = string(f)
	}
	align := map[string]byte{"ljust": '<', "rjust": '>', "center": '^'}[name]
	return py.String(pad(s, w, fill, align)), nil
}

// pad fills s to width characters, aligned '<', '>' or '^' as in format
// specs; centring puts the odd fill character on the right.
func pad(s string, width int, fill string, align byte) string {
	n := width - utf8.RuneCountInString(s)
	if n <= 0 {
		return s
	}
	switch align {
	case '<':
		return s + strings.Repeat(fill, n)
	case '^':
		return strings.Repeat(fill, n/2) + s + strings.Repeat(fill, n-n/2)
	}
	return strings.Repeat(fill, n) + s
}

func zfill(s string, width int) string {
	n := width - utf8.RuneCountInString(s)
	if n <= 0 {
		return s
	}
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	return sign + strings.Repeat("0", n) + s
}

func swapRune(r rune) rune {
	if unicode.IsUpper(r) {
		return unicode.ToLower(r)
	}
	return unicode.ToUpper(r)
}

func title(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if prevCased {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToTitle(r))
		}
		prevCased = unicode.IsLetter(r)
	}
	return b.String()
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToTitle(r)) + strings.ToLower(s[size:])
}

func allRunes(s string, f func(rune) bool) py.Object {
	if s == "" {
		return py.False
	}
	for _, r := range s {
		if !f(r) {
			return py.False
		}
	}
	return py.True
}

func hasCase(s string, want, not func(rune) bool) py.Object {
	found := false
	for _, r := range s {
		if not(r) {
			return py.False
		}
		found = found || want(r)
	}
	return py.NewBool(found)
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}
