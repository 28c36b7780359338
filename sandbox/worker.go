package sandbox

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// workerEnv marks a worker process; its value is the workerSpec as JSON.
const workerEnv = "PWBCONF_SANDBOX_WORKER"

// Exit statuses by which a worker says why it ended itself.
const (
	exitMemory   = 3 // the heap watchdog saw the heap pass its limit
	exitCPU      = 4 // the CPU rlimit's soft limit was reached
	exitProtocol = 5 // the parent sent something unreadable
	exitSetup    = 6 // the worker could not put its limits in place
)

// workerSpec is what a worker is told at start.
type workerSpec struct {
	MemoryBytes int64 `json:"memory"`
}

// heapLimit is where the worker ends itself. It sits a quarter above the
// limit the evaluator checks on its own, so that a file growing step by
// step is stopped by the evaluator, which knows the line and keeps what
// the file set so far; only a single huge operation gets this far.
func (s workerSpec) heapLimit() int64 { return s.MemoryBytes + s.MemoryBytes/4 }

// stackLimit is the most stack one goroutine of a worker may use. A Python
// call takes a few kilobytes of Go stack in the interpreter, and the
// evaluator stops at 1000 nested calls, CPython's default, which took
// under 16 MiB even through builtins that call back into Python; the floor
// leaves room beyond that whatever the heap limit.
func (s workerSpec) stackLimit() int64 { return max(s.MemoryBytes/4, 32<<20) }

// dataLimit is the RLIMIT_DATA of a worker: the heap limit, room for a
// full stack being copied on growth (old and new copies are live at once),
// and what the runtime holds at idle, which was measured at about 74 MiB of
// private writable mappings (one 64 MiB heap arena and the runtime's own
// structures). RLIMIT_AS would not do: the runtime reserves over a GiB of
// address space it never touches.
func (s workerSpec) dataLimit() uint64 {
	return uint64(s.heapLimit() + 3*s.stackLimit()/2 + 128<<20)
}

// cpuLifetime is the CPU time after which a worker retires and the pool
// starts a fresh one. The hard CPU rlimit sits there, so even a worker
// whose parent is gone cannot burn more.
const cpuLifetime = 10 * time.Minute

// evaluate is the evaluator a worker runs. Tests of this package replace it
// to make a worker misbehave on purpose.
var evaluate = parser.Evaluate

// RunWorkerIfRequested turns this process into a worker when it was started
// as one, and never returns in that case. main and every TestMain whose
// tests start a Pool call it first.
func RunWorkerIfRequested() {
	spec, ok := os.LookupEnv(workerEnv)
	if !ok {
		return
	}
	os.Exit(serve(spec))
}

// serve is the life of a worker; it returns the exit status.
func serve(specText string) int {
	spec, in, out, sh, err := setUp(specText)
	if err != nil {
		fmt.Fprintln(os.Stderr, "pwbconf worker:", err)
		return exitSetup
	}
	// The evaluator's one-time set-up is done before the worker says it is
	// ready, so that it never counts against a file's time.
	parser.Warm()
	w := bufio.NewWriter(out)
	requests, replies := newFrameReader(bufio.NewReader(in), maxRequest(spec)), newFrameWriter(w)
	if replies.write(reply{}) != nil || w.Flush() != nil {
		return 0
	}
	for {
		var req request
		switch err := requests.read(&req); {
		case err == io.EOF:
			return 0
		case err != nil:
			fmt.Fprintln(os.Stderr, "pwbconf worker: reading a request:", err)
			return exitProtocol
		}
		sh.seq.Add(1)
		rep := evaluateOne(&req, sh, spec)
		if replies.write(rep) != nil || w.Flush() != nil || rep.Retire {
			return 0
		}
	}
}

// setUp takes the protocol descriptors and the shared page over and puts
// the limits in place, before any request is read.
func setUp(specText string) (spec workerSpec, in, out *os.File, sh *shared, err error) {
	if err = json.Unmarshal([]byte(specText), &spec); err != nil || spec.MemoryBytes <= 0 {
		return spec, nil, nil, nil, fmt.Errorf("bad %s %q", workerEnv, specText)
	}
	if in, out, err = takeProtocolFDs(); err != nil {
		return spec, nil, nil, nil, err
	}
	if sh, _, err = mapShared(sharedFD); err != nil {
		return spec, nil, nil, nil, err
	}
	unix.Close(sharedFD)
	if err = setLimits(spec); err != nil {
		return spec, nil, nil, nil, err
	}
	go watchHeap(uint64(spec.heapLimit()))
	go watchCPU()
	return spec, in, out, sh, nil
}

// maxRequest bounds a request frame: the parent never sends a file over
// the size limit, which is far below it.
func maxRequest(spec workerSpec) int { return int(spec.MemoryBytes / 2) }

// evaluateOne runs the evaluator on one request. A panic that escapes the
// evaluator becomes an internal-error model, and the worker retires since
// the interpreter's state may be broken.
func evaluateOne(req *request, sh *shared, spec workerSpec) (rep reply) {
	defer func() {
		if v := recover(); v != nil {
			msg := fmt.Sprintf("evaluator panicked: %v", v)
			cfg := refuseAt(req.File, diag.CodeInternal, int(sh.line.Load()), 1, msg)
			rep = reply{Config: cfg, Retire: true}
		}
	}()
	rep.Retire = !allowCPU(req.Timeout)
	rep.Config = evaluate(req.File, req.Src, parser.Options{
		Env: req.Env, EnvComplete: req.EnvComplete, Timeout: req.Timeout, Line: &sh.line,
		MemoryLimit: uint64(spec.MemoryBytes),
	})
	if rep.Config == nil {
		rep.Config = &model.Config{File: req.File}
	}
	// A file stopped at the memory limit leaves its garbage behind; the
	// heap watchdog could then blame the next file for it. A fresh worker
	// costs a few milliseconds.
	if slices.ContainsFunc(rep.Config.Diagnostics, func(d diag.Diagnostic) bool {
		return d.Code == diag.CodeMemoryLimit
	}) {
		rep.Retire = true
	}
	return rep
}

// takeProtocolFDs moves the protocol off fds 0 and 1 and points those at
// /dev/null: the interpreter has code paths that print to os.Stdout
// directly, and a file that read stdin would otherwise read the next
// request.
func takeProtocolFDs() (in, out *os.File, err error) {
	null, err := unix.Open(os.DevNull, unix.O_RDWR|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	defer unix.Close(null)
	var fds [2]int
	for i := range fds {
		if fds[i], err = unix.FcntlInt(uintptr(i), unix.F_DUPFD_CLOEXEC, 10); err != nil {
			return nil, nil, err
		}
		if err = unix.Dup3(null, i, 0); err != nil {
			return nil, nil, err
		}
	}
	return os.NewFile(uintptr(fds[0]), "request"), os.NewFile(uintptr(fds[1]), "reply"), nil
}

// setLimits puts the worker's limits in place.
func setLimits(spec workerSpec) error {
	debug.SetMaxStack(int(spec.stackLimit()))
	debug.SetMemoryLimit(spec.heapLimit())
	// A worker's heap is bounded by the limit above whatever the collector's
	// target, and both memory checks collect before they judge, so a target
	// four times the live heap costs no safety and saves most collections.
	debug.SetGCPercent(400)
	cpu := uint64(cpuLifetime / time.Second)
	limits := []struct {
		resource int
		cur, max uint64
	}{
		{unix.RLIMIT_DATA, spec.dataLimit(), spec.dataLimit()},
		// The soft CPU limit is moved up before each file; see allowCPU.
		{unix.RLIMIT_CPU, cpu, cpu},
		// A worker writes no files and needs no core dumps.
		{unix.RLIMIT_FSIZE, 0, 0},
		{unix.RLIMIT_CORE, 0, 0},
		// Room for the descriptors the runtime opens, not for many more.
		{unix.RLIMIT_NOFILE, 32, 32},
	}
	for _, l := range limits {
		if err := unix.Setrlimit(l.resource, &unix.Rlimit{Cur: l.cur, Max: l.max}); err != nil {
			return fmt.Errorf("setting rlimit %d: %w", l.resource, err)
		}
	}
	return nil
}

// allowCPU sets the soft CPU limit to what the worker has used plus a
// budget for one file, and reports false when the lifetime budget is too
// low for another file after this one.
func allowCPU(timeout time.Duration) bool {
	var ru unix.Rusage
	if unix.Getrusage(unix.RUSAGE_SELF, &ru) != nil {
		return false
	}
	used := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	// The garbage collector's threads run beside the evaluator, so CPU time
	// can pass wall time: the budget is twice the wall limit, plus a second.
	budget := 2*timeout + time.Second
	soft := min(uint64((used+budget)/time.Second)+1, uint64(cpuLifetime/time.Second))
	rl := unix.Rlimit{Cur: soft, Max: uint64(cpuLifetime / time.Second)}
	if unix.Setrlimit(unix.RLIMIT_CPU, &rl) != nil {
		return false
	}
	return used+2*budget < cpuLifetime
}

// watchCPU ends the worker when the kernel says the soft CPU limit is
// reached. The runtime ignores SIGXCPU unless asked for it.
func watchCPU() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, unix.SIGXCPU)
	<-c
	fmt.Fprintln(os.Stderr, "pwbconf worker: CPU time limit reached")
	os.Exit(exitCPU)
}

// heapOverText opens the watchdog's last words. The parent looks for it
// too: the runtime may die of the same allocation with its own exit status
// between the watchdog's report and its exit.
const heapOverText = "pwbconf worker: heap of "

// watchHeap ends the worker when live heap passes limit. The data rlimit
// alone would catch this too, but only when the runtime next asks the
// kernel for memory, and a file that grows its data in small steps under
// debug.SetMemoryLimit can spend a long time collecting garbage first.
func watchHeap(limit uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for range time.Tick(5 * time.Millisecond) {
		metrics.Read(sample)
		if sample[0].Value.Uint64() < limit {
			continue
		}
		// Dead objects not yet swept count in the sample; only what a full
		// collection keeps is over the limit for sure.
		runtime.GC()
		metrics.Read(live)
		if n := live[0].Value.Uint64(); n >= limit {
			fmt.Fprintf(os.Stderr, "%s%d bytes over the limit\n", heapOverText, n)
			os.Exit(exitMemory)
		}
	}
}
