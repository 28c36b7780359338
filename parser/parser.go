// Package parser evaluates a user-config.py the way Pywikibot does: it runs
// the file with exec in a namespace holding Pywikibot's defaults, then reads
// the names back. The interpreter is gpython, fenced in: the file sees no
// disk, no network, no processes and only the environment the caller hands
// in, and it runs under time, memory and recursion bounds.
//
// gpython ends a for loop or a comprehension silently when its iterator
// raises, where CPython lets the exception through; a limit the sandbox
// raises there is raised again by the next statement.
package parser

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser/rewrite"
)

// Options controls one evaluation.
type Options struct {
	// Env holds the environment variables the sandbox may know; a read of
	// any other variable yields a symbolic value unless EnvComplete.
	Env map[string]string
	// EnvComplete says Env is the whole environment, as it is when the
	// caller hands in its own: a variable not in Env is unset, so
	// os.environ['X'] raises KeyError and os.getenv('X') gives None, as
	// in CPython.
	EnvComplete bool
	// Timeout bounds evaluation time cooperatively; 0 means DefaultTimeout.
	Timeout time.Duration
	// Line, when set, receives the original line of the statement being
	// run, so a supervisor that kills a runaway evaluation can say where.
	Line *atomic.Int64
	// MemoryLimit bounds the Go heap while the file runs, in bytes; 0
	// means DefaultMemoryLimit. The heap is shared by the whole process,
	// so the bound is only as precise as the process is quiet.
	MemoryLimit uint64
}

// DefaultTimeout is the per-file time limit.
const DefaultTimeout = 2 * time.Second

// DefaultMemoryLimit is the heap size at which evaluation stops.
const DefaultMemoryLimit = 64 << 20

// Evaluate runs src as Pywikibot runs a user-config.py and returns the
// model. It never returns nil; failures are diagnostics in the model.
func Evaluate(file string, src []byte, opts Options) *model.Config {
	ev := newEvaluation(file, opts)
	defer ev.release()
	res, err := rewrite.Rewrite(src)
	if err != nil {
		ev.syntaxFromRewrite(err)
		return ev.finish()
	}
	ev.lines = res
	ev.src = src
	ev.run(res.Src)
	return ev.finish()
}

// run compiles and executes the rewritten source, turning a Go panic into
// an internal-error finding so that one hostile file cannot take the tool
// down with it.
func (ev *evaluation) run(code string) {
	defer func() {
		if r := recover(); r != nil {
			ev.internalError(r)
		}
	}()
	compiled, err := py.Compile(code, ev.file, py.ExecMode, 0, true)
	if err != nil {
		ev.syntaxFromCompiler(err)
		return
	}
	ev.module = compiled
	ev.watch(compiled)
	ev.start = time.Now()
	_, err = ev.ctx.RunCode(compiled, ev.globals, ev.globals, nil)
	if err != nil || ev.fatal != nil {
		// The statement that raised bound nothing; what it or a function
		// it called did bind before that is left to the comparison.
		ev.pending = ev.pending[:0]
	}
	ev.trackBindings(ev.top)
	if ev.fatal != nil {
		ev.reportFatal()
		return
	}
	if err != nil {
		ev.reportException(err)
	}
}

// finish turns the final namespace into the model.
func (ev *evaluation) finish() *model.Config {
	ev.collect()
	ev.cfg.Output = ev.output.String()
	ev.cfg.Diagnostics = diag.Sort(ev.cfg.Diagnostics)
	return ev.cfg
}

// report adds one finding at pos.
func (ev *evaluation) report(code string, sev diag.Severity, pos model.Pos, msg string) {
	ev.cfg.Diagnostics = append(ev.cfg.Diagnostics, diag.Diagnostic{
		Code:     code,
		Severity: sev,
		Message:  msg,
		File:     ev.file,
		Line:     pos.Line,
		Column:   max(pos.Col, 1),
	})
}

// stop records where evaluation ended and reports why, and what that
// means for Pywikibot or for the check.
func (ev *evaluation) stop(code string, pos model.Pos, msg string) {
	ev.stopFix(code, pos, msg, "")
}

// stopFix is stop with a sentence on how to fix the file.
func (ev *evaluation) stopFix(code string, pos model.Pos, msg, fix string) {
	if pos.Line == 0 {
		pos = model.Pos{Line: 1, Col: 1}
	}
	p := pos
	ev.cfg.Stopped = &p
	msg += "; " + stopConsequence(code, pos.Line, ev.codeAfter(pos.Line))
	if fix != "" {
		msg += ". " + strings.ToUpper(fix[:1]) + fix[1:]
	}
	// A refusal is the sandbox's limit, not a fault of the file, but it
	// stays an error: the rest of the file went unchecked, and a check
	// that could not finish should not pass.
	ev.report(code, diag.Error, pos, msg)
}

// stopConsequence says what a stop at line means. Pywikibot's config.py
// runs the file with exec and no try, so a syntax error or an exception
// makes import pywikibot fail: no setting takes effect and no script
// runs. A limit or refusal of the sandbox says nothing about Pywikibot,
// only that the check ends there. more says whether code follows the
// line, which is all a note on unchecked lines is about.
func stopConsequence(code string, line int, more bool) string {
	switch code {
	case diag.CodeSyntaxError:
		return "Pywikibot fails to start and no setting is checked"
	case diag.CodeUnsupportedSyntax:
		return "no setting is checked"
	case diag.CodeException, diag.CodeRemovedName, diag.CodeRecursionLimit:
		switch {
		case !more:
			return "Pywikibot fails to start"
		case line <= 1:
			return "Pywikibot fails to start (pwbconf checked line 1 only)"
		}
		return fmt.Sprintf("Pywikibot fails to start (pwbconf checked lines 1-%d only)", line)
	}
	if !more {
		return "the check ends there"
	}
	return fmt.Sprintf("lines after %d are not checked", line)
}

// codeAfter reports whether a statement starts after line. The rewrite
// knows where each one starts; the lines of one spanning several, or of a
// string, are not another. Without the rewrite (it refused the file)
// nothing ran, and no line went unchecked after another.
func (ev *evaluation) codeAfter(line int) bool {
	if ev.lines == nil {
		return false
	}
	for pos := range ev.lines.Hooks {
		if pos.Line > line {
			return true
		}
	}
	return false
}

func (ev *evaluation) syntaxFromRewrite(err error) {
	pos := model.Pos{Line: 1, Col: 1}
	msg := err.Error()
	if se, ok := err.(*rewrite.SyntaxError); ok {
		pos = model.Pos{Line: se.Line, Col: se.Col}
		msg = se.Msg
		if se.Reserved {
			ev.stop(diag.CodeRefused, pos, msg+"; the file is not evaluated")
			return
		}
	}
	ev.stop(diag.CodeSyntaxError, pos, "SyntaxError: "+msg)
}

// syntaxFromCompiler maps gpython's SyntaxError, which counts in the
// rewritten source, back to the file.
func (ev *evaluation) syntaxFromCompiler(err error) {
	exc, ok := asException(err)
	if !ok {
		ev.stop(diag.CodeSyntaxError, model.Pos{}, "SyntaxError: "+err.Error())
		return
	}
	line, _ := exc.Dict["lineno"].(py.Int)
	col, _ := exc.Dict["offset"].(py.Int)
	pos := model.Pos{Line: max(int(line), 1), Col: 1}
	if ev.lines != nil && line > 0 {
		pos.Line, pos.Col = ev.lines.OriginalOffset(int(line), int(col))
		c, ok := ev.lines.Unsupported(pos.Line, pos.Col)
		if !ok && strings.Contains(exceptionText(exc), "only named arguments may follow") {
			c, ok = ev.lines.UnsupportedCall()
		}
		if ok {
			ev.stop(diag.CodeUnsupportedSyntax, model.Pos{Line: c.Line, Col: c.Col}, fmt.Sprintf(
				"pwbconf's interpreter cannot run %s, new in Python %s", c.What, c.Since))
			return
		}
	}
	ev.stop(diag.CodeSyntaxError, pos, exceptionText(exc))
}

// botPasswordHint explains the NameError of BotPassword: Pywikibot
// defines it only where it reads the password file, a file of tuples it
// reads line by line apart from user-config.py. People put the tuple in
// user-config.py, or run pwbconf on the password file itself.
const botPasswordHint = "BotPassword(...) belongs in the password file that password_file " +
	"names, which Pywikibot reads apart from user-config.py; pwbconf checks user-config.py files"

// original maps a rewritten position back to the file.
func (ev *evaluation) original(line, col int) model.Pos {
	if line <= 0 {
		return model.Pos{Line: 1, Col: 1}
	}
	if ev.lines != nil {
		line, col = ev.lines.Original(line, col)
	}
	return model.Pos{Line: line, Col: max(col, 1)}
}

// reportException reports the Python exception that ended evaluation at
// the top-level statement that raised it, where Pywikibot stops too.
func (ev *evaluation) reportException(err error) {
	info, ok := err.(py.ExceptionInfo)
	if !ok {
		if exc, ok := asException(err); ok {
			ev.stop(diag.CodeException, ev.stopPos(), exceptionText(exc))
			return
		}
		ev.stop(diag.CodeException, ev.stopPos(), "error: "+err.Error())
		return
	}
	ev.stopAtHeader(info.Traceback)
	exc, _ := info.Value.(*py.Exception)
	text := info.Type.Name
	if exc != nil {
		text = exceptionText(exc)
	}
	if exc != nil && exc.Base == py.NameError {
		if name, ok := removedName(exc); ok {
			ev.stopRemoved(name, text)
			return
		}
		if text == "NameError: name 'BotPassword' is not defined" {
			ev.stopFix(diag.CodeException, ev.stopPos(), text, botPasswordHint)
			return
		}
	}
	if name, ok := strings.CutPrefix(text, "ImportError: cannot import name "); ok && ev.fromModule != "" {
		// gpython names neither the name in quotes nor the module.
		text = fmt.Sprintf("ImportError: cannot import name '%s' from '%s'", name, ev.fromModule)
		if ev.fromModule == "pywikibot.backports" {
			ev.stopFix(diag.CodeException, ev.stopPos(), text, backportsHint)
			return
		}
	}
	ev.stop(diag.CodeException, ev.stopPos(), ev.withInner(text, info.Traceback))
}

// withInner names the line inside a function where an exception rose,
// when it is not the top-level statement itself.
func (ev *evaluation) withInner(text string, tb *py.Traceback) string {
	for tb != nil && tb.Next != nil {
		tb = tb.Next
	}
	if tb == nil {
		return text
	}
	inner := ev.original(tbLine(tb), 1)
	if inner.Line == ev.stopPos().Line || inner.Line == 0 {
		return text
	}
	return fmt.Sprintf("%s (raised at line %d)", text, inner.Line)
}

// tbLine is the line of a traceback entry. gpython reads it at the
// instruction after the one that raised, which belongs to the next line
// when the raise was the last instruction of its own.
func tbLine(tb *py.Traceback) int {
	if tb.Frame == nil || tb.Frame.Code == nil || tb.Lasti <= 0 {
		return int(tb.Lineno)
	}
	return int(tb.Frame.Code.Addr2Line(tb.Lasti - 1))
}

// stopAtHeader moves the stop to the compound statement header that
// raised, for the header of an if, while, for or with runs no statement
// hook: `for c in 1 / 0:` stops at the for, not at the statement before.
func (ev *evaluation) stopAtHeader(tb *py.Traceback) {
	for tb != nil && (tb.Frame == nil || tb.Frame.Code != ev.module) {
		tb = tb.Next
	}
	if tb == nil || ev.lines == nil {
		return
	}
	at := ev.original(tbLine(tb), 1)
	if col, ok := ev.lines.Headers[at.Line]; ok && at.Line != ev.top.Line {
		ev.top = model.Pos{Line: at.Line, Col: col}
	}
}

// stopPos is the top-level statement running when evaluation ended.
func (ev *evaluation) stopPos() model.Pos {
	if ev.top.Line == 0 {
		return model.Pos{Line: 1, Col: 1}
	}
	return ev.top
}

func asException(err error) (*py.Exception, bool) {
	switch e := err.(type) {
	case *py.Exception:
		return e, true
	case py.ExceptionInfo:
		exc, ok := e.Value.(*py.Exception)
		return exc, ok
	}
	return nil, false
}

// exceptionText renders an exception the way CPython's last traceback
// line does: "KeyError: 'X'".
func exceptionText(exc *py.Exception) string {
	name := exc.Base.Name
	args, ok := exc.Args.(py.Tuple)
	if !ok {
		args = py.Tuple{exc.Args}
	}
	switch len(args) {
	case 0:
		return name
	case 1:
		if s, ok := args[0].(py.String); ok && strings.Contains(string(s), "FIXME can only have string keys") {
			return name + ": " + errNonStringKey
		}
		if exc.Base == py.KeyError {
			r, err := py.ReprAsString(args[0])
			if err == nil {
				return name + ": " + r
			}
		}
		s, err := py.Str(args[0])
		if err == nil {
			msg := strings.Replace(string(s.(py.String)), "global name '", "name '", 1)
			if msg == "" {
				return name
			}
			return name + ": " + msg
		}
	}
	r, err := py.ReprAsString(args)
	if err != nil {
		return name
	}
	return name + ": " + r
}

// internalError turns a Go panic inside the interpreter into a finding.
func (ev *evaluation) internalError(r any) {
	if ev.fatal != nil {
		ev.reportFatal()
		return
	}
	ev.stop(diag.CodeInternal, ev.stopPos(),
		fmt.Sprintf("internal error of the embedded interpreter: %v", r))
}
