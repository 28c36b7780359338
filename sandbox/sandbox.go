// Package sandbox runs the evaluator in worker processes under limits.
//
// STUB: this file only fixes the API that other packages build against.
package sandbox

import (
	"time"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// Limits bound one file's evaluation.
type Limits struct {
	Timeout     time.Duration // wall time per file; 0 means parser.DefaultTimeout
	MemoryBytes int64         // per worker; 0 means DefaultMemory
}

// DefaultMemory is the memory a worker may use.
const DefaultMemory = 256 << 20

// Pool evaluates files in worker processes. It is safe for concurrent use.
type Pool struct{}

// NewPool starts a pool of at most workers processes.
func NewPool(workers int, limits Limits) *Pool { return &Pool{} }

// Evaluate evaluates one file in a worker. It never returns nil.
func (p *Pool) Evaluate(file string, src []byte, env map[string]string) *model.Config {
	return parser.Evaluate(file, src, parser.Options{Env: env})
}

// Close stops the workers.
func (p *Pool) Close() error { return nil }

// RunWorkerIfRequested turns this process into a worker when it was started
// as one, and never returns in that case. main and every TestMain whose
// tests start a Pool call it first.
func RunWorkerIfRequested() {}
