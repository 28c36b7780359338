package parser

import (
	"fmt"
	"maps"
	"math/bits"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser/rewrite"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// How often the hooks look at the clock and the heap: often enough that a
// tight loop stops within milliseconds of its limit, rarely enough that a
// plain file does not notice.
const (
	clockEvery = 64
	// memoryEvery is the widest gap between two looks at the heap; the
	// gap is narrower the nearer the heap is to its limit (see heapGap).
	memoryEvery = 1024
	// maxDepth bounds nested Python calls. gpython has no recursion limit
	// of its own and each Python call costs several Go frames, so without
	// a bound a recursive function ends the whole process. CPython's
	// default limit is 1000.
	maxDepth = 1000
)

// evaluation is the state of one run of one file.
type evaluation struct {
	file  string
	opts  Options
	src   []byte
	lines *rewrite.Result
	cfg   *model.Config

	ctx     *sandboxContext
	globals py.StringDict
	module  *py.Code // the compiled file

	// cur is the statement running now, at any depth; top is the last
	// top-level statement, where Pywikibot would stop on an exception.
	cur, top model.Pos
	depth    int

	start    time.Time
	deadline time.Duration
	hooks    int
	// headerRun counts the header hooks since the last statement hook.
	headerRun int
	// heapAt is the hook count at which the heap is looked at next.
	heapAt int
	// heapSample is where heapBytes reads the heap; metrics.Read would
	// have a new one allocated at every look.
	heapSample [1]metrics.Sample
	// fatal is a limit or refusal. Once set, every later hook raises it
	// again, so that a try/except in the file cannot swallow it.
	fatal *fatalError

	// seen holds the identity of each global at the last top-level hook;
	// bound holds the places that bound each name the file touched.
	seen  map[string]identity
	bound map[string]*binding
	// pending are the names the statements run since the last top-level
	// hook bind by their syntax, credited to that statement when it is
	// done even if the value did not change.
	pending []string
	// watched are the names the code mentions, the only ones the hooks
	// compare unless scanAll; lists are the default lists they watch for
	// changes made in place.
	watched []string
	scanAll bool
	lists   map[string]*listWatch

	output strings.Builder
	// targets caches the names each for statement binds.
	targets map[model.Pos][]string
	// envDefaults names the variable whose default each str is, by the
	// str's identity (see envDefault).
	envDefaults map[identity]string
	// env holds what the file did to os.environ and how it uses its reads
	// (see envState).
	env envState
	// emptyDefaults names the variables whose empty default each
	// statement read, in order.
	emptyDefaults map[model.Pos][]string
	// origins holds where the first unknown value of each source entered.
	origins map[string]model.Pos
	// budget is the bytes of values collect may still copy into the
	// model, or -1 for no bound.
	budget int
	// noted keeps one-time information findings from repeating.
	noted map[string]bool
	// envGone holds the variables the file deleted from os.environ; the
	// variables it set are in opts.Env, which is the evaluation's own copy.
	envGone map[string]bool
	// fromModule is the module of the last from-import, which names the
	// module in an ImportError as CPython does.
	fromModule string
	// converting holds the containers being copied into the model.
	converting map[identity]bool
}

// binding is where a top-level name was bound, last place first.
type binding struct {
	pos     model.Pos
	earlier []model.Pos
	// inPlace is set when only changes made in place, which move pos
	// but are no new binding, put the name here.
	inPlace bool
}

func (b *binding) set(pos model.Pos) {
	if b.pos.Line != 0 {
		b.earlier = append(b.earlier, b.pos)
	}
	b.pos = pos
	b.inPlace = false
}

// touch moves the binding to a statement that changed the value in place.
func (b *binding) touch(pos model.Pos) {
	if b.pos.Line == 0 {
		b.inPlace = true
	}
	b.pos = pos
}

// rebind is set for top-level names: a loop that rebinds its variable on
// every pass is one place, not one per pass.
func (b *binding) rebind(pos model.Pos) {
	if b.pos != pos {
		b.set(pos)
	}
}

// fatalError is a stop that the file cannot catch.
type fatalError struct {
	code string
	pos  model.Pos
	msg  string
	exc  *py.Exception
}

func newEvaluation(file string, opts Options) *evaluation {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MemoryLimit == 0 {
		opts.MemoryLimit = DefaultMemoryLimit
	}
	opts.Env = maps.Clone(opts.Env)
	if opts.Env == nil {
		opts.Env = map[string]string{}
	}
	ev := &evaluation{
		file:     file,
		opts:     opts,
		cfg:      &model.Config{File: file},
		deadline: opts.Timeout,
		bound:    make(map[string]*binding),
		noted:    make(map[string]bool),
		envGone:  make(map[string]bool),
		origins:  make(map[string]model.Pos),
		targets:  make(map[model.Pos][]string),
	}
	setup()
	ev.ctx = newSandboxContext(ev)
	ev.globals = ev.newNamespace()
	ev.seen = namespaceDefaults().snapshot(ev.globals)
	ev.scanAll = true
	return ev
}

func (ev *evaluation) release() {
	ev.ctx.Close()
	restoreTypes()
}

// hookAt is __pwbconf_at__.L<line>_<col>, run before every simple statement.
func (ev *evaluation) hookAt(pos model.Pos) (py.Object, error) {
	if ev.depth == 0 {
		ev.trackBindings(ev.top)
		ev.top = pos
	}
	ev.expectBinds(pos)
	return ev.enter(pos)
}

// hookHeader is __pwbconf_hdr__.L<line>_<col>, run as the condition of an
// if, elif or while is evaluated. It moves the current line, and leaves
// the limits to the statements of the body, so that a stop is charged to
// the last simple statement, where the time or memory went. A loop whose
// body is only a false condition runs none, though; after a run of
// headers the header checks the limits itself, and a stop there is
// charged to it.
func (ev *evaluation) hookHeader(pos model.Pos) (py.Object, error) {
	ev.cur = pos
	if ev.fatal != nil {
		return nil, ev.fatal.exc
	}
	if ev.headerRun++; ev.headerRun < clockEvery {
		return py.None, nil
	}
	ev.headerRun = 0
	if ev.opts.Line != nil {
		ev.opts.Line.Store(int64(pos.Line))
	}
	if err := ev.tick(); err != nil {
		if ev.depth == 0 {
			ev.fatal.pos = pos
		}
		return nil, err
	}
	return py.None, nil
}

// expectBinds notes the module-level names the statement at pos binds by
// its syntax. Inside a function they are names it declares global, and
// they go to the top-level statement that called it.
func (ev *evaluation) expectBinds(pos model.Pos) {
	if ev.lines == nil {
		return
	}
	for _, name := range ev.lines.Binds[rewrite.Pos{Line: pos.Line, Col: pos.Col}] {
		if !slices.Contains(ev.pending, name) {
			ev.pending = append(ev.pending, name)
		}
	}
}

// hookLoop is __pwbconf_loop__.L<line>_<col>, run at the start of each pass
// of a for loop; the loop variable was just bound by the for statement.
func (ev *evaluation) hookLoop(pos model.Pos) (py.Object, error) {
	if ev.depth == 0 {
		ev.trackNames(ev.loopTargets(pos), pos)
		ev.trackBindings(ev.top)
		ev.top = pos
	}
	return ev.enter(pos)
}

// loopTargets reads the names a for statement binds off its source line,
// so that they are attributed to the loop while whatever the statement
// before the loop bound stays with that statement. A target list that
// spans lines is cut at the line end.
func (ev *evaluation) loopTargets(pos model.Pos) []string {
	if t, ok := ev.targets[pos]; ok {
		return t
	}
	var names []string
	line := model.SourceLine(ev.src, pos.Line)
	if r := []rune(line); pos.Col-1 < len(r) {
		rest := strings.TrimPrefix(strings.TrimSpace(string(r[pos.Col-1:])), "for")
		head, _, _ := strings.Cut(rest, " in ")
		names = strings.FieldsFunc(head, func(c rune) bool {
			return !(c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c))
		})
	}
	ev.targets[pos] = names
	return names
}

// enter makes pos the current statement and checks the limits.
func (ev *evaluation) enter(pos model.Pos) (py.Object, error) {
	ev.cur = pos
	ev.headerRun = 0
	if ev.opts.Line != nil {
		ev.opts.Line.Store(int64(pos.Line))
	}
	if ev.fatal != nil {
		return nil, ev.fatal.exc
	}
	if err := ev.tick(); err != nil {
		return nil, err
	}
	return py.None, nil
}

// tick counts one step of the file and checks the limits now and then.
// Besides the hooks, Go code that calls back into the file in a loop
// (iter with a sentinel) ticks, since no statement of the file may run.
func (ev *evaluation) tick() error {
	if ev.fatal != nil {
		return ev.fatal.exc
	}
	ev.hooks++
	if ev.hooks%clockEvery == 0 && time.Since(ev.start) > ev.deadline {
		return ev.setFatal(diag.CodeTimeLimit, fmt.Sprintf(
			"the sandbox stopped the file at its time limit of %v", ev.deadline))
	}
	if ev.hooks >= ev.heapAt {
		heap := ev.heapBytes()
		if heap > ev.opts.MemoryLimit {
			// The reading counts garbage not yet collected, such as
			// what an earlier file in this process left.
			runtime.GC()
			heap = ev.heapBytes()
		}
		if heap > ev.opts.MemoryLimit {
			return ev.setFatal(diag.CodeMemoryLimit, fmt.Sprintf(
				"the sandbox stopped the file at its memory limit of %d MB", ev.opts.MemoryLimit>>20))
		}
		ev.heapAt = ev.hooks + heapGap(heap, ev.opts.MemoryLimit)
	}
	return nil
}

// heapGap is the number of steps until the next look at the heap. One
// statement can double a value (x = x + x), so the heap is looked at
// again before that many doublings could take it past the limit: every
// step once it holds a quarter of it. A look costs a fraction of a
// microsecond.
func heapGap(heap, limit uint64) int {
	if heap == 0 {
		return memoryEvery
	}
	doublings := bits.Len64(limit/heap) - 2
	return min(max(doublings, 1), memoryEvery)
}

// setFatal records a stop the file cannot catch and returns the exception
// that unwinds the interpreter.
func (ev *evaluation) setFatal(code, msg string) *py.Exception {
	if ev.fatal == nil {
		ev.fatal = &fatalError{
			code: code,
			pos:  ev.stopPos(),
			msg:  msg,
			exc:  py.ExceptionNewf(sandboxStop, "%s", msg),
		}
	}
	return ev.fatal.exc
}

func (ev *evaluation) reportFatal() {
	ev.stop(ev.fatal.code, ev.fatal.pos, ev.fatal.msg)
}

// refuse stops evaluation because the file asked for something the
// sandbox never does; what completes "the sandbox does not".
func (ev *evaluation) refuse(what string) error {
	return ev.setFatal(diag.CodeRefused, "the sandbox does not "+what)
}

// sandboxStop is the exception that unwinds the interpreter after a limit
// or a refusal. It derives from BaseException only, like SystemExit, so
// that "except Exception" lets it pass; the hooks raise it again anyway.
var sandboxStop = py.BaseException.NewType("SandboxStop", "evaluation stopped by the sandbox", nil, nil)

// keyError is KeyError(key).
func keyError(key py.Object) *py.Exception {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.StringDict{}}
}

const heapMetric = "/memory/classes/heap/objects:bytes"

// heapBytes reads the live heap without stopping the world, which
// runtime.ReadMemStats would.
func (ev *evaluation) heapBytes() uint64 {
	s := ev.heapSample[:]
	s[0].Name = heapMetric
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// note adds an information finding once per key.
func (ev *evaluation) note(key, code string, pos model.Pos, msg string) {
	if ev.noted[key] {
		return
	}
	ev.noted[key] = true
	ev.report(code, diag.Info, pos, msg)
}

// removedName reads the name out of a NameError when Pywikibot once had a
// variable of that name.
func removedName(exc *py.Exception) (string, bool) {
	args, _ := exc.Args.(py.Tuple)
	if len(args) != 1 {
		return "", false
	}
	msg, _ := args[0].(py.String)
	_, rest, ok := strings.Cut(string(msg), "'")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "'")
	if !ok {
		return "", false
	}
	_, removed := pywikibot.RemovedIn(name)
	return name, removed
}

// stopRemoved explains a NameError on a variable Pywikibot dropped.
func (ev *evaluation) stopRemoved(name, text string) {
	r, _ := pywikibot.RemovedIn(name)
	ev.stop(diag.CodeRemovedName, ev.stopPos(), fmt.Sprintf(
		"%s: Pywikibot removed %q in %s (%s was the last release with it)",
		text, name, r.GoneSince, r.LastRelease))
}
