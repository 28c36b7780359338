package rewrite

import "strings"

// fstring is the inside of an f-string token.
type fstring struct {
	quoteAt int    // offset of the opening quote; the prefix comes before
	quote   string // ', ", ''' or """
	prefix  string // the prefix without its f
	bodyEnd int    // offset of the closing quote
	raw     bool
	parts   []fpart
}

// fpart is a run of literal text or a replacement field.
type fpart struct {
	start, end int
	field      *field
}

// field is one {expr=!c:spec} replacement field.
type field struct {
	exprStart, exprEnd int
	expr               []token
	debugEnd           int // end of the "expr=" text shown by {expr=}; 0 without '='
	conv               int // offset of '!', or -1
	colon              int // offset of ':', or -1
	spec               []fpart
	close              int // offset of '}'
}

// fstr scans an f-string starting at start with its opening quote at q.
// Expressions in fields are scanned as code, as Python 3.12 does, which
// accepts everything earlier versions accept.
func (s *scanner) fstr(start, q int, raw bool) (token, error) {
	if s.nest >= maxNesting/4 {
		return token{}, s.src.errorf(start, "too many nested f-strings")
	}
	s.nest++
	defer func() { s.nest-- }()
	quote, body := quoteAt(s.text, q)
	prefix := strings.Map(func(r rune) rune {
		if r == 'f' || r == 'F' {
			return -1
		}
		return r
	}, s.text[start:q])
	fs := &fstring{quoteAt: q, quote: quote, prefix: prefix, raw: raw}
	parts, end, err := s.fparts(body, fs, start, 0)
	if err != nil {
		return token{}, err
	}
	fs.parts, fs.bodyEnd = parts, end
	return token{kind: tFString, start: start, end: end + len(quote), fs: fs}, nil
}

// fparts scans literal text and fields from i. In the string body
// (spec == 0) it stops at the closing quote; in a format spec it stops at
// the '}' that closes the field.
func (s *scanner) fparts(i int, fs *fstring, start, spec int) ([]fpart, int, error) {
	text := s.text
	var parts []fpart
	lit := i
	flush := func(to int) {
		if to > lit {
			parts = append(parts, fpart{start: lit, end: to})
		}
	}
	for {
		if i >= len(text) {
			return nil, 0, s.unterminated(start, fs.quote)
		}
		c := text[i]
		switch {
		case c == '\\':
			i = s.escapeEnd(i, fs.raw)
			continue
		case c == '\n' && len(fs.quote) == 1:
			return nil, 0, s.unterminated(start, fs.quote)
		case c == fs.quote[0] && strings.HasPrefix(text[i:], fs.quote):
			if spec > 0 {
				return nil, 0, s.src.errorf(i, "f-string: expecting '}'")
			}
			flush(i)
			return parts, i, nil
		case c == '{' && spec == 0 && i+1 < len(text) && text[i+1] == '{':
			i += 2
			continue
		case c == '{':
			flush(i)
			f, j, err := s.field(i, fs, start, spec)
			if err != nil {
				return nil, 0, err
			}
			parts = append(parts, fpart{start: i, end: j, field: f})
			i, lit = j, j
			continue
		case c == '}' && spec > 0:
			flush(i)
			return parts, i, nil
		case c == '}' && i+1 < len(text) && text[i+1] == '}':
			i += 2
			continue
		case c == '}':
			return nil, 0, s.src.errorf(i, "f-string: single '}' is not allowed")
		}
		i++
	}
}

// escapeEnd skips the escape sequence at text[i] == '\\'. A brace after
// the backslash still opens or closes a field; \N{...} names a character.
func (s *scanner) escapeEnd(i int, raw bool) int {
	text := s.text
	if i+1 >= len(text) || text[i+1] == '{' || text[i+1] == '}' {
		return i + 1
	}
	if !raw && text[i+1] == 'N' && i+2 < len(text) && text[i+2] == '{' {
		if k := strings.IndexAny(text[i+3:], "}\n"); k >= 0 && text[i+3+k] == '}' {
			return i + 3 + k + 1
		}
	}
	return i + 2
}

// field scans the replacement field whose '{' is at i and returns the
// offset after its '}'.
func (s *scanner) field(i int, fs *fstring, start, spec int) (*field, int, error) {
	text := s.text
	if spec >= 2 {
		return nil, 0, s.src.errorf(i, "f-string: expressions nested too deeply")
	}
	toks, j, err := s.scan(i+1, true, 2)
	if err == errFieldEOF {
		return nil, 0, s.unterminated(start, fs.quote)
	}
	if err != nil {
		return nil, 0, err
	}
	if len(toks) == 0 {
		return nil, 0, s.src.errorf(j, "f-string: valid expression required before '%c'", text[j])
	}
	f := &field{exprStart: i + 1, exprEnd: j, expr: toks, conv: -1, colon: -1}
	if text[j] == '=' {
		j++
		for j < len(text) && strings.IndexByte(" \t\f", text[j]) >= 0 {
			j++
		}
		f.debugEnd = j
	}
	if j < len(text) && text[j] == '!' {
		if j+1 >= len(text) || strings.IndexByte("rsa", text[j+1]) < 0 {
			return nil, 0, s.src.errorf(j+1,
				"f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		f.conv = j
		j += 2
	}
	if j < len(text) && text[j] == ':' {
		f.colon = j
		f.spec, j, err = s.fparts(j+1, fs, start, spec+1)
		if err != nil {
			return nil, 0, err
		}
	}
	if j >= len(text) || text[j] != '}' {
		if j < len(text) && strings.HasPrefix(text[j:], fs.quote) || j >= len(text) {
			return nil, 0, s.unterminated(start, fs.quote)
		}
		return nil, 0, s.src.errorf(j, "f-string: expecting '}'")
	}
	f.close = j
	return f, j + 1, nil
}
