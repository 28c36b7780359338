package rewrite

// The evaluator sees a binding by comparing the namespace before and after
// each statement, which misses a name bound again to an equal value:
// `maxlag = 5` written twice, or `family = 'wikipedia'`, Pywikibot's own
// default. So the rewrite reads off each simple statement the module-level
// names it binds by its syntax, and [Result.Binds] lists them by the
// statement's position:
//
//   - the targets of = (tuple and list unpacking, starred targets and
//     chains a = b = 1 included) and of an augmented assignment, when a
//     target is a plain name and not an attribute or a subscript;
//   - import a.b (a), import a.b as c (c), from m import a as b (b);
//     a star import binds what the module holds, which only the
//     comparison sees.
//
// Inside a def or a class body only the names the body declares global
// count. A statement inside brackets of a with or an except clause (`as`
// targets), the loop variables of for and what del removes are left to
// the comparison, which sees them because their value or their presence
// changes, or to the loop hook.

// Pos is a 1-based line and character column of the original file.
type Pos struct{ Line, Col int }

// scope is a def or class body open while the writer walks the lines.
type scope struct {
	col     int             // indentation of the def or class keyword
	globals map[string]bool // names declared global in the body
}

// enterLine closes the scopes that a line indented to col leaves.
func (w *writer) enterLine(col int) {
	for len(w.scopes) > 0 && col <= w.scopes[len(w.scopes)-1].col {
		w.scopes = w.scopes[:len(w.scopes)-1]
	}
}

// openScope starts the body of a def or class whose keyword is at col.
func (w *writer) openScope(col int) {
	w.scopes = append(w.scopes, scope{col: col})
}

// recordBinds notes the module-level names the statement toks binds.
func (w *writer) recordBinds(toks []token, line, col int) {
	toks = unblanked(toks)
	if len(toks) == 0 {
		return
	}
	if w.isName(&toks[0], "global") {
		if n := len(w.scopes); n > 0 {
			s := &w.scopes[n-1]
			if s.globals == nil {
				s.globals = map[string]bool{}
			}
			for k := 1; k < len(toks); k++ {
				if toks[k].kind == tName {
					s.globals[w.tokText(&toks[k])] = true
				}
			}
		}
		return
	}
	names := w.boundNames(toks)
	if n := len(w.scopes); n > 0 {
		kept := names[:0]
		for _, name := range names {
			if w.scopes[n-1].globals[name] {
				kept = append(kept, name)
			}
		}
		names = kept
	}
	if len(names) == 0 {
		return
	}
	if w.binds == nil {
		w.binds = map[Pos][]string{}
	}
	w.binds[Pos{line, col}] = names
}

func unblanked(toks []token) []token {
	for k := range toks {
		if toks[k].blank {
			out := make([]token, 0, len(toks))
			for j := range toks {
				if !toks[j].blank {
					out = append(out, toks[j])
				}
			}
			return out
		}
	}
	return toks
}

// boundNames lists the names a simple statement binds by its syntax.
func (w *writer) boundNames(toks []token) []string {
	switch {
	case w.isName(&toks[0], "import"):
		return w.importNames(toks[1:])
	case w.isName(&toks[0], "from"):
		if k := w.find(toks, "import"); k > 0 {
			return w.importNames(toks[k+1:])
		}
		return nil
	case w.isKeyword(&toks[0]) && !w.isOp(&toks[0], "("):
		return nil
	}
	var names []string
	start, depth := 0, 0
	for k := range toks {
		t := &toks[k]
		if t.kind == tName && depth == 0 && w.tokText(t) == "lambda" {
			break // what follows is the value
		}
		if t.kind != tOp {
			continue
		}
		switch text := w.tokText(t); {
		case text == "(" || text == "[" || text == "{":
			depth++
		case text == ")" || text == "]" || text == "}":
			depth--
		case depth > 0:
		case text == "=":
			names = w.targetNames(toks[start:k], names)
			start = k + 1
		case augmentedOps[text]:
			if k == 1 && toks[0].kind == tName {
				return append(names, w.tokText(&toks[0]))
			}
			return names
		}
	}
	return names
}

var augmentedOps = map[string]bool{
	"+=": true, "-=": true, "*=": true, "/=": true, "//=": true, "%=": true, "**=": true,
	">>=": true, "<<=": true, "&=": true, "^=": true, "|=": true, "@=": true,
}

// targetNames adds the plain names of a target list to names: a name
// followed by a trailer is an attribute or subscript target and binds
// nothing, and so is a parenthesized atom followed by one.
func (w *writer) targetNames(toks []token, names []string) []string {
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		switch {
		case t.kind == tName && !w.isKeyword(t):
			if end := w.trailersEnd(toks, k+1); end > k+1 {
				k = end - 1
				continue
			}
			names = append(names, w.tokText(t))
		case w.isOp(t, "(") || w.isOp(t, "["):
			closing := w.closing(toks, k)
			if closing < 0 {
				return names
			}
			if end := w.trailersEnd(toks, closing+1); end > closing+1 {
				k = end - 1
			}
		}
	}
	return names
}

// trailersEnd returns the index after the attribute, subscript and call
// trailers that start at toks[k].
func (w *writer) trailersEnd(toks []token, k int) int {
	for k < len(toks) {
		switch {
		case w.isOp(&toks[k], ".") && k+1 < len(toks) && toks[k+1].kind == tName:
			k += 2
		case w.isOp(&toks[k], "[") || w.isOp(&toks[k], "("):
			c := w.closing(toks, k)
			if c < 0 {
				return len(toks)
			}
			k = c + 1
		default:
			return k
		}
	}
	return k
}

// importNames lists the names an import list binds: the alias, or the
// first part of a dotted name.
func (w *writer) importNames(toks []token) []string {
	var names []string
	first := true
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		switch {
		case w.isOp(t, ","):
			first = true
		case w.isName(t, "as") && k+1 < len(toks):
			if len(names) > 0 {
				names[len(names)-1] = w.tokText(&toks[k+1])
			}
			k++
		case t.kind == tName && first:
			names = append(names, w.tokText(t))
			first = false
		}
	}
	return names
}
