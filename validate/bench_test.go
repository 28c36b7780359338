package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// BenchmarkCheckTypical checks the manual's layout for eleven families,
// the file most users have.
func BenchmarkCheckTypical(b *testing.B) {
	file, src := sharedcase.Read(b, "01")
	cfg := parser.Evaluate(file, src, parser.Options{})
	opts := Options{Source: src}
	for b.Loop() {
		Check(cfg, opts)
	}
}

// BenchmarkCheckGenerated checks a mix of files, every shared case and
// every rule fixture, so that no one shape decides the figure. The
// hostile cases are left out: evaluated outside a worker they spend
// their time limit and leave nothing to check.
func BenchmarkCheckGenerated(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedcase.Dir, "*", "user-config.py"))
	fixtures, _ := filepath.Glob("testdata/rules/*.py")
	clean, _ := filepath.Glob("testdata/rules/clean/*.py")
	files = append(append(files, fixtures...), clean...)
	type input struct {
		cfg *model.Config
		src []byte
	}
	var inputs []input
	for _, file := range files {
		if strings.Contains(file, "hostile") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, input{parser.Evaluate(file, src, parser.Options{}), src})
	}
	for b.Loop() {
		for _, in := range inputs {
			Check(in.cfg, Options{Source: in.src})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(inputs)), "ns/file")
}
