package rewrite

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// SyntaxError is a problem found while reading the tokens of a file.
// Line and Col point into the original file, are 1-based, and Col counts
// characters.
type SyntaxError struct {
	Line, Col int
	Msg       string
	// Reserved is set when the file is valid Python but names one of the
	// evaluator's own hooks (see ReservedPrefix), which it is not let do.
	Reserved bool
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// source is the decoded text of a file with LF line endings. Its lines and
// character columns are those of the original file.
type source struct {
	text   string
	starts []int  // byte offset of each line start
	ascii  []bool // whether each line holds only ASCII
	// last is the index of the line pos found last: the rewrite asks
	// about offsets mostly in order, so that line or the next is likely.
	last int
}

// decode turns raw file bytes into text the way CPython's compile() reads
// bytes: BOM, coding declaration, universal newlines.
func decode(raw []byte) (*source, error) {
	bom := len(raw) >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
	if bom {
		raw = raw[3:]
	}
	enc, err := codingOf(raw, bom)
	if err != nil {
		return nil, err
	}
	if err := checkBytes(raw, enc); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\r':
			b.WriteByte('\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case c < utf8.RuneSelf || enc == "utf-8":
			b.WriteByte(c)
		case enc == "cp1252" && c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return newSource(b.String()), nil
}

func newSource(text string) *source {
	n := strings.Count(text, "\n") + 1
	s := &source{text: text, starts: make([]int, 1, n), ascii: make([]bool, 0, n)}
	ascii := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			ascii = false
		}
		if c == '\n' {
			s.ascii = append(s.ascii, ascii)
			s.starts = append(s.starts, i+1)
			ascii = true
		}
	}
	s.ascii = append(s.ascii, ascii)
	return s
}

// pos returns the 1-based line and character column of a byte offset.
func (s *source) pos(off int) (line, col int) {
	lo := s.lineOf(off)
	if s.ascii[lo] {
		return lo + 1, off - s.starts[lo] + 1
	}
	return lo + 1, utf8.RuneCountInString(s.text[s.starts[lo]:off]) + 1
}

// lineOf returns the index of the line holding the byte offset off.
func (s *source) lineOf(off int) int {
	for _, i := range [2]int{s.last, s.last + 1} {
		if i < len(s.starts) && s.starts[i] <= off &&
			(i+1 == len(s.starts) || off < s.starts[i+1]) {
			s.last = i
			return i
		}
	}
	lo, hi := 0, len(s.starts)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if s.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	s.last = lo
	return lo
}

func (s *source) errorf(off int, format string, args ...any) *SyntaxError {
	line, col := s.pos(off)
	return &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// codingOf finds the PEP 263 declaration in the first two lines and
// returns the encoding the rest of the package understands.
func codingOf(raw []byte, bom bool) (string, error) {
	line1, rest := cutLine(raw)
	name := cookie(line1)
	if name == "" && isBlankOrComment(line1) {
		line2, _ := cutLine(rest)
		name = cookie(line2)
	}
	if name == "" {
		return "utf-8", nil
	}
	enc := normEncoding(name)
	switch {
	case bom && enc != "utf-8":
		msg := fmt.Sprintf("encoding problem: %s with BOM", name)
		return "", &SyntaxError{Line: 1, Col: 1, Msg: msg}
	case enc == "":
		return "", &SyntaxError{Line: 1, Col: 1,
			Msg: fmt.Sprintf("source encoding %q is not supported; save the file as UTF-8", name)}
	}
	return enc, nil
}

func cutLine(b []byte) (line, rest []byte) {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return b[:i], b[i+1:]
		}
	}
	return b, nil
}

func isBlankOrComment(line []byte) bool {
	for _, c := range line {
		switch c {
		case ' ', '\t', '\f':
		case '#':
			return true
		default:
			return false
		}
	}
	return true
}

// cookie returns the encoding named by a `coding[:=]` comment line.
func cookie(line []byte) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f') {
		i++
	}
	if i == len(line) || line[i] != '#' {
		return ""
	}
	s := string(line[i:])
	for {
		k := strings.Index(s, "coding")
		if k < 0 || k+6 >= len(s) {
			return ""
		}
		s = s[k+6:]
		if s[0] != ':' && s[0] != '=' {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t")
		n := 0
		for n < len(s) && (isASCIIWord(s[n]) || s[n] == '-' || s[n] == '.') {
			n++
		}
		if n == 0 {
			continue
		}
		return s[:n]
	}
}

func isASCIIWord(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// normEncoding maps the encoding names CPython knows for the encodings
// handled here to one spelling, and others to "".
func normEncoding(name string) string {
	n := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	switch {
	case n == "utf-8" || n == "utf8" || strings.HasPrefix(n, "utf-8-"):
		return "utf-8"
	case n == "ascii" || n == "us-ascii" || n == "646":
		return "utf-8" // checked as UTF-8: ASCII is a subset
	case n == "latin-1" || n == "latin1" || n == "l1" || n == "iso-8859-1" ||
		n == "iso8859-1" || n == "iso-latin-1" || n == "8859" || n == "cp819" ||
		strings.HasPrefix(n, "latin-1-") || strings.HasPrefix(n, "iso-8859-1-"):
		return "latin-1"
	case n == "cp1252" || n == "windows-1252":
		return "cp1252"
	}
	return ""
}

// checkBytes reports the first byte CPython would refuse: a NUL anywhere,
// an invalid UTF-8 sequence, or a cp1252 byte with no character.
func checkBytes(raw []byte, enc string) error {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == 0 {
			return errorAtByte(raw, i, "source code cannot contain null bytes")
		}
		if c < utf8.RuneSelf || enc == "latin-1" {
			i++
			continue
		}
		if enc == "cp1252" {
			if c < 0xA0 && cp1252[c-0x80] == utf8.RuneError {
				return errorAtByte(raw, i, fmt.Sprintf("byte 0x%02x has no character in cp1252", c))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			return errorAtByte(raw, i,
				fmt.Sprintf("invalid UTF-8 byte 0x%02x; save the file as UTF-8 "+
					"or declare its encoding", c))
		}
		i += n
	}
	return nil
}

// errorAtByte locates raw[off] before decoding; bytes before off are valid.
func errorAtByte(raw []byte, off int, msg string) *SyntaxError {
	line, col := 1, 1
	for i := 0; i < off; {
		switch c := raw[i]; {
		case c == '\n' || c == '\r' && (i+1 >= len(raw) || raw[i+1] != '\n'):
			line, col = line+1, 1
			i++
		case c < utf8.RuneSelf:
			col++
			i++
		default:
			_, n := utf8.DecodeRune(raw[i:off])
			col++
			i += n
		}
	}
	return &SyntaxError{Line: line, Col: col, Msg: msg}
}

// cp1252 holds the characters of bytes 0x80 to 0x9F in Windows-1252;
// utf8.RuneError marks the five bytes that have none.
var cp1252 = [32]rune{
	'€', utf8.RuneError, '‚', 'ƒ', '„', '…', '†', '‡',
	'ˆ', '‰', 'Š', '‹', 'Œ', utf8.RuneError, 'Ž', utf8.RuneError,
	utf8.RuneError, '‘', '’', '“', '”', '•', '–', '—',
	'˜', '™', 'š', '›', 'œ', utf8.RuneError, 'ž', 'Ÿ',
}
