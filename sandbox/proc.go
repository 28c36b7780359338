package sandbox

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/pwbconf/pwbconf/model"
)

// startTimeout bounds a worker's start-up, limits included.
const startTimeout = 10 * time.Second

// worker is the parent's handle on one worker process.
type worker struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	// requests and replies are the two directions of the protocol.
	requests *frameWriter
	replies  *frameReader
	stderr   *tail
	shared   *shared
	mem      []byte
	seq      int64
	// killed is set when the parent killed the process, so that its death
	// is read as the time limit and not as a crash.
	killed atomic.Bool
	// retiring is set when the worker said it exits after its last reply.
	retiring bool
	waitErr  error
	stopOnce sync.Once
	// mu orders kills against reaping, so a late timer never signals a
	// process group whose id the kernel may have handed on.
	mu     sync.Mutex
	reaped bool
	// lastLine and lastSeq keep the shared page's contents once it is
	// unmapped.
	lastLine, lastSeq int64
}

// startWorker starts a worker process and waits until its limits are in
// place.
func startWorker(limits Limits) (*worker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	spec, _ := json.Marshal(workerSpec{MemoryBytes: limits.MemoryBytes})
	fd, sh, mem, err := newShared()
	if err != nil {
		return nil, err
	}
	page := os.NewFile(uintptr(fd), "pwbconf-sandbox")
	defer page.Close()

	w := &worker{cmd: exec.Command(exe), shared: sh, mem: mem, stderr: newTail(4 << 10)}
	// The worker gets no environment of the tool: a file only sees the
	// variables the caller passes with it.
	w.cmd.Env = []string{workerEnv + "=" + string(spec)}
	w.cmd.ExtraFiles = []*os.File{page}
	w.cmd.Stderr = w.stderr
	// A group of its own lets a kill reach all of the worker; Pdeathsig
	// ends it if the tool dies first. (The signal follows the thread that
	// started the worker, and the runtime only ends a thread when a goroutine
	// locked to it exits, which pwbconf never does.)
	w.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if w.in, err = w.cmd.StdinPipe(); err == nil {
		var out io.Reader
		if out, err = w.cmd.StdoutPipe(); err == nil {
			w.out = bufio.NewReader(out)
			w.requests, w.replies = newFrameWriter(w.in), newFrameReader(w.out, maxReply)
			err = w.cmd.Start()
		}
	}
	if err != nil {
		unix.Munmap(mem)
		return nil, err
	}
	t := time.AfterFunc(startTimeout, w.kill)
	defer t.Stop()
	if err := w.replies.read(&reply{}); err != nil {
		w.stop()
		if msg := w.stderr.fatal(); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, fmt.Errorf("worker ended at start: %v", w.waitErr)
	}
	return w, nil
}

// result is what became of one file in a worker.
type result struct {
	// cfg is the worker's model, or nil when the worker died or was killed.
	cfg *model.Config
	// started says the worker had taken the file up when it died.
	started bool
	// timedOut says the parent killed the worker at the deadline.
	timedOut bool
	// line is the last line the evaluator reported.
	line int
	// exitCode and stderr say how the worker ended.
	state  *os.ProcessState
	stderr string
}

// evaluate sends req to w and waits at most deadline for the reply. When
// the result has no model the worker is dead and stopped.
func (w *worker) evaluate(req *request, deadline time.Duration) result {
	w.seq++
	w.shared.line.Store(0)
	t := time.AfterFunc(deadline, w.kill)
	var rep reply
	err := w.requests.write(req)
	if err == nil {
		err = w.replies.read(&rep)
	}
	t.Stop()
	if err == nil && !w.killed.Load() {
		w.retiring = rep.Retire
		if rep.Config == nil {
			rep.Config = &model.Config{File: req.File}
		}
		return result{cfg: rep.Config}
	}
	w.stop()
	res := result{
		started:  w.lastSeq >= w.seq,
		timedOut: w.killed.Load(),
		line:     int(w.lastLine),
		state:    w.cmd.ProcessState,
		stderr:   w.stderr.fatal(),
	}
	if res.state == nil && res.stderr == "" {
		res.stderr = err.Error()
	}
	return res
}

// kill ends the worker's process group at once.
func (w *worker) kill() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.reaped {
		w.killed.Store(true)
		unix.Kill(-w.cmd.Process.Pid, unix.SIGKILL)
	}
}

// stop ends the worker and reaps it: closing its stdin makes an idle worker
// exit by itself; a worker that does not follow within a second is killed.
// It is safe to call on a nil worker and more than once.
func (w *worker) stop() {
	if w == nil {
		return
	}
	w.stopOnce.Do(func() {
		w.in.Close()
		done := make(chan struct{})
		go func() {
			err := w.cmd.Wait()
			w.mu.Lock()
			w.waitErr, w.reaped = err, true
			w.mu.Unlock()
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(time.Second):
			w.kill()
			<-done
		}
		w.lastLine, w.lastSeq = w.shared.line.Load(), w.shared.seq.Load()
		w.shared = nil
		unix.Munmap(w.mem)
	})
}
