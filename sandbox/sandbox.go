// Package sandbox runs the evaluator in worker processes under limits, so
// that a user-config.py from a stranger can loop, allocate or recurse
// without taking the tool, or the machine, down with it.
//
// A worker is the running binary itself, started again with a marker in its
// environment; RunWorkerIfRequested turns such a process into a worker. A
// worker evaluates one file at a time, as many as it is given, so start-up
// is paid once per worker. On itself it sets a data-segment rlimit, a heap
// limit watched by a goroutine, a stack limit and a CPU rlimit as a last
// backstop. The parent bounds each file by wall-clock time and kills the
// worker's process group on overrun; a worker that dies is replaced when
// the next file needs one.
//
// The protocol runs over the worker's stdin and stdout (which the worker
// moves to private descriptors at start, pointing fd 0 and 1 at /dev/null
// so that nothing the interpreter reads or prints can touch it). Each frame
// is a 4-byte big-endian length followed by a value of one gob stream. Besides the pipes the
// two sides share one page of memory (a memfd): the worker's evaluator
// stores the line it is running there, so after a kill or a crash the
// parent still knows where the file was.
package sandbox

import (
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// Limits bound one file's evaluation.
type Limits struct {
	Timeout     time.Duration // wall time per file; 0 means parser.DefaultTimeout
	MemoryBytes int64         // Go heap per worker; 0 means DefaultMemory
	// MaxFileBytes is the largest file sent to a worker; 0 means
	// DefaultMaxFileBytes. A larger file is refused unread by the evaluator.
	MaxFileBytes int64
	// FilesPerWorker retires a worker after that many files; 0 means never.
	// The evaluator keeps a file from changing the interpreter's built-in
	// types, which are process-wide; 1 is a further fence against state it
	// does not know of, at the price of a process start per file.
	FilesPerWorker int
}

// DefaultMemory is the heap a worker may use: the evaluator's own limit
// for one file, since a worker evaluates one file at a time.
const DefaultMemory = parser.DefaultMemoryLimit

// DefaultMaxFileBytes is the size above which a file is not evaluated.
const DefaultMaxFileBytes = 5 << 20

// withDefaults fills the zero fields of l.
func (l Limits) withDefaults() Limits {
	if l.Timeout <= 0 {
		l.Timeout = parser.DefaultTimeout
	}
	if l.MemoryBytes <= 0 {
		l.MemoryBytes = DefaultMemory
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = DefaultMaxFileBytes
	}
	return l
}

// grace is how long past the time limit the parent waits before it kills a
// worker: long enough for the evaluator's own limit, which knows the line
// and keeps what the file set so far, to fire first. The evaluator looks
// at the clock between steps of the file, and a worker that a loaded
// machine leaves unscheduled for a few hundred milliseconds must not lose
// the file's settings for it; a kill is for a worker that no longer
// steps.
func (l Limits) grace() time.Duration {
	return max(time.Second, l.Timeout/2)
}

// Pool evaluates files in worker processes. It is safe for concurrent use.
type Pool struct {
	limits Limits
	// slots holds one token per worker the pool may run: an idle worker,
	// or nil where one is still to be started. Taking a token is the right
	// to evaluate one file.
	slots chan *worker
	done  chan struct{}
	once  sync.Once
}

// NewPool starts a pool of at most workers processes; workers <= 0 means
// runtime.NumCPU(). Processes start when files first need them.
func NewPool(workers int, limits Limits) *Pool {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	p := &Pool{
		limits: limits.withDefaults(),
		slots:  make(chan *worker, workers),
		done:   make(chan struct{}),
	}
	for range workers {
		p.slots <- nil
	}
	return p
}

// Start starts up to n workers in the background, so that the first files
// need not wait for a process to start; Evaluate starts any that are
// still missing when a file needs them.
func (p *Pool) Start(n int) {
	for range min(n, cap(p.slots)) {
		go func() {
			var w *worker
			select {
			case w = <-p.slots:
			case <-p.done:
				return
			}
			if w == nil {
				// A worker that cannot start is tried again, and the error
				// reported, by the file that needs it.
				w, _ = startWorker(p.limits)
			}
			p.slots <- w
		}()
	}
}

// Env is the environment a file may read. The zero Env knows no variable,
// and every read stays symbolic.
type Env struct {
	Vars map[string]string
	// Complete says Vars is the whole environment, as when it is the
	// process's own: a variable not in Vars is unset, as CPython sees it
	// (see parser.Options.EnvComplete).
	Complete bool
}

// Evaluate evaluates one file in a worker. It never returns nil: a file the
// sandbox had to stop gets a model holding an error diagnostic at the line
// it had reached. Concurrent calls get workers in no set order; Take gives
// them in the order the files are taken.
func (p *Pool) Evaluate(file string, src []byte, env Env) *model.Config {
	if n := int64(len(src)); n > p.limits.MaxFileBytes {
		return p.tooLarge(file, n)
	}
	return p.Take().Evaluate(file, src, env)
}

// A Turn is one file's right to a worker, taken before the file is
// evaluated. Turns are granted in the order Take is called, so a caller
// that takes them in the order of its files has the files evaluated in
// that order however many goroutines then run them.
type Turn struct {
	p      *Pool
	w      *worker
	open   bool // holds a slot of p
	closed bool // taken from a closed pool
}

// Take waits until a worker is free and holds it for one Evaluate or
// Release of the returned turn. On a closed pool it returns at once, with a
// turn whose Evaluate reports the pool closed.
func (p *Pool) Take() *Turn {
	select {
	case w := <-p.slots:
		return &Turn{p: p, w: w, open: true}
	case <-p.done:
		return &Turn{p: p, closed: true}
	}
}

// Release gives the turn's worker back unused. It does nothing once the
// turn was used or released, so a caller can defer it.
func (t *Turn) Release() {
	if t.open {
		t.open = false
		t.p.slots <- t.w
	}
}

// Evaluate is Pool.Evaluate in the worker the turn holds, which it gives
// back. A turn evaluates one file; evaluating a second, or after Release,
// is a bug of the caller and panics.
func (t *Turn) Evaluate(file string, src []byte, env Env) *model.Config {
	p := t.p
	if t.closed {
		return fileError(file, diag.CodeInternal, closedText)
	}
	if !t.open {
		panic("sandbox: a Turn evaluates one file")
	}
	if n := int64(len(src)); n > p.limits.MaxFileBytes {
		t.Release()
		return p.tooLarge(file, n)
	}
	t.open = false
	w := t.w
	req := request{
		File: file, Src: src, Env: env.Vars, EnvComplete: env.Complete,
		Timeout: p.limits.Timeout,
	}
	// A worker that dies before it has taken up the file (it crashed on the
	// garbage of the one before, say) is not the file's fault: try once more
	// with a fresh one.
	for attempt := 0; ; attempt++ {
		var res result
		w, res = p.run(w, &req)
		if res.cfg != nil || attempt > 0 || res.started {
			p.slots <- w
			return res.config(file, src, p.limits)
		}
	}
}

// tooLarge is the model of a file over the size limit, never evaluated.
func (p *Pool) tooLarge(file string, n int64) *model.Config {
	return fileError(file, diag.CodeRefused, fmt.Sprintf(
		"file is %s, over the %s size limit; it was not evaluated",
		sizeText(n), sizeText(p.limits.MaxFileBytes)))
}

// run evaluates req in w, or in a new worker when w is nil, and returns the
// worker to keep (nil when it is gone).
func (p *Pool) run(w *worker, req *request) (*worker, result) {
	select {
	case <-p.done:
		w.stop()
		return nil, result{cfg: fileError(req.File, diag.CodeInternal, closedText)}
	default:
	}
	if w == nil {
		var err error
		if w, err = startWorker(p.limits); err != nil {
			return nil, result{cfg: fileError(req.File, diag.CodeInternal,
				"cannot start a sandbox worker: "+err.Error())}
		}
	}
	res := w.evaluate(req, p.limits.Timeout+p.limits.grace())
	if res.cfg == nil || w.retiring || w.seq == int64(p.limits.FilesPerWorker) {
		w.stop()
		w = nil
	}
	return w, res
}

// Close stops the workers. It waits for evaluations under way to finish;
// Evaluate calls made after it return an internal-error model.
func (p *Pool) Close() error {
	p.once.Do(func() {
		close(p.done)
		for range cap(p.slots) {
			(<-p.slots).stop()
		}
	})
	return nil
}

// closedText is the message for a file given to a closed pool.
const closedText = "the sandbox was closed before the file was evaluated"

// sizeText renders a byte count for a message.
func sizeText(n int64) string {
	switch {
	case n < 1<<20:
		return fmt.Sprintf("%d KiB", (n+1023)>>10)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
