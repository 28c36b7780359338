package rewrite

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	tName kind = iota + 1
	tNumber
	tString  // a str or bytes literal without the f prefix
	tFString // an f-string; its parts are in fs
	tOp
	tNewline // end of a logical line
)

// token is one token of the decoded text, start and end in bytes.
type token struct {
	kind       kind
	blank      bool // the rewrite turns the token into spaces
	start, end int
	fs         *fstring
	ed         *edit
}

// edit is text the rewrite puts before or after a token, or in its place.
type edit struct {
	before, after string
	repl          string
	hasRepl       bool
}

// edit returns the token's edit, making it on first use.
func (t *token) edit() *edit {
	if t.ed == nil {
		t.ed = &edit{}
	}
	return t.ed
}

func (t *token) before() string {
	if t.ed == nil {
		return ""
	}
	return t.ed.before
}

func (t *token) after() string {
	if t.ed == nil {
		return ""
	}
	return t.ed.after
}

// errFieldEOF stops the scan of an f-string field at the end of the text;
// the f-string turns it into an error at its own start.
var errFieldEOF = errors.New("end of text in f-string field")

// maxNesting bounds brackets and f-strings inside each other, as CPython
// does, so hostile input cannot exhaust the stack.
const maxNesting = 200

// maxUnary bounds a run of unary operators (- + ~ not), each of which
// nests the expression one level deeper. CPython's parser gives up on a
// run of some thousands with "too complex to parse"; gpython's compiler
// would recurse once per level.
const maxUnary = 1000

// maxIntDigits is CPython's limit on the digits of a decimal integer
// literal or conversion (sys.get_int_max_str_digits()).
const maxIntDigits = 4300

// scanner splits decoded text into tokens.
type scanner struct {
	src    *source
	text   string
	nest   int      // f-string nesting
	indent []indent // open indentation levels, innermost last
}

// indent is one indentation level counted with a tab as 8 columns and as
// 1 column, the two measures CPython compares to spot ambiguous tabs.
type indent struct{ col, alt int }

func (s *scanner) text1(t *token) string { return s.text[t.start:t.end] }

// scanFile tokenizes a whole file. Comments and line breaks inside
// brackets produce no tokens; each logical line ends with a tNewline.
func (s *scanner) scanFile() ([]token, error) {
	s.indent = []indent{{}}
	toks, _, err := s.scan(0, false, len(s.text)/6)
	return toks, err
}

// scan tokenizes from i, expecting about size tokens. At top level it
// runs to the end of the text; in an f-string replacement field (inField) it stops before the '}', '!',
// ':' or '=' that ends the expression at bracket depth 0.
func (s *scanner) scan(i int, inField bool, size int) ([]token, int, error) {
	text := s.text
	toks := make([]token, 0, size)
	var stack []int // offsets of open brackets
	lineStart := !inField
	unaries, counted := 0, 0 // unary operators in a row, tokens looked at
	for {
		if lineStart && len(stack) == 0 {
			j, blank, err := s.indentation(i)
			if err != nil {
				return nil, 0, err
			}
			i = j
			if !blank {
				lineStart = false
			}
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		if inField && len(stack) == 0 && endsField(text, i) {
			return toks, i, nil
		}
		if len(toks) > counted {
			counted = len(toks)
			if !s.unary(&toks[counted-1]) {
				unaries = 0
			} else if unaries++; unaries > maxUnary {
				return nil, 0, s.src.errorf(toks[counted-1].start,
					"too many unary operators in a row: source too complex to parse")
			}
		}
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
		case c == '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case c == '\n':
			if !inField && len(stack) == 0 {
				if len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
					toks = append(toks, token{kind: tNewline, start: i, end: i + 1})
				}
				lineStart = true
			}
			i++
		case c == '\\':
			switch {
			case i+1 < len(text) && text[i+1] == '\n':
				i += 2
			case i+1 >= len(text):
				return nil, 0, s.src.errorf(i, "unexpected EOF while parsing")
			default:
				return nil, 0, s.src.errorf(i+1,
					"unexpected character after line continuation character")
			}
		case isDigit(c) || c == '.' && i+1 < len(text) && isDigit(text[i+1]):
			t, err := s.number(i)
			if err != nil {
				return nil, 0, err
			}
			toks = append(toks, t)
			i = t.end
		case c == '\'' || c == '"':
			t, err := s.str(i, i)
			if err != nil {
				return nil, 0, err
			}
			toks = append(toks, t)
			i = t.end
		case c < utf8.RuneSelf && (isASCIIWord(c)) || c >= utf8.RuneSelf && isIdentStart(text[i:]):
			j := identEnd(text, i)
			if j < len(text) && (text[j] == '\'' || text[j] == '"') && isPrefix(text[i:j]) {
				t, err := s.str(i, j)
				if err != nil {
					return nil, 0, err
				}
				toks = append(toks, t)
				i = t.end
				continue
			}
			if strings.HasPrefix(text[i:j], ReservedPrefix) {
				err := s.src.errorf(i, "the name %s is reserved for pwbconf's evaluator", text[i:j])
				err.Reserved = true
				return nil, 0, err
			}
			toks = append(toks, token{kind: tName, start: i, end: j})
			i = j
		case c >= utf8.RuneSelf:
			r, _ := utf8.DecodeRuneInString(text[i:])
			if unicode.IsPrint(r) {
				return nil, 0, s.src.errorf(i, "invalid character '%c' (U+%04X)", r, r)
			}
			return nil, 0, s.src.errorf(i, "invalid non-printable character U+%04X", r)
		case c < ' ' || c == 0x7f:
			return nil, 0, s.src.errorf(i, "invalid non-printable character U+%04X", c)
		default:
			n := opLen(text[i:])
			switch c {
			case '(', '[', '{':
				if len(stack) >= maxNesting {
					return nil, 0, s.src.errorf(i, "too many nested parentheses")
				}
				stack = append(stack, i)
			case ')', ']', '}':
				if len(stack) == 0 {
					return nil, 0, s.src.errorf(i, "unmatched '%c'", c)
				}
				open := text[stack[len(stack)-1]]
				if closerOf(open) != c {
					return nil, 0, s.mismatch(stack[len(stack)-1], i)
				}
				stack = stack[:len(stack)-1]
			}
			toks = append(toks, token{kind: tOp, start: i, end: i + n})
			i += n
		}
	}
	if len(stack) > 0 {
		open := stack[len(stack)-1]
		return nil, 0, s.src.errorf(open, "'%c' was never closed", text[open])
	}
	if inField {
		return nil, 0, errFieldEOF
	}
	if len(toks) > 0 && toks[len(toks)-1].kind != tNewline {
		toks = append(toks, token{kind: tNewline, start: len(text), end: len(text)})
	}
	return toks, i, nil
}

// ReservedPrefix starts the names of the hooks the rewrite inserts. A file
// that names one could read or call a hook and move what the evaluator
// credits to which line, so the rewrite refuses it; no config has a reason
// to, and CPython would raise NameError for a name it never bound.
const ReservedPrefix = "__pwbconf_"

// unary reports whether t can be a unary operator.
func (s *scanner) unary(t *token) bool {
	switch t.kind {
	case tOp:
		c := s.text[t.start]
		return t.end-t.start == 1 && (c == '-' || c == '+' || c == '~')
	case tName:
		return s.text1(t) == "not"
	}
	return false
}

func (s *scanner) mismatch(open, close int) error {
	ol, _ := s.src.pos(open)
	cl, _ := s.src.pos(close)
	if ol != cl {
		return s.src.errorf(close,
			"closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
			s.text[close], s.text[open], ol)
	}
	return s.src.errorf(close, "closing parenthesis '%c' does not match opening parenthesis '%c'",
		s.text[close], s.text[open])
}

// indentation reads the leading white space of a physical line that may
// start a logical line. It reports whether the line holds no token, and
// checks the indentation against the open levels as CPython does.
func (s *scanner) indentation(i int) (next int, blank bool, err error) {
	text := s.text
	var in indent
	j := i
	for ; j < len(text); j++ {
		switch text[j] {
		case ' ':
			in.col++
			in.alt++
			continue
		case '\t':
			in.col = (in.col/8 + 1) * 8
			in.alt++
			continue
		case '\f':
			in = indent{}
			continue
		}
		break
	}
	if j >= len(text) || text[j] == '\n' || text[j] == '#' {
		return j, true, nil
	}
	if text[j] == '\\' && j+1 < len(text) && text[j+1] == '\n' {
		return j, true, nil
	}
	top := s.indent[len(s.indent)-1]
	switch {
	case in.col == top.col:
		if in.alt != top.alt {
			return 0, false, s.src.errorf(j, "inconsistent use of tabs and spaces in indentation")
		}
	case in.col > top.col:
		if in.alt <= top.alt {
			return 0, false, s.src.errorf(j, "inconsistent use of tabs and spaces in indentation")
		}
		s.indent = append(s.indent, in)
	default:
		for len(s.indent) > 1 && in.col < s.indent[len(s.indent)-1].col {
			s.indent = s.indent[:len(s.indent)-1]
		}
		top = s.indent[len(s.indent)-1]
		if in.col != top.col {
			return 0, false, s.src.errorf(j, "unindent does not match any outer indentation level")
		}
		if in.alt != top.alt {
			return 0, false, s.src.errorf(j, "inconsistent use of tabs and spaces in indentation")
		}
	}
	return j, false, nil
}

// endsField reports whether text[i] ends an f-string expression when no
// bracket is open: '}', ':', '!' other than "!=", '=' other than "==".
func endsField(text string, i int) bool {
	switch text[i] {
	case '}', ':':
		return true
	case '!', '=':
		return i+1 >= len(text) || text[i+1] != '='
	}
	return false
}

// number scans a numeric literal, checking underscores as CPython does.
func (s *scanner) number(i int) (token, error) {
	text := s.text
	start := i
	digits := func(ok func(byte) bool, what string) error {
		if i >= len(text) || !ok(text[i]) {
			return s.src.errorf(i, "invalid %s literal", what)
		}
		for i < len(text) {
			switch {
			case ok(text[i]):
				i++
			case text[i] == '_' && i+1 < len(text) && ok(text[i+1]):
				i += 2
			case text[i] == '_':
				return s.src.errorf(i, "invalid %s literal", what)
			default:
				return nil
			}
		}
		return nil
	}
	if text[i] == '0' && i+1 < len(text) && strings.IndexByte("xXoObB", text[i+1]) >= 0 {
		ok, what := isHex, "hexadecimal"
		switch text[i+1] {
		case 'o', 'O':
			ok, what = isOct, "octal"
		case 'b', 'B':
			ok, what = isBin, "binary"
		}
		i += 2
		if i < len(text) && text[i] == '_' {
			i++
		}
		if err := digits(ok, what); err != nil {
			return token{}, err
		}
		return token{kind: tNumber, start: start, end: i}, nil
	}
	plainInt := true
	if text[i] != '.' {
		if err := digits(isDigit, "decimal"); err != nil {
			return token{}, err
		}
	}
	if i < len(text) && text[i] == '.' {
		plainInt = false
		i++
		if i < len(text) && isDigit(text[i]) {
			if err := digits(isDigit, "decimal"); err != nil {
				return token{}, err
			}
		}
	}
	if i < len(text) && (text[i] == 'e' || text[i] == 'E') {
		j := i + 1
		if j < len(text) && (text[j] == '+' || text[j] == '-') {
			j++
		}
		if j < len(text) && isDigit(text[j]) {
			plainInt = false
			i = j
			if err := digits(isDigit, "decimal"); err != nil {
				return token{}, err
			}
		}
	}
	if i < len(text) && (text[i] == 'j' || text[i] == 'J') {
		plainInt = false
		i++
	}
	if plainInt && text[start] == '0' && strings.Trim(text[start:i], "0_") != "" {
		return token{}, s.src.errorf(start, "leading zeros in decimal integer literals "+
			"are not permitted; use an 0o prefix for octal integers")
	}
	if n := i - start - strings.Count(text[start:i], "_"); plainInt && n > maxIntDigits {
		return token{}, s.src.errorf(start, "Exceeds the limit (%d digits) for integer string "+
			"conversion: value has %d digits; use sys.set_int_max_str_digits() to increase "+
			"the limit - Consider hexadecimal for huge integer literals to avoid decimal "+
			"conversion limits.", maxIntDigits, n)
	}
	return token{kind: tNumber, start: start, end: i}, nil
}

// str scans a string literal whose prefix starts at start and whose
// opening quote is at q.
func (s *scanner) str(start, q int) (token, error) {
	prefix := strings.ToLower(s.text[start:q])
	if strings.Contains(prefix, "f") {
		return s.fstr(start, q, strings.Contains(prefix, "r"))
	}
	quote, body := quoteAt(s.text, q)
	i := body
	bytesLit := strings.Contains(prefix, "b")
	for {
		if i >= len(s.text) {
			return token{}, s.unterminated(start, quote)
		}
		c := s.text[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '\n' && len(quote) == 1:
			return token{}, s.unterminated(start, quote)
		case c == quote[0] && strings.HasPrefix(s.text[i:], quote):
			return token{kind: tString, start: start, end: i + len(quote)}, nil
		case c >= utf8.RuneSelf && bytesLit:
			return token{}, s.src.errorf(start, "bytes can only contain ASCII literal characters")
		}
		i++
	}
}

func (s *scanner) unterminated(start int, quote string) error {
	last, _ := s.src.pos(len(s.text))
	if strings.HasSuffix(s.text, "\n") {
		last--
	}
	if len(quote) == 3 {
		return s.src.errorf(start,
			"unterminated triple-quoted string literal (detected at line %d)", last)
	}
	line, _ := s.src.pos(start)
	return s.src.errorf(start, "unterminated string literal (detected at line %d)", line)
}

// quoteAt returns the quote that opens a string at q and where its body
// starts.
func quoteAt(text string, q int) (quote string, body int) {
	if strings.HasPrefix(text[q:], `"""`) || strings.HasPrefix(text[q:], `'''`) {
		return text[q : q+3], q + 3
	}
	return text[q : q+1], q + 1
}

func isPrefix(p string) bool {
	switch strings.ToLower(p) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

func identEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIIWord(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		cont := unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc)
		if !cont && !isIdentStart(text[i:]) {
			return i
		}
		i += n
	}
	return i
}

// isIdentStart accepts the letters gpython accepts at the start of a name.
func isIdentStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

// opLen returns the length of the operator at the start of s.
func opLen(s string) int {
	for n := 3; n >= 2; n-- {
		if len(s) >= n && operators[s[:n]] {
			return n
		}
	}
	return 1
}

var operators = map[string]bool{
	"**=": true, "//=": true, ">>=": true, "<<=": true, "...": true,
	"!=": true, "%=": true, "&=": true, "**": true, "*=": true, "+=": true, "-=": true,
	"->": true, "//": true, "/=": true, "<<": true, "<=": true, "==": true, ">=": true,
	">>": true, "^=": true, "|=": true, ":=": true, "@=": true, "<>": true,
}

func closerOf(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isOct(c byte) bool   { return '0' <= c && c <= '7' }
func isBin(c byte) bool   { return c == '0' || c == '1' }
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
