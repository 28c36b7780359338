package sandbox

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// config turns a result into the model Evaluate returns. src is the file,
// for the column of the statement a limit stopped.
func (r result) config(file string, src []byte, l Limits) *model.Config {
	if r.cfg != nil {
		return r.cfg
	}
	code, msg := r.cause(l)
	// The worker took the file's state with it.
	msg += "; nothing the file set is known"
	return refuseAt(file, code, r.line, column(src, r.line), msg)
}

// cause classifies a worker's death into a diagnostic code and message.
func (r result) cause(l Limits) (code, msg string) {
	status := -1
	var sig syscall.Signal
	if r.state != nil {
		ws := r.state.Sys().(syscall.WaitStatus)
		status, sig = ws.ExitStatus(), ws.Signal()
	}
	switch {
	case r.timedOut:
		return diag.CodeTimeLimit, fmt.Sprintf("evaluation exceeded the time limit of %s", l.Timeout)
	case strings.Contains(r.stderr, "goroutine stack exceeds"),
		strings.Contains(r.stderr, "stack overflow"):
		return diag.CodeRecursionLimit, "recursion too deep; evaluation ran out of stack"
	case status == exitMemory,
		strings.Contains(r.stderr, heapOverText),
		strings.Contains(r.stderr, "out of memory"),
		strings.Contains(r.stderr, "cannot allocate memory"),
		strings.Contains(r.stderr, "failed to allocate"):
		return diag.CodeMemoryLimit, "evaluation exceeded the memory limit of " + sizeText(l.MemoryBytes)
	case status == exitCPU:
		return diag.CodeTimeLimit, "evaluation exceeded its CPU time budget"
	case r.state != nil && r.state.Exited():
		return diag.CodeInternal, fmt.Sprintf(
			"sandbox worker exited with status %d: %s", status, r.stderr)
	case r.state != nil:
		return diag.CodeInternal, fmt.Sprintf("sandbox worker killed by signal %s", sig)
	}
	return diag.CodeInternal, "sandbox worker failed: " + r.stderr
}

// fileError returns a model holding one error about the file as a whole.
func fileError(file, code, msg string) *model.Config {
	return refuseAt(file, code, 0, 0, msg)
}

// refuseAt returns a model that stopped at line with one error there; a
// zero line means evaluation never started or the line is not known.
func refuseAt(file, code string, line, col int, msg string) *model.Config {
	cfg := &model.Config{File: file}
	if line > 0 {
		col = max(col, 1)
		cfg.Stopped = &model.Pos{Line: line, Col: col}
	}
	cfg.Diagnostics = []diag.Diagnostic{{
		Code: code, Severity: diag.Error, Message: msg, File: file, Line: line, Column: col,
	}}
	return cfg
}

// column returns the 1-based column, in characters, of the first
// non-blank character of line in src, or 0 when there is no such line.
func column(src []byte, line int) int {
	if line <= 0 {
		return 0
	}
	for range line - 1 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return 0
		}
		src = src[i+1:]
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	indent := len(src) - len(bytes.TrimLeft(src, " \t\f"))
	return utf8.RuneCount(src[:indent]) + 1
}

// tail keeps the start and the end of what a worker writes to stderr: the
// runtime's fatal message comes first and may be followed by a traceback
// far longer than is worth keeping.
type tail struct {
	mu         sync.Mutex
	limit      int
	head, last []byte
}

func newTail(limit int) *tail { return &tail{limit: limit} }

// Write keeps the first limit bytes and the last limit bytes of the stream.
func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := len(p)
	if room := t.limit - len(t.head); room > 0 {
		k := min(room, len(p))
		t.head = append(t.head, p[:k]...)
		p = p[k:]
	}
	t.last = append(t.last, p...)
	if over := len(t.last) - t.limit; over > 0 {
		t.last = append(t.last[:0], t.last[over:]...)
	}
	return n, nil
}

// fatal returns the line that best says why the worker died: the Go
// runtime's "fatal error" or "panic" line, the worker's own report, or else
// the last line written.
func (t *tail) fatal() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var lines []string
	for _, b := range [][]byte{t.head, t.last} {
		lines = append(lines, strings.Split(strings.ToValidUTF8(string(b), "?"), "\n")...)
	}
	var found, last string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			continue
		case strings.HasPrefix(l, "runtime: goroutine stack exceeds"),
			strings.HasPrefix(l, "fatal error:"),
			strings.HasPrefix(l, "panic:"),
			strings.HasPrefix(l, "pwbconf worker:"):
			if found == "" {
				found = l
			}
		}
		last = l
	}
	if found == "" {
		found = last
	}
	if len(found) > 200 {
		found = found[:200]
	}
	return found
}
