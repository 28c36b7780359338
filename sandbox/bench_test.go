package sandbox

import (
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/parser"
)

func BenchmarkPoolEvaluate(b *testing.B) {
	file, src := sharedcase.Read(b, "01")
	p := NewPool(1, Limits{})
	defer p.Close()
	p.Evaluate(file, src, Env{}) // start the worker outside the timing
	for b.Loop() {
		p.Evaluate(file, src, Env{})
	}
}

func BenchmarkInProcessEvaluate(b *testing.B) {
	file, src := sharedcase.Read(b, "01")
	for b.Loop() {
		parser.Evaluate(file, src, parser.Options{})
	}
}

// BenchmarkWorkerStart measures starting a worker and evaluating a first
// file in it: the price of a fresh worker after a kill.
func BenchmarkWorkerStart(b *testing.B) {
	file, src := sharedcase.Read(b, "01")
	for b.Loop() {
		p := NewPool(1, Limits{})
		p.Evaluate(file, src, Env{})
		p.Close()
	}
}

// BenchmarkRecoverAfterKill measures the file after one that was killed at
// the time limit: a fresh worker starts for it.
func BenchmarkRecoverAfterKill(b *testing.B) {
	file, src := sharedcase.Read(b, "01")
	p := NewPool(1, Limits{Timeout: 20 * time.Millisecond})
	defer p.Close()
	for range b.N {
		b.StopTimer()
		p.Evaluate("spin.py", []byte(fakePrefix+"spin"), Env{})
		b.StartTimer()
		p.Evaluate(file, src, Env{})
	}
}
