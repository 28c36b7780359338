package rewrite

// defHeader makes a def header call the statement hook when the def runs,
// so that the name it binds is credited to the def. The hook goes into
// the return annotation, the one expression of a header that is always
// evaluated when the function is made: `def f(a) -> X:` becomes
// `def f(a) -> (__pwbconf_at__.L<L>_<C>, (X))[1]:` and `def f(a):` becomes
// `def f(a) -> __pwbconf_def__.L<L>_<C>:`. toks ends with the header's colon.
// A decorated def gets no hook and pays no owed loop hook, because gpython
// v0.2.0 compiles a decorated def with a return annotation wrongly; its
// name is credited to the statement before it.
func (w *writer) defHeader(toks []token, pending string) {
	if w.decorated {
		return
	}
	call := w.hookCall(&toks[0], pending)
	colon := &toks[len(toks)-1]
	if arrow := w.find(toks, "->"); arrow > 0 {
		w.wrap(toks[arrow+1:len(toks)-1], call)
		return
	}
	colon.edit().before += " -> " + w.emptyCall(&toks[0], pending)
}

// classHeader makes a class header call the statement hook through its
// first argument: `class A(B):` becomes `class A((__pwbconf_at__.L<L>_<C>,
// (B))[1]):`, `class A:` becomes `class A(*__pwbconf_def__.L<L>_<C>):`.
func (w *writer) classHeader(toks []token, pending string) {
	colon := &toks[len(toks)-1]
	if len(toks) < 4 || !w.isOp(&toks[2], "(") {
		colon.edit().before += "(*" + w.emptyCall(&toks[0], pending) + ")"
		return
	}
	end := w.closing(toks, 2)
	if end < 0 {
		return
	}
	if end == 3 {
		toks[end].edit().before += "*" + w.emptyCall(&toks[0], pending)
		return
	}
	arg := toks[3:end]
	if k := w.find(arg, ","); k >= 0 {
		arg = arg[:k]
	}
	switch {
	case len(arg) > 1 && (w.isOp(&arg[0], "*") || w.isOp(&arg[0], "**")):
		arg = arg[1:]
	case len(arg) > 2 && arg[0].kind == tName && w.isOp(&arg[1], "="):
		arg = arg[2:]
	}
	w.wrap(arg, w.hookCall(&toks[0], pending))
}

// hookCall is the statement hook for the compound statement opening with
// keyword, after the loop hook it owes, if any.
func (w *writer) hookCall(keyword *token, pending string) string {
	line, col := w.src.pos(keyword.start)
	call := w.hook(atHook, line, col)
	if pending != "" {
		return "(" + pending + ", " + call + ")"
	}
	return call
}

// emptyCall is the def hook for the statement opening with keyword: the
// statement hook that returns an empty tuple.
func (w *writer) emptyCall(keyword *token, pending string) string {
	line, col := w.src.pos(keyword.start)
	call := w.hook(defHook, line, col)
	if pending != "" {
		return "(" + pending + ", " + call + ")[1]"
	}
	return call
}
