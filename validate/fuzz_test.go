package validate

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/parser"
)

// lineBreak splits source lines as Python does.
var lineBreak = regexp.MustCompile("\r\n|\r|\n")

// FuzzValidate runs the rules on whatever the evaluator makes of the input
// and checks that none panics, that the findings come sorted and without
// duplicates, and that each points inside the file.
func FuzzValidate(f *testing.F) {
	for _, pattern := range []string{"../testdata/cases/[0-9]*/user-config.py",
		"testdata/rules/*.py", "testdata/rules/clean/*.py"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if strings.Contains(file, "26-") {
				continue // allocates until the worker's memory limit stops it
			}
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if strings.Contains(string(src), "*") || strings.Contains(string(src), "<<") {
			// Repetition and shifts can allocate without bound in one
			// operation; in the tool the worker process limit covers those.
			return
		}
		done := make(chan []diag.Diagnostic, 1)
		go func() {
			cfg := parser.Evaluate("f.py", src, parser.Options{Timeout: 200 * time.Millisecond})
			done <- Check(cfg, Options{Source: src})
		}()
		select {
		case ds := <-done:
			checkFindings(t, src, ds)
		case <-time.After(hangAfter):
			buf := make([]byte, 16<<10)
			buf = buf[:runtime.Stack(buf, true)]
			t.Fatalf("no result after %v for %q; goroutines:\n%s", hangAfter, src, buf)
		}
	})
}

// hangAfter is how long one input may take, well past the evaluator's own
// limit, before the fuzzer reports it as a hang with where it is stuck.
const hangAfter = 10 * time.Second

// checkFindings asserts the properties every list of findings has.
func checkFindings(t *testing.T, src []byte, ds []diag.Diagnostic) {
	t.Helper()
	if !slices.IsSortedFunc(ds, diag.Compare) {
		t.Errorf("findings not sorted:\n%s", dump(ds))
	}
	for i := 1; i < len(ds); i++ {
		if ds[i] == ds[i-1] {
			t.Errorf("duplicate finding %v", ds[i])
		}
	}
	lines := lineBreak.Split(string(src), -1)
	for _, d := range ds {
		if d.File != "f.py" || d.Message == "" || d.Severity < diag.Info || d.Severity > diag.Error {
			t.Errorf("malformed finding %+v", d)
		}
		if d.Line < 0 || d.Line > len(lines) {
			t.Errorf("%s at line %d of a %d-line file", d.Code, d.Line, len(lines))
			continue
		}
		if d.Line == 0 {
			continue
		}
		width := utf8.RuneCountInString(lines[d.Line-1])
		if d.Column < 1 || d.Column > width+1 {
			t.Errorf("%s at %d:%d, a line of %d characters", d.Code, d.Line, d.Column, width)
		}
	}
}
