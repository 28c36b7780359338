package rewrite

import (
	"strconv"
	"strings"
)

// group writes adjacent string literals holding f-strings as a sum of
// str.format calls, one per f-string and per line of it, so that every
// field expression stays on its line:
//
//	'a' f'{x!r}'  ->  ('a' + '{0!r}'.format((x)))
func (w *writer) group(toks []token) {
	first, last := &toks[0], &toks[len(toks)-1]
	w.b.insert(first.before(), first.start)
	w.b.insert("(", first.start)
	for k := range toks {
		t := &toks[k]
		if k > 0 {
			w.gap(toks[k-1].end, t.start, false)
			w.b.insert("+ ", t.start)
		}
		if t.kind == tFString {
			w.fPiece(t)
			continue
		}
		if p := w.text[t.start:t.end]; strings.ContainsAny(p[:strings.IndexAny(p, `'"`)], "bB") {
			w.fail(t.start, "cannot mix bytes and nonbytes literals")
		}
		w.traceAt(t.start)
		w.b.copy(t.start, t.end)
	}
	w.b.insert(")", last.start)
	w.b.insert(last.after(), last.start)
}

// fPiece writes one f-string as str.format calls.
func (w *writer) fPiece(t *token) {
	fs := t.fs
	for i := t.start; i < fs.quoteAt; i++ {
		if c := w.text[i]; c != 'f' && c != 'F' {
			w.b.copy(i, i+1)
		}
	}
	w.traceAt(fs.quoteAt)
	w.b.copy(fs.quoteAt, fs.quoteAt+len(fs.quote))
	var fields []*field
	w.parts(fs, fs.parts, &fields, true)
	w.b.copy(fs.bodyEnd, t.end)
	w.format(fields, fs.bodyEnd)
}

// format writes the .format call that fills fields.
func (w *writer) format(fields []*field, at int) {
	w.b.insert(".format(", at)
	for i, f := range fields {
		if i > 0 {
			w.b.insert(", ", f.exprStart)
		}
		w.b.insert("(", f.exprStart)
		w.emit(f.expr, f.exprStart, f.exprEnd)
		w.b.insert(")", f.exprEnd)
	}
	w.b.insert(")", at)
}

// parts writes literal text and fields as a str.format template. The
// fields are numbered within the current .format call.
func (w *writer) parts(fs *fstring, parts []fpart, fields *[]*field, top bool) {
	for _, p := range parts {
		if p.field == nil {
			if top {
				w.literal(fs, p.start, p.end, fields)
			} else {
				w.b.copy(p.start, p.end)
			}
			continue
		}
		f := p.field
		if f.debugEnd > 0 {
			w.debugText(fs, f, fields)
		}
		n := len(*fields)
		*fields = append(*fields, f)
		w.b.copy(p.start, p.start+1)
		w.b.insert(strconv.Itoa(n), f.exprStart)
		switch {
		case f.conv >= 0:
			w.b.copy(f.conv, f.conv+2)
		case f.debugEnd > 0 && f.colon < 0:
			w.b.insert("!r", f.exprStart)
		}
		if f.colon >= 0 {
			w.b.copy(f.colon, f.colon+1)
			w.parts(fs, f.spec, fields, false)
		}
		w.b.copy(f.close, f.close+1)
	}
}

// literal writes literal f-string text. Its {{ and }} already mean what
// str.format needs, but the braces of a \N{...} escape must be doubled
// because gpython leaves that escape undecoded. At each line break the
// string is closed and continued so the fields before it are filled on
// their own line.
func (w *writer) literal(fs *fstring, start, end int, fields *[]*field) {
	text := w.text
	from := start
	for i := start; i < end; i++ {
		switch text[i] {
		case '\\':
			k := -1
			if !fs.raw && i+2 < end && text[i+1] == 'N' && text[i+2] == '{' {
				k = strings.IndexByte(text[i:end], '}')
			}
			switch {
			case k > 0:
				w.b.copy(from, i+3)
				w.b.insert("{", i+2)
				w.b.copy(i+3, i+k+1)
				w.b.insert("}", i+k)
				from = i + k + 1
				i += k
			case i+1 < end && text[i+1] == '\n':
				w.b.copy(from, i)
				from = i
				w.split(fs, fields, i)
				i++
			default:
				i++
			}
		case '\n':
			if text[i-1] == fs.quote[0] && !escaped(text, i-1) {
				continue // closing the string here would end it early
			}
			w.b.copy(from, i)
			from = i
			w.split(fs, fields, i)
		}
	}
	w.b.copy(from, end)
}

// split closes the f-string being written at the original offset at,
// fills its fields, and opens a new string with the same prefix.
func (w *writer) split(fs *fstring, fields *[]*field, at int) {
	w.b.insert(fs.quote, at)
	w.format(*fields, at)
	*fields = nil
	w.b.insert(" + "+fs.prefix+fs.quote, at)
}

// escaped reports whether text[i] follows an odd run of backslashes.
func escaped(text string, i int) bool {
	n := 0
	for i-1-n >= 0 && text[i-1-n] == '\\' {
		n++
	}
	return n%2 == 1
}

// debugText writes the "expr=" text of a {expr=} field as literal
// template text, escaped for the string it now lives in. A line break
// inside the expression is written by the expression in the format call,
// so in the template it is only an escape; one after the expression is
// kept as a line break, with a line continuation. A raw string can hold
// neither, so there the string is closed and a '\n' added to the sum.
func (w *writer) debugText(fs *fstring, f *field, fields *[]*field) {
	start := f.exprStart
	var sb strings.Builder
	for i, r := range w.text[start:f.debugEnd] {
		carried := start+i < f.exprEnd
		switch {
		case r == '\n' && fs.raw:
			w.b.insert(sb.String(), start)
			sb.Reset()
			w.b.insert(fs.quote, start)
			w.format(*fields, start)
			*fields = nil
			w.b.insert(` + '\n'`, start)
			if !carried {
				w.b.newline()
			}
			w.b.insert(" + "+fs.prefix+fs.quote, start)
		case r == '\n':
			sb.WriteString(`\n`)
			if !carried {
				w.b.insert(sb.String()+`\`, start)
				sb.Reset()
				w.b.newline()
			}
		case r == '{' || r == '}':
			sb.WriteRune(r)
			sb.WriteRune(r)
		case fs.raw:
			sb.WriteRune(r)
		case r == '\\':
			sb.WriteString(`\\`)
		case r == rune(fs.quote[0]):
			sb.WriteByte('\\')
			sb.WriteRune(r)
		default:
			sb.WriteRune(r)
		}
	}
	w.b.insert(sb.String(), start)
}
