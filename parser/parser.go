// Package parser evaluates a user-config.py the way Pywikibot does.
//
// STUB: this file only fixes the API that other packages build against;
// the evaluator replaces it.
package parser

import (
	"sync/atomic"
	"time"

	"github.com/pwbconf/pwbconf/model"
)

// Options controls one evaluation.
type Options struct {
	// Env holds the environment variables the sandbox may know; a read of
	// any other variable yields a symbolic value.
	Env map[string]string
	// Timeout bounds evaluation time cooperatively; 0 means DefaultTimeout.
	Timeout time.Duration
	// Line, when set, receives the original line of the statement being
	// run, so a supervisor that kills a runaway evaluation can say where.
	Line *atomic.Int64
}

// DefaultTimeout is the per-file time limit.
const DefaultTimeout = 2 * time.Second

// Evaluate runs src as Pywikibot runs a user-config.py and returns the
// model. It never returns nil; failures are diagnostics in the model.
func Evaluate(file string, src []byte, opts Options) *model.Config {
	return &model.Config{File: file}
}
