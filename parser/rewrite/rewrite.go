package rewrite

import (
	"strconv"
	"strings"
)

// Names of the hooks and of the module that stands in for __future__.
const (
	atHook       = "__pwbconf_at__"
	headerHook   = "__pwbconf_hdr__"
	decoHook     = "__pwbconf_deco__"
	loopHook     = "__pwbconf_loop__"
	defHook      = "__pwbconf_def__"
	fmtCall      = "__pwbconf_fmt__"
	sizeCall     = "__pwbconf_size__"
	growCall     = "__pwbconf_grow__"
	orCall       = "__pwbconf_or__"
	iorCall      = "__pwbconf_ior__"
	eqCall       = "__pwbconf_eq__"
	futureModule = "__pwbconf_future__"
)

// Rewrite turns the source of a user-config.py written for CPython 3.8 to
// 3.13 into source gpython compiles, with statement hooks, keeping every
// token on its line.
func Rewrite(src []byte) (*Result, error) {
	return rewrite(src, nil)
}

// rewrite is Rewrite with a trace called with the byte offset of each
// original token and the line and column where its text starts in Src.
func rewrite(src []byte, trace func(off, line, col int)) (*Result, error) {
	s, err := decode(src)
	if err != nil {
		return nil, err
	}
	sc := &scanner{src: s, text: s.text}
	toks, err := sc.scanFile()
	if err != nil {
		return nil, err
	}
	w := &writer{src: s, text: s.text, b: newBuilder(s), trace: trace, hooks: map[Pos]bool{}}
	pending := ""
	for start := 0; start < len(toks); {
		end := start
		for toks[end].kind != tNewline {
			end++
		}
		if pending, err = w.line(toks[start:end], pending); err != nil {
			return nil, err
		}
		start = end + 1
	}
	w.emit(toks, 0, len(s.text))
	if w.err != nil {
		return nil, w.err
	}
	r := w.b.result()
	r.Futures = w.futures
	r.Binds = w.binds
	r.Headers = w.headers
	r.Hooks = w.hooks
	r.constructs = w.constructs
	return r, nil
}

// writer decides the edits of each logical line, then writes them.
type writer struct {
	src     *source
	text    string
	b       *builder
	futures []Future
	stmts   int // statements seen so far
	// decorated is set from a decorator to the def or class it decorates.
	decorated bool
	code      bool // a statement other than a docstring or future import was seen
	scopes    []scope
	binds     map[Pos][]string
	headers   map[int]int
	hooks     map[Pos]bool
	// constructs are those gpython lacks, in the order of the file.
	constructs []Construct
	err        error
	trace      func(off, line, col int)
	frames     []argFrame // fixArgs's stack, kept from line to line
}

func (w *writer) tokText(t *token) string { return w.text[t.start:t.end] }

func (w *writer) isOp(t *token, op string) bool {
	return t.kind == tOp && w.text[t.start:t.end] == op
}

func (w *writer) isName(t *token, name string) bool {
	return t.kind == tName && w.text[t.start:t.end] == name
}

func (w *writer) isKeyword(t *token) bool {
	return t.kind == tName && keywords[w.tokText(t)]
}

// line plans the edits of one logical line. pending is the loop hook
// call owed to the first statement of a for body; line returns the call
// still owed after this line.
func (w *writer) line(toks []token, pending string) (string, error) {
	w.unsupported(toks)
	w.fixArgs(toks)
	owed, err := w.plan(toks, pending)
	// Last, so that the operand calls nest inside every other insertion.
	w.operands(toks)
	return owed, err
}

func (w *writer) plan(toks []token, pending string) (string, error) {
	first := &toks[0]
	word := w.tokText(first)
	line, col := w.src.pos(first.start)
	w.enterLine(col)
	if first.kind == tOp && word == "@" {
		w.code = true
		w.decorated = true
		w.decorator(toks[1:])
		return pending, nil // the def or class below pays it
	}
	if first.kind == tName && word == "async" {
		w.code = true
		return "", nil
	}
	if first.kind != tName || !headers[word] {
		return "", w.simple(toks, pending)
	}
	w.code = true
	w.stmts++
	colon := w.headerColon(toks)
	if colon < 0 {
		return "", nil // gpython reports the syntax error
	}
	owed := ""
	switch word {
	case "for", "if", "elif", "while", "with":
		if w.headers == nil {
			w.headers = map[int]int{}
		}
		if _, ok := w.headers[line]; !ok {
			w.headers[line] = col
		}
	}
	switch word {
	case "for":
		if in := w.find(toks[:colon], "in"); in > 0 {
			w.wrap(toks[in+1:colon], pending)
		}
		owed = w.hook(loopHook, line, col)
	case "if", "elif", "while":
		// What the condition decides (an unknown value taken as false,
		// say) belongs to this line, not to the statement before.
		call := w.hook(headerHook, line, col)
		if pending != "" {
			call = "(" + pending + ", " + call + ")"
		}
		w.wrap(toks[1:colon], call)
	case "with":
		end := colon
		if k := w.find(toks[:colon], "as", ","); k > 0 {
			end = k
		}
		w.wrap(toks[1:end], pending)
	case "try":
		owed = pending
	case "def":
		w.defHeader(toks[:colon+1], pending)
		w.openScope(col)
	case "class":
		w.classHeader(toks[:colon+1], pending)
		w.openScope(col)
	}
	w.decorated = false
	if colon+1 < len(toks) {
		return "", w.simple(toks[colon+1:], owed)
	}
	return owed, nil
}

// decorator passes a decorator other than a name or a call of a name
// through __pwbconf_deco__, which returns it: gpython compiles `@a.b` as
// the one name "a.b", which no namespace holds, and takes no expression
// there (Python 3.9 takes any). As an argument it is compiled as Python
// compiles it.
func (w *writer) decorator(expr []token) {
	if len(expr) == 0 || expr[0].kind == tName && (len(expr) == 1 ||
		w.isOp(&expr[1], "(") && w.closing(expr, 1) == len(expr)-1) {
		return
	}
	expr[0].edit().before += decoHook + "("
	last := expr[len(expr)-1].edit()
	last.after = ")" + last.after
}

// wrap makes the expression toks call the loop hook before it is
// evaluated; used when a for body starts with a compound statement.
func (w *writer) wrap(toks []token, call string) {
	if call == "" || len(toks) == 0 {
		return
	}
	toks[0].edit().before += "(" + call + ", ("
	last := toks[len(toks)-1].edit()
	last.after = "))[1]" + last.after
}

// headerColon returns the index of the colon that ends a compound
// statement header: the first one outside brackets that no lambda owns.
func (w *writer) headerColon(toks []token) int {
	depth, lambdas := 0, 0
	for k := range toks {
		t := &toks[k]
		switch {
		case t.kind == tName && depth == 0 && w.tokText(t) == "lambda":
			lambdas++
		case t.kind != tOp:
		case strings.Contains("([{", w.tokText(t)):
			depth++
		case strings.Contains(")]}", w.tokText(t)):
			depth--
		case depth == 0 && w.tokText(t) == ":":
			if lambdas == 0 {
				return k
			}
			lambdas--
		}
	}
	return -1
}

// find returns the index of the first token outside brackets spelled as
// one of words, or -1.
func (w *writer) find(toks []token, words ...string) int {
	depth := 0
	for k := range toks {
		t := &toks[k]
		text := w.tokText(t)
		if t.kind == tOp {
			switch text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
		}
		if depth == 0 && (t.kind == tName || t.kind == tOp) {
			for _, word := range words {
				if text == word {
					return k
				}
			}
		}
	}
	return -1
}

// simple plans the statements of a simple statement list separated by
// semicolons; the first one pays the owed loop hook.
func (w *writer) simple(toks []token, owed string) error {
	depth, start := 0, 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) {
			t := &toks[k]
			if t.kind != tOp {
				continue
			}
			switch w.tokText(t) {
			case "(", "[", "{":
				depth++
				continue
			case ")", "]", "}":
				depth--
				continue
			case ";":
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		if k > start {
			if err := w.statement(toks[start:k], owed); err != nil {
				return err
			}
			owed = ""
		}
		start = k + 1
	}
	return nil
}

// statement plans one simple statement: its hook, a future import, an
// annotation to drop.
func (w *writer) statement(toks []token, owed string) error {
	first := &toks[0]
	line, col := w.src.pos(first.start)
	e := first.edit()
	if owed != "" {
		e.before += owed + ";"
	}
	// One concatenation, one allocation.
	e.before += atHook + ".L" + strconv.Itoa(line) + "_" + strconv.Itoa(col) + ";"
	w.hooks[Pos{Line: line, Col: col}] = true
	w.stmts++
	if err := w.future(toks); err != nil {
		return err
	}
	if !(w.stmts == 1 && w.isDocstring(toks)) && !w.isFuture(toks) {
		w.code = true
	}
	w.annotation(toks)
	w.recordBinds(toks, line, col)
	w.augmentedOperand(toks)
	return nil
}

// hook is the source of a hook at a position, which it records.
func (w *writer) hook(hook string, line, col int) string {
	w.hooks[Pos{Line: line, Col: col}] = true
	return hook + ".L" + strconv.Itoa(line) + "_" + strconv.Itoa(col)
}

func (w *writer) isDocstring(toks []token) bool {
	for k := range toks {
		if toks[k].kind != tString && toks[k].kind != tFString {
			return false
		}
	}
	return true
}

func (w *writer) isFuture(toks []token) bool {
	return len(toks) >= 3 && w.isName(&toks[0], "from") && w.isName(&toks[1], "__future__") &&
		w.isName(&toks[2], "import")
}

// features are the names CPython accepts after `from __future__ import`.
var features = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true, "absolute_import": true,
	"with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true,
}

// future renames the module of a future import and records its names,
// with the checks CPython makes at compile time.
func (w *writer) future(toks []token) error {
	if !w.isFuture(toks) {
		return nil
	}
	if w.code {
		return w.src.errorf(toks[0].start,
			"from __future__ imports must occur at the beginning of the file")
	}
	toks[1].edit().repl, toks[1].edit().hasRepl = futureModule, true
	for k := 3; k < len(toks); k++ {
		t := &toks[k]
		switch {
		case w.isOp(t, "(") || w.isOp(t, ")") || w.isOp(t, ","):
			continue
		case w.isName(t, "as"):
			k++
			continue
		}
		name := w.tokText(t)
		switch {
		case name == "braces":
			return w.src.errorf(t.start, "not a chance")
		case !features[name]:
			return w.src.errorf(t.start, "future feature %s is not defined", name)
		}
		line, col := w.src.pos(t.start)
		w.futures = append(w.futures, Future{Name: name, Line: line, Col: col})
	}
	return nil
}

// annotation turns `target: ann = value` into `target = value` and a bare
// `target: ann` into pass, blanking what goes so columns stay.
func (w *writer) annotation(toks []token) {
	if w.isKeyword(&toks[0]) {
		return
	}
	colon := w.find(toks, ":", "=", "lambda")
	if colon <= 0 || !w.isOp(&toks[colon], ":") || !w.isTarget(toks[:colon]) {
		return
	}
	eq := w.find(toks[colon:], "=")
	if eq < 0 {
		toks[0].edit().before += "pass"
		for k := range toks {
			toks[k].blank = true
		}
		return
	}
	for k := colon; k < colon+eq; k++ {
		toks[k].blank = true
	}
}

// isTarget reports whether toks is a single target an annotation may
// follow: a name, or a primary ending in an attribute or a subscript.
func (w *writer) isTarget(toks []token) bool {
	k, call := 0, false
	switch {
	case toks[0].kind == tName && !w.isKeyword(&toks[0]):
		k = 1
	case w.isOp(&toks[0], "("):
		k = w.closing(toks, 0) + 1
	default:
		return false
	}
	for k > 0 && k < len(toks) {
		t := &toks[k]
		switch {
		case w.isOp(t, ".") && k+1 < len(toks) && toks[k+1].kind == tName:
			k, call = k+2, false
		case w.isOp(t, "["):
			k, call = w.closing(toks, k)+1, false
		case w.isOp(t, "("):
			k, call = w.closing(toks, k)+1, true
		default:
			return false
		}
	}
	return k == len(toks) && !call
}

// closing returns the index of the bracket closing toks[open], or -1.
func (w *writer) closing(toks []token, open int) int {
	depth := 0
	for k := open; k < len(toks); k++ {
		if toks[k].kind != tOp {
			continue
		}
		switch w.tokText(&toks[k]) {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// argFrame is an open bracket while fixArgs walks a line.
type argFrame struct {
	args    bool // the parentheses of a call, a def or a class
	def     bool // the parameters of a def
	star    bool // an argument starting with * or ** was seen
	argHead int  // index of the first token of the current argument
}

// fixArgs drops what Python 3.4's grammar refuses in argument and
// parameter lists: a trailing comma after *args or **kwargs, and the /
// marking positional-only parameters.
func (w *writer) fixArgs(toks []token) {
	stack := w.frames[:0]
	for k := range toks {
		t := &toks[k]
		if t.kind != tOp {
			continue
		}
		switch w.tokText(t) {
		case "(":
			f := argFrame{argHead: k + 1}
			if k > 0 {
				p := &toks[k-1]
				f.args = p.kind == tName && !w.isKeyword(p) || p.kind == tString ||
					w.isOp(p, ")") || w.isOp(p, "]")
				f.def = k > 1 && w.isName(&toks[k-2], "def")
			}
			stack = append(stack, f)
		case "[", "{":
			stack = append(stack, argFrame{})
		case ",":
			if n := len(stack); n > 0 && stack[n-1].args {
				w.argEnd(&stack[n-1], toks, k)
			}
		case ")":
			n := len(stack)
			if n == 0 {
				continue
			}
			f := &stack[n-1]
			if f.args {
				w.argEnd(f, toks, k)
				if w.isOp(&toks[k-1], ",") && f.star {
					toks[k-1].blank = true
				}
			}
			stack = stack[:n-1]
		case "]", "}":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	w.frames = stack[:0]
}

// argEnd notes the argument that ends at toks[k], a comma or the closing
// parenthesis.
func (w *writer) argEnd(f *argFrame, toks []token, k int) {
	if f.argHead < k {
		head := &toks[f.argHead]
		if w.isOp(head, "*") || w.isOp(head, "**") {
			f.star = true
		}
		if f.def && f.argHead == k-1 && w.isOp(head, "/") {
			head.blank = true
			if w.isOp(&toks[k], ",") {
				toks[k].blank = true
			}
		}
	}
	f.argHead = k + 1
}

// emit writes toks and the text around them from from to to.
func (w *writer) emit(toks []token, from, to int) {
	prev := from
	for k := 0; k < len(toks); {
		t := &toks[k]
		w.gap(prev, t.start, k > 0 && toks[k-1].blank && t.blank)
		if n := w.stringGroup(toks[k:]); n > 0 {
			w.group(toks[k : k+n])
			prev = toks[k+n-1].end
			k += n
			continue
		}
		w.token(t)
		prev = t.end
		k++
	}
	w.gap(prev, to, false)
}

// stringGroup returns the length of the run of adjacent string literals
// starting toks that holds an f-string, or 0.
func (w *writer) stringGroup(toks []token) int {
	n, f := 0, false
	for n < len(toks) && (toks[n].kind == tString || toks[n].kind == tFString) {
		if toks[n].blank {
			return 0
		}
		f = f || toks[n].kind == tFString
		n++
	}
	if !f {
		return 0
	}
	return n
}

func (w *writer) token(t *token) {
	w.b.insert(t.before(), t.start)
	w.traceAt(t.start)
	switch {
	case t.blank:
		w.b.blank(t.start, t.end)
	case t.ed != nil && t.ed.hasRepl:
		w.b.replace(t.ed.repl, t.start)
	case t.kind == tNumber && strings.Contains(w.tokText(t), "_"):
		w.b.replace(strings.ReplaceAll(w.tokText(t), "_", ""), t.start)
	default:
		w.b.copy(t.start, t.end)
	}
	w.b.insert(t.after(), t.start)
}

// gap writes the text between two tokens: white space, comments, line
// continuations. Form feeds, which gpython does not take as white space,
// go: in indentation with what precedes them, since CPython starts
// counting the indentation again after one; elsewhere for a space.
func (w *writer) gap(from, to int, blank bool) {
	if blank {
		w.b.blank(from, to)
		return
	}
	for from < to {
		k := strings.IndexByte(w.text[from:to], '\f')
		if k < 0 {
			w.b.copy(from, to)
			return
		}
		ff := from + k
		start := strings.LastIndexByte(w.text[from:ff], '\n') + 1 + from
		leading := start > from || from == 0 || w.text[from-1] == '\n'
		if leading && strings.Trim(w.text[start:ff], " \t\f") == "" {
			w.b.copy(from, max(from, start))
		} else {
			w.b.copy(from, ff)
			w.b.replace(" ", ff)
		}
		from = ff + 1
	}
}

func (w *writer) traceAt(off int) {
	if w.trace != nil {
		w.trace(off, w.b.line(), w.b.col)
	}
}

func (w *writer) fail(off int, format string, args ...any) {
	if w.err == nil {
		w.err = w.src.errorf(off, format, args...)
	}
}

// headers are the keywords that open a compound statement header.
var headers = map[string]bool{
	"if": true, "elif": true, "else": true, "while": true, "for": true, "try": true,
	"except": true, "finally": true, "with": true, "def": true, "class": true,
}

var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true, "try": true,
	"while": true, "with": true, "yield": true,
}
