package rewrite

import (
	"cmp"
	"slices"
)

// The rewrite hands the left operand of some binary operators to a hook
// whose result stands in for it in that one operation:
//
//	'*.%s.org' % d   ->  __pwbconf_fmt__('*.%s.org') % d
//	'x' * n          ->  __pwbconf_size__('x') * n
//	a * b % c        ->  __pwbconf_fmt__(__pwbconf_size__(a) * b) % c
//	d | e            ->  __pwbconf_or__(d) | e
//
// gpython formats `str % values` with Go's fmt, so __pwbconf_fmt__ gives a
// str back as a value that formats the way CPython does. *, **, << and +
// can build a value of gigabytes in one step of the interpreter, which no
// statement hook interrupts (x = x + x doubles a string each pass), so
// __pwbconf_size__ gives back a value that checks the size of the result
// before it is built.
//
// The left operand is the run of tokens that binds tighter than the
// operator: for % and *, a primary with its trailers, powers, unary signs
// and other * / // % @ operands; for **, the primary alone; for <<, also
// + and - operands. An augmented assignment to a plain name is rewritten
// too: s %= v becomes s = __pwbconf_fmt__(s) % (v), and s *= n becomes
// s *= __pwbconf_grow__('*', s, (n)), which checks and gives n back, so
// that a list still grows in place. __pwbconf_or__ gives the merge of two
// dicts (Python 3.9), which gpython's dict lacks; d |= e becomes
// d |= __pwbconf_ior__(d, (e)), which updates d in place. __pwbconf_eq__
// makes == and != compare identity first, as CPython does. An augmented
// assignment to an attribute or a subscript is left as it is.

// operator is how the rewrite treats the left operand of one operator.
type operator struct {
	call string
	// tighter are the binary operators whose operands the left operand
	// takes in; unary says whether it takes in unary signs.
	tighter map[string]bool
	unary   bool
	// numbers says whether a lone number is wrapped.
	numbers bool
}

var (
	multiplicative = map[string]bool{"*": true, "/": true, "//": true, "%": true, "@": true, "**": true}
	additive       = map[string]bool{"*": true, "/": true, "//": true, "%": true, "@": true,
		"**": true, "+": true, "-": true}
	bitwise = map[string]bool{"*": true, "/": true, "//": true, "%": true, "@": true,
		"**": true, "+": true, "-": true, "<<": true, ">>": true, "&": true, "^": true, "|": true}
	wrapped = map[string]operator{
		"%":  {call: fmtCall, tighter: multiplicative, unary: true},
		"*":  {call: sizeCall, tighter: multiplicative, unary: true, numbers: true},
		"+":  {call: sizeCall, tighter: additive, unary: true},
		"**": {call: sizeCall, numbers: true},
		"<<": {call: sizeCall, tighter: additive, unary: true, numbers: true},
		"|":  {call: orCall, tighter: bitwise, unary: true},
		"==": {call: eqCall, tighter: bitwise, unary: true},
		"!=": {call: eqCall, tighter: bitwise, unary: true},
	}
	// augmented are the augmented assignments rewritten on plain names.
	augmented = map[string]bool{"%=": true, "*=": true, "**=": true, "<<=": true, "|=": true, "+=": true}
)

// wrapping is a left operand to hand to call, from first to last.
type wrapping struct {
	first, last *token
	call        string
}

// operands wraps the left operand of each operator in toks and in the
// fields of its f-strings. It runs after every other edit of the line, so
// that the calls it adds sit innermost.
func (w *writer) operands(toks []token) {
	var ws []wrapping
	w.findOperands(toks, &ws)
	// Of two operands that start at one token the longer one holds the
	// other, so its call must come first.
	slices.SortStableFunc(ws, func(a, b wrapping) int {
		if c := cmp.Compare(a.first.start, b.first.start); c != 0 {
			return c
		}
		return cmp.Compare(b.last.end, a.last.end)
	})
	for _, wr := range ws {
		wr.first.edit().before += wr.call + "("
		last := wr.last.edit()
		last.after = ")" + last.after
	}
}

func (w *writer) findOperands(toks []token, ws *[]wrapping) {
	for k := range toks {
		t := &toks[k]
		if t.kind == tFString {
			w.fieldOperands(t.fs.parts, ws)
			continue
		}
		if k == 0 || t.blank || t.kind != tOp {
			continue
		}
		op, ok := wrapped[w.tokText(t)]
		if !ok {
			continue
		}
		start := w.termStart(toks, k-1, op)
		if start < 0 || start == k-1 && toks[start].kind == tNumber && !op.numbers {
			continue
		}
		if blankIn(toks[start:k]) {
			continue
		}
		*ws = append(*ws, wrapping{first: &toks[start], last: &toks[k-1], call: op.call})
	}
}

func (w *writer) fieldOperands(parts []fpart, ws *[]wrapping) {
	for _, p := range parts {
		if p.field != nil {
			w.findOperands(p.field.expr, ws)
			w.fieldOperands(p.field.spec, ws)
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

// augmentedOperand rewrites `name %= value` into `name = __pwbconf_fmt__(name)
// % (value)` and `name *= value` into `name *= __pwbconf_grow__('*', name,
// (value))`, and so for **= and <<=, and `name |= value` into `name |=
// __pwbconf_ior__(name, (value))`, keeping every original token where it
// was.
func (w *writer) augmentedOperand(toks []token) {
	if len(toks) < 3 || toks[0].kind != tName || w.isKeyword(&toks[0]) || toks[1].kind != tOp ||
		!augmented[w.tokText(&toks[1])] {
		return
	}
	name, opText := w.tokText(&toks[0]), w.tokText(&toks[1])
	op := toks[1].edit()
	switch opText {
	case "%=":
		op.repl, op.hasRepl = "=", true
		op.after = " " + fmtCall + "(" + name + ") % (" + op.after
	case "|=":
		op.after = " " + iorCall + "(" + name + ", (" + op.after
	default:
		op.after = " " + growCall + "('" + opText[:len(opText)-1] + "', " + name + ", (" + op.after
	}
	last := toks[len(toks)-1].edit()
	last.after += ")"
	if opText != "%=" {
		last.after += ")"
	}
}

// termStart returns the index of the first token of the left operand of
// op whose last token is toks[end], or -1 when there is none to wrap.
func (w *writer) termStart(toks []token, end int, op operator) int {
	k := w.primaryStart(toks, end)
	for k > 0 {
		p := &toks[k-1]
		switch {
		case p.kind != tOp:
			return k
		case op.unary && unary[w.tokText(p)] && (k == 1 || !w.endsOperand(&toks[k-2])):
			k--
		case op.tighter[w.tokText(p)] && k >= 2:
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

// unary are the operators that are unary where no operand precedes them.
var unary = map[string]bool{"-": true, "+": true, "~": true}
