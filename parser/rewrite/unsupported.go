package rewrite

// Construct is syntax of a newer Python that gpython v0.2.0 cannot compile
// and the rewrite does not turn into anything it can. Finding one lets the
// evaluator say that pwbconf cannot check the file, where gpython would
// only say the file is not valid Python.
type Construct struct {
	What      string // e.g. "the assignment expression :="
	Since     string // the Python version that brought it, e.g. "3.8"
	Line, Col int    // 1-based, Col in characters
	last      int    // the last line of its logical line
}

// Unsupported returns the construct gpython lacks in the logical line
// that holds line, if there is one: a syntax error gpython reports there
// is then pwbconf's limit, not the file's mistake. A construct elsewhere
// says nothing about an error at line.
func (r *Result) Unsupported(line int) (Construct, bool) {
	for _, c := range r.constructs {
		if c.Line <= line && line <= c.last {
			return c, true
		}
	}
	return Construct{}, false
}

// unsupported records the first construct of the logical line toks that
// gpython cannot compile. It reads the tokens only, so a construct in a
// string or comment is never found.
func (w *writer) unsupported(toks []token) {
	if c, k := w.construct(toks); k >= 0 {
		c.Line, c.Col = w.src.pos(toks[k].start)
		c.last, _ = w.src.pos(toks[len(toks)-1].start)
		w.constructs = append(w.constructs, c)
	}
}

// construct names the first construct of toks gpython lacks, and the index
// of its first token; -1 when there is none.
func (w *writer) construct(toks []token) (Construct, int) {
	if c, ok := w.statementConstruct(toks); ok {
		return c, 0
	}
	// opens holds, for each bracket still open, whether it opens the
	// arguments of a call or a subscription rather than a display.
	var opens []bool
	for k := range toks {
		t := &toks[k]
		if t.kind != tOp {
			continue
		}
		switch text := w.tokText(t); text {
		case "(", "[", "{":
			opens = append(opens, k > 0 && text != "{" && w.follows(&toks[k-1]))
		case ")", "]", "}":
			if len(opens) > 0 {
				opens = opens[:len(opens)-1]
			}
		case ":=":
			return Construct{What: "the assignment expression :=", Since: "3.8"}, k
		case "*", "**":
			// Unpacking is new inside a display, (*a, 1), [*a] or {**a};
			// in a call's arguments or a def's parameters gpython has it.
			if len(opens) == 0 || opens[len(opens)-1] || k == 0 {
				continue
			}
			if prev := w.tokText(&toks[k-1]); prev == "," || prev == "(" || prev == "[" || prev == "{" {
				return Construct{What: "unpacking with " + text + " inside a list, tuple, set or dict", Since: "3.5"}, k
			}
		}
	}
	return Construct{}, -1
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
	}
	return Construct{}, false
}
