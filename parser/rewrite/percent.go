package rewrite

// gpython formats `str % values` with Go's fmt, so the rewrite hands the
// left operand of every % to __pwbconf_fmt__, which gives strings back as
// a value that formats the way CPython does and everything else back as
// it is:
//
//	'*.%s.org' % d   ->  __pwbconf_fmt__('*.%s.org') % d
//	a * b % c        ->  __pwbconf_fmt__(a * b) % c
//
// The left operand is the run of tokens that binds tighter than %: a
// primary with its trailers, powers, unary signs and other * / // % @
// operands. s %= v on a plain name becomes s = __pwbconf_fmt__(s) % (v);
// %= on an attribute or a subscript still formats with gpython's Go fmt.

// percents wraps the left operand of each % in toks and in the fields of
// its f-strings. It runs after every other edit of the line, so that the
// call it adds sits innermost.
func (w *writer) percents(toks []token) {
	for k := range toks {
		t := &toks[k]
		if t.kind == tFString {
			w.fieldPercents(t.fs.parts)
			continue
		}
		if k == 0 || t.blank || !w.isOp(t, "%") {
			continue
		}
		start := w.termStart(toks, k-1)
		if start < 0 || start == k-1 && toks[start].kind == tNumber {
			continue
		}
		if blankIn(toks[start:k]) {
			continue
		}
		toks[start].edit().before += fmtCall + "("
		last := toks[k-1].edit()
		last.after = ")" + last.after
	}
}

func (w *writer) fieldPercents(parts []fpart) {
	for _, p := range parts {
		if p.field != nil {
			w.percents(p.field.expr)
			w.fieldPercents(p.field.spec)
		}
	}
}

func blankIn(toks []token) bool {
	for k := range toks {
		if toks[k].blank {
			return true
		}
	}
	return false
}

// augmentedPercent turns `name %= value` into `name = __pwbconf_fmt__(name)
// % (value)`, keeping every original token where it was.
func (w *writer) augmentedPercent(toks []token) {
	if len(toks) < 3 || toks[0].kind != tName || w.isKeyword(&toks[0]) || !w.isOp(&toks[1], "%=") {
		return
	}
	op := toks[1].edit()
	op.repl, op.hasRepl = "=", true
	op.after = " " + fmtCall + "(" + w.tokText(&toks[0]) + ") % (" + op.after
	last := toks[len(toks)-1].edit()
	last.after += ")"
}

// termStart returns the index of the first token of the left operand of a
// % whose last token is toks[end], or -1 when there is none to wrap.
func (w *writer) termStart(toks []token, end int) int {
	k := w.primaryStart(toks, end)
	for k > 0 {
		p := &toks[k-1]
		switch {
		case p.kind != tOp:
			return k
		case unary[w.tokText(p)] && (k == 1 || !w.endsOperand(&toks[k-2])):
			k--
		case tighter[w.tokText(p)] && k >= 2:
			if k = w.primaryStart(toks, k-2); k < 0 {
				return -1
			}
		default:
			return k
		}
	}
	return k
}

// primaryStart returns the index of the first token of the primary, an
// atom with its trailers, ending at toks[end], or -1.
func (w *writer) primaryStart(toks []token, k int) int {
	for {
		t := &toks[k]
		switch {
		case w.isCloser(t):
			if k = w.opening(toks, k); k < 0 {
				return -1
			}
		case !w.endsOperand(t):
			return -1
		}
		if k == 0 {
			return 0
		}
		p, t := &toks[k-1], &toks[k]
		switch {
		case w.isOp(p, ".") && k >= 2:
			k -= 2
		case (w.isOp(t, "(") || w.isOp(t, "[")) && w.endsOperand(p):
			k-- // a call or a subscript
		case isString(t) && isString(p):
			k-- // adjacent literals
		default:
			return k
		}
	}
}

// endsOperand reports whether t can be the last token of an operand.
func (w *writer) endsOperand(t *token) bool {
	switch t.kind {
	case tNumber, tString, tFString:
		return true
	case tName:
		text := w.tokText(t)
		return !keywords[text] || text == "True" || text == "False" || text == "None"
	}
	return w.isCloser(t)
}

func (w *writer) isCloser(t *token) bool {
	return w.isOp(t, ")") || w.isOp(t, "]") || w.isOp(t, "}")
}

// opening returns the index of the bracket that toks[k] closes, or -1.
func (w *writer) opening(toks []token, k int) int {
	depth := 0
	for ; k >= 0; k-- {
		if toks[k].kind != tOp {
			continue
		}
		switch w.tokText(&toks[k]) {
		case ")", "]", "}":
			depth++
		case "(", "[", "{":
			if depth--; depth == 0 {
				return k
			}
		}
	}
	return -1
}

func isString(t *token) bool { return t.kind == tString || t.kind == tFString }

// unary are the operators that are unary where no operand precedes them;
// tighter are the binary operators that bind at least as tightly as %.
var (
	unary   = map[string]bool{"-": true, "+": true, "~": true}
	tighter = map[string]bool{"*": true, "/": true, "//": true, "%": true, "@": true, "**": true}
)
