package coverage

import (
	"os"
	"testing"

	"github.com/pwbconf/pwbconf/parser"
)

func BenchmarkCompute(b *testing.B) {
	src, err := os.ReadFile("../testdata/cases/01-manual-eleven/user-config.py")
	if err != nil {
		b.Fatal(err)
	}
	cfg := parser.Evaluate("user-config.py", src, parser.Options{})
	for b.Loop() {
		Compute(cfg)
	}
}
