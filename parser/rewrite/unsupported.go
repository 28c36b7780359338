package rewrite

// Construct is syntax of a newer Python that gpython v0.2.0 cannot compile
// and the rewrite does not turn into anything it can. Finding one lets the
// evaluator say that pwbconf cannot check the file, where gpython would
// only say the file is not valid Python.
type Construct struct {
	What      string // e.g. "the assignment expression :="
	Since     string // the Python version that brought it, e.g. "3.8"
	Line, Col int    // 1-based, Col in characters
	// statement marks a construct that opens its statement (match,
	// type, async def): gpython gives up anywhere in the header.
	statement bool
	// call marks an argument after *args or **kwargs, which gpython's
	// compiler rather than its parser refuses, with no useful place.
	call bool
	last int // the last line of its logical line
}

// window is how many characters around a construct gpython's complaint
// about it may fall: it names the token after the one it could not take,
// or the comma before an argument.
const window = 6

// Unsupported returns the construct gpython lacks that explains a syntax
// error gpython reports at line and col of the file: the error is then
// pwbconf's limit, not the file's mistake. Candidates are found by their
// tokens alone, so an error elsewhere on their line, which CPython too
// would report, is left to be the file's.
func (r *Result) Unsupported(line, col int) (Construct, bool) {
	for _, c := range r.constructs {
		switch {
		case line < c.Line || line > c.last+1:
		case c.statement && line == c.Line,
			line == c.Line && c.Col-2 <= col && col <= c.Col+window,
			// gpython reports a call it cannot take at the line's end.
			line == c.last+1 && col <= 1:
			return c, true
		}
	}
	return Construct{}, false
}

// UnsupportedCall returns the first argument after *args or **kwargs in
// the file, which gpython refuses as "only named arguments may follow
// *expression" at no place of its own.
func (r *Result) UnsupportedCall() (Construct, bool) {
	for _, c := range r.constructs {
		if c.call {
			return c, true
		}
	}
	return Construct{}, false
}

// unsupported records the candidates of the logical line toks that
// gpython cannot compile. It reads the tokens only, so a construct in a
// string or comment is never found; one in an f-string's field neither.
func (w *writer) unsupported(toks []token) {
	last, _ := w.src.pos(toks[len(toks)-1].start)
	add := func(c Construct, k int) {
		c.Line, c.Col = w.src.pos(toks[k].start)
		c.last = last
		w.constructs = append(w.constructs, c)
	}
	if c, ok := w.statementConstruct(toks); ok {
		c.statement = true
		add(c, 0)
	}
	w.expressionConstructs(toks, add)
}

// bracket is one bracket still open while the tokens are read.
type bracket struct {
	call   bool // the arguments of a call (or a def's parameters)
	def    bool // a def's parameters, where gpython takes every form
	index  bool // a subscription
	star   bool // a call's argument list has had *x
	double bool // ... and **x
	lambda bool // a lambda's parameters are being read inside it
}

// expressionConstructs finds the operators and argument forms gpython
// lacks.
func (w *writer) expressionConstructs(toks []token, add func(Construct, int)) {
	var opens []bracket
	// top tracks the statement outside brackets: whether the value side of
	// an assignment, a return, yield or for ... in has begun, and whether
	// a lambda's parameters are being read.
	valueSide, topLambda := false, false
	for k := range toks {
		t := &toks[k]
		text := w.tokText(t)
		inner := len(opens) - 1
		argStart := k > 0 && (w.isOp(&toks[k-1], ",") || w.isOp(&toks[k-1], "("))
		if t.kind == tName {
			switch text {
			case "lambda":
				if inner >= 0 {
					opens[inner].lambda = true
				} else {
					topLambda = true
				}
			case "return", "yield", "in":
				if inner < 0 {
					valueSide = true
				}
			}
			// An argument after **x, or a positional one after *x.
			if inner >= 0 && opens[inner].call && !opens[inner].def && argStart {
				keyword := k+1 < len(toks) && w.isOp(&toks[k+1], "=")
				if opens[inner].double || opens[inner].star && !keyword {
					add(Construct{What: "an argument after *args or **kwargs", Since: "3.5", call: true}, k)
				}
			}
			continue
		}
		if t.kind != tOp {
			if inner >= 0 && opens[inner].call && !opens[inner].def && argStart &&
				(opens[inner].double || opens[inner].star) {
				add(Construct{What: "an argument after *args or **kwargs", Since: "3.5", call: true}, k)
			}
			continue
		}
		switch text {
		case "(", "[", "{":
			b := bracket{}
			if k > 0 && text != "{" && w.follows(&toks[k-1]) {
				b.call, b.index = text == "(", text == "["
				b.def = text == "(" && k > 1 && w.isName(&toks[k-2], "def")
			}
			opens = append(opens, b)
		case ")", "]", "}":
			if inner >= 0 {
				opens = opens[:inner]
			}
		case "=":
			if inner < 0 {
				valueSide = true
			}
		case ":":
			if inner >= 0 {
				opens[inner].lambda = false
			} else {
				topLambda = false
			}
		case ":=":
			add(Construct{What: "the assignment expression :=", Since: "3.8"}, k)
		case "@":
			if k > 0 {
				add(Construct{What: "the matrix multiplication operator @", Since: "3.5"}, k)
			}
		case "/":
			// A lambda's positional-only marker; a def's is rewritten.
			lambda := topLambda
			if inner >= 0 {
				lambda = opens[inner].lambda
			}
			if lambda && k > 0 && w.isOp(&toks[k-1], ",") {
				add(Construct{What: "positional-only parameters of a lambda", Since: "3.8"}, k)
			}
		case "*", "**":
			w.starConstruct(toks, k, text, opens, valueSide, topLambda, argStart, add)
		}
	}
}

// starConstruct judges a * or ** at toks[k] that may unpack.
func (w *writer) starConstruct(toks []token, k int, text string, opens []bracket,
	valueSide, topLambda, argStart bool, add func(Construct, int)) {
	display := func() {
		add(Construct{What: "unpacking with " + text + " inside a list, tuple, set or dict",
			Since: "3.5"}, k)
	}
	prev := ""
	if k > 0 {
		prev = w.tokText(&toks[k-1])
	}
	if len(opens) == 0 {
		// *a, 1 after = or return is a tuple display; before =, a target.
		if valueSide && !topLambda && (prev == "," || prev == "=" || prev == "return" ||
			prev == "yield" || prev == "in") {
			display()
		}
		return
	}
	b := &opens[len(opens)-1]
	switch {
	case b.lambda:
	case b.def:
	case b.call:
		if !argStart {
			return
		}
		if b.double || text == "*" && b.star {
			add(Construct{What: "more than one unpacking in a call", Since: "3.5"}, k)
		}
		b.star = b.star || text == "*"
		b.double = b.double || text == "**"
	case b.index:
		if prev == "[" || prev == "," {
			add(Construct{What: "unpacking in a subscript", Since: "3.11"}, k)
		}
	case prev == "," || prev == "(" || prev == "[" || prev == "{":
		display()
	}
}

// follows says whether a bracket after t opens a call's arguments or a
// subscription: t ends an expression.
func (w *writer) follows(t *token) bool {
	switch t.kind {
	case tName:
		return !keywords[w.tokText(t)]
	case tString, tFString, tNumber:
		return true
	case tOp:
		text := w.tokText(t)
		return text == ")" || text == "]" || text == "}"
	}
	return false
}

// statementConstruct finds the statements gpython lacks, told apart from a
// name of the same spelling (match, case and type are soft keywords) by
// what follows the name.
func (w *writer) statementConstruct(toks []token) (Construct, bool) {
	if len(toks) < 3 || toks[0].kind != tName {
		return Construct{}, false
	}
	second := w.tokText(&toks[1])
	switch w.tokText(&toks[0]) {
	case "match", "case":
		// `match x:` opens a block; a name match is followed by an
		// operator, and a line of it ends without a colon.
		if toks[1].kind == tOp && second != "(" && second != "[" && second != "{" && second != "-" {
			return Construct{}, false
		}
		if w.headerColon(toks) > 1 {
			return Construct{What: "the " + w.tokText(&toks[0]) + " statement", Since: "3.10"}, true
		}
	case "type":
		if toks[1].kind == tName && (w.isOp(&toks[2], "=") || w.isOp(&toks[2], "[")) {
			return Construct{What: "the type statement", Since: "3.12"}, true
		}
	case "def", "class":
		if toks[1].kind == tName && w.isOp(&toks[2], "[") {
			return Construct{What: "type parameters of a " + w.tokText(&toks[0]), Since: "3.12"}, true
		}
	case "except":
		if w.isOp(&toks[1], "*") {
			return Construct{What: "except*", Since: "3.11"}, true
		}
	case "async":
		if second == "def" || second == "for" || second == "with" {
			return Construct{What: "async " + second, Since: "3.5"}, true
		}
	case "with":
		// with (a as b, c as d): the as inside the brackets is new.
		if w.isOp(&toks[1], "(") {
			if end := w.closing(toks, 1); end > 2 && w.find(toks[2:end], "as") >= 0 {
				return Construct{What: "parenthesized context managers", Since: "3.10"}, true
			}
		}
	}
	return Construct{}, false
}
