package main

import (
	"testing"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/parser"
)

// TestShapesRun checks that every shape of generated config runs to its
// end, so that the benchmark times whole files and CPython raises on none.
func TestShapesRun(t *testing.T) {
	for i, s := range shapes {
		g := newGenerator(uint64(i))
		s.write(g)
		cfg := parser.Evaluate("user-config.py", []byte(g.b.String()), parser.Options{})
		for _, d := range cfg.Diagnostics {
			if d.Severity == diag.Error {
				t.Errorf("shape %d: %s at line %d: %s\n%s", i, d.Code, d.Line, d.Message, g.b.String())
			}
		}
	}
}

// TestGeneratorRepeats checks that one seed gives the same files, so that
// a smaller set is the start of a larger one.
func TestGeneratorRepeats(t *testing.T) {
	a, b := newGenerator(7), newGenerator(7)
	for range 50 {
		if x, y := a.config(), b.config(); x != y {
			t.Fatalf("seed 7 gave two different files:\n%s\n---\n%s", x, y)
		}
	}
}
