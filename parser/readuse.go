package parser

import (
	"github.com/go-python/gpython/ast"
	gparser "github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/model"
)

// The model marks a str as the default of a read (model.Value.EnvDefault)
// by the identity of the object the read gave. Identity alone cannot tell
// the read from what is computed from it: 'en'.lower(), ' x'.strip() with
// nothing to strip, s[:5] of a shorter s and s + ” all give the very
// object back in Go, and a converter would then write the read where the
// file computed something from it. Only the syntax tells, so the
// statements of the file are read once more, and a read whose value the
// statement transforms gives a default with no mark; the converters then
// find the statement's value computed from the variable.

// envState is the sandbox's knowledge of os.environ beyond Options.Env.
type envState struct {
	// uses holds how each statement uses its reads, by the statement's
	// position; nil until a default is first asked about.
	uses   map[model.Pos]map[string]readUse
	parsed bool
	// setDefaults holds the value os.environ.setdefault put in each
	// variable the sandbox does not know: from there on the variable is
	// set, to that value where it was unset before.
	setDefaults map[string]py.String
}

// readUse says how one statement uses the reads of one variable.
type readUse struct{ plain, derived bool }

// anyName keys the reads of a statement whose variable is not a literal.
const anyName = "\x00"

// derivedRead reports whether the statement running now computes
// something from its read of the variable name rather than taking the
// value as the read gives it. A read the statement does not spell out (a
// name built at run time, a helper function's) counts as derived where
// the statement transforms any such read.
func (ev *evaluation) derivedRead(name string) bool {
	if !ev.env.parsed {
		ev.env.parsed = true
		if ev.lines != nil {
			ev.env.uses = readUses(ev.lines.Src)
		}
	}
	uses := ev.env.uses[ev.cur]
	if u, ok := uses[name]; ok {
		return u.derived
	}
	return uses[anyName].derived
}

// readUses parses the rewritten source again and classifies the reads of
// every simple statement, which the rewrite's hook before it names.
func readUses(src string) map[model.Pos]map[string]readUse {
	tree, err := gparser.ParseString(src, py.ExecMode)
	if err != nil {
		return nil
	}
	mod, ok := tree.(*ast.Module)
	if !ok {
		return nil
	}
	out := map[model.Pos]map[string]readUse{}
	var body func([]ast.Stmt)
	body = func(stmts []ast.Stmt) {
		var at model.Pos
		for _, s := range stmts {
			if pos, ok := hookBefore(s); ok {
				at = pos
				continue
			}
			if at.Line != 0 {
				c := &readClassifier{uses: map[string]readUse{}}
				c.statement(s)
				if len(c.uses) > 0 {
					out[at] = c.uses
				}
				at = model.Pos{}
			}
			for _, inner := range nestedBodies(s) {
				body(inner)
			}
		}
	}
	body(mod.Body)
	return out
}

// hookBefore reads the position of a `__pwbconf_at__.L<L>_<C>` hook.
func hookBefore(s ast.Stmt) (model.Pos, bool) {
	e, ok := s.(*ast.ExprStmt)
	if !ok {
		return model.Pos{}, false
	}
	a, ok := e.Value.(*ast.Attribute)
	if !ok {
		return model.Pos{}, false
	}
	if n, ok := a.Value.(*ast.Name); !ok || n.Id != "__pwbconf_at__" {
		return model.Pos{}, false
	}
	line, col, ok := hookPosition(string(a.Attr))
	return model.Pos{Line: line, Col: col}, ok
}

// nestedBodies returns the statement lists inside a compound statement.
func nestedBodies(s ast.Stmt) [][]ast.Stmt {
	switch s := s.(type) {
	case *ast.FunctionDef:
		return [][]ast.Stmt{s.Body}
	case *ast.ClassDef:
		return [][]ast.Stmt{s.Body}
	case *ast.If:
		return [][]ast.Stmt{s.Body, s.Orelse}
	case *ast.For:
		return [][]ast.Stmt{s.Body, s.Orelse}
	case *ast.While:
		return [][]ast.Stmt{s.Body, s.Orelse}
	case *ast.With:
		return [][]ast.Stmt{s.Body}
	case *ast.Try:
		out := [][]ast.Stmt{s.Body, s.Orelse, s.Finalbody}
		for _, h := range s.Handlers {
			out = append(out, h.Body)
		}
		return out
	}
	return nil
}

// readClassifier walks one statement, noting each read it finds as plain
// where the statement's value is what the read gives, and as derived
// anywhere else.
type readClassifier struct {
	uses map[string]readUse
}

// statement classifies the expressions of a simple statement. Only the
// value an assignment binds or a function returns can be the read itself.
func (c *readClassifier) statement(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Assign:
		c.expr(s.Value, true)
	case *ast.Return:
		c.expr(s.Value, true)
	case *ast.ExprStmt:
		c.expr(s.Value, true)
	default:
		c.inside(s)
	}
}

// readFuncs are the names of the calls that give a read: os.getenv and
// os.environ's get, setdefault and pop. A dict's get shares the name, and
// what it gives is its default as it was too.
var readFuncs = map[string]bool{"getenv": true, "get": true, "setdefault": true, "pop": true}

// expr classifies e; plain says whether e's value is the statement's.
func (c *readClassifier) expr(e ast.Expr, plain bool) {
	switch e := e.(type) {
	case nil:
	case *ast.Tuple:
		c.exprs(e.Elts, plain)
	case *ast.List:
		c.exprs(e.Elts, plain)
	case *ast.Dict:
		c.exprs(e.Keys, false)
		c.exprs(e.Values, plain)
	case *ast.IfExp:
		c.expr(e.Test, false)
		c.expr(e.Body, plain)
		c.expr(e.Orelse, plain)
	case *ast.BoolOp:
		// `a or b` is a or b itself.
		c.exprs(e.Values, plain)
	case *ast.Subscript:
		if idx, ok := e.Slice.(*ast.Index); ok {
			if key, ok := idx.Value.(*ast.Str); ok {
				c.note(string(key.S), plain)
			}
		}
		c.inside(e)
	case *ast.Call:
		c.call(e, plain)
	default:
		c.inside(e)
	}
}

func (c *readClassifier) exprs(es []ast.Expr, plain bool) {
	for _, e := range es {
		c.expr(e, plain)
	}
}

// call classifies a call: a read, str() of a value, which for a str is
// the value, or anything else, whose function and arguments are derived.
func (c *readClassifier) call(e *ast.Call, plain bool) {
	if n, ok := e.Func.(*ast.Name); ok && n.Id == "str" && len(e.Args) == 1 && len(e.Keywords) == 0 {
		c.expr(e.Args[0], plain)
		return
	}
	var name ast.Identifier
	switch f := e.Func.(type) {
	case *ast.Name:
		name = f.Id
	case *ast.Attribute:
		name = f.Attr
	}
	if !readFuncs[string(name)] {
		c.inside(e)
		return
	}
	c.expr(e.Func, false)
	// The key names the variable; the default is what the read gives
	// where the variable is unset, so it is as plain as the read.
	key := anyName
	args := e.Args
	if len(args) > 0 {
		if s, ok := args[0].(*ast.Str); ok {
			key = string(s.S)
		}
		c.expr(args[0], false)
		args = args[1:]
	}
	for _, kw := range e.Keywords {
		if kw.Arg == "key" {
			if s, ok := kw.Value.(*ast.Str); ok {
				key = string(s.S)
			}
			c.expr(kw.Value, false)
			continue
		}
		c.expr(kw.Value, plain)
	}
	c.exprs(args, plain)
	c.expr(e.Starargs, false)
	c.expr(e.Kwargs, false)
	c.note(key, plain)
}

// inside classifies every expression directly inside n as derived. The
// statements of a nested body have hooks and uses of their own.
func (c *readClassifier) inside(n ast.Ast) {
	ast.Walk(n, func(m ast.Ast) bool {
		if m == n {
			return true
		}
		switch m := m.(type) {
		case ast.Stmt:
			return false
		case ast.Expr:
			c.expr(m, false)
			return false
		}
		return true
	})
}

func (c *readClassifier) note(name string, plain bool) {
	u := c.uses[name]
	if plain {
		u.plain = true
	} else {
		u.derived = true
	}
	c.uses[name] = u
}
