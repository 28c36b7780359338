package convert

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/parser"
)

// TestPythonLoadsInCPython converts each config of testdata/cpython and
// case 01 to YAML, reads the YAML back, writes it as Python, and runs the
// original and the result in CPython: both must set the same values, with
// the variables they read set, and with them unset, where both must give
// the same values or fail with the same exception. Skipped where python3
// is not installed.
func TestPythonLoadsInCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	files, _ := filepath.Glob("testdata/cpython/*.py")
	files = append(files, filepath.Join(casesDir, "01-manual-eleven", "user-config.py"))
	dir := t.TempDir()
	args := []string{"testdata/cpython/load.py"}
	for _, f := range files {
		if filepath.Base(f) == "load.py" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cfg := parser.Evaluate(f, src, parser.Options{})
		if hasErrors(cfg) {
			t.Fatalf("%s: %v", f, cfg.Diagnostics)
		}
		y, err := New(cfg, Inline).YAML()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Decode(y, "config.yaml")
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, y)
		}
		py, err := New(back, Inline).Python()
		if err != nil {
			t.Fatalf("%s: %v\n%s", f, err, y)
		}
		out := filepath.Join(dir, filepath.Base(f))
		if err := os.WriteFile(out, py, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, f, out)
	}
	var unset []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PWBCONF_TEST_") {
			unset = append(unset, kv)
		}
	}
	// The sandbox does not see these; the conversion keeps them as
	// references, which the converted file reads like the original.
	set := append(slices.Clone(unset), "PWBCONF_TEST_BOT_NAME=example_bot",
		"PWBCONF_TEST_CK=ck", "PWBCONF_TEST_CS=cs", "PWBCONF_TEST_AT=at", "PWBCONF_TEST_AS=as")
	t.Run("set", func(t *testing.T) { loadAlike(t, python, args, set, false) })
	t.Run("unset", func(t *testing.T) { loadAlike(t, python, args, unset, true) })
}

// loadAlike runs load.py on pairs of files, an original and its
// conversion, and compares what each pair set; an exception counts as
// what a file set only where mayFail.
func loadAlike(t *testing.T, python string, args, env []string, mayFail bool) {
	cmd := exec.Command(python, args...)
	cmd.Env = env
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, res)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	if len(lines) != len(args)-1 {
		t.Fatalf("python3 printed %d lines for %d files:\n%s", len(lines), len(args)-1, res)
	}
	for i := 0; i+1 < len(lines); i += 2 {
		if !mayFail && strings.HasPrefix(lines[i], `{"exception"`) {
			t.Errorf("%s fails: %s", args[i+1], lines[i])
		}
		if diff := cmp.Diff(lines[i], lines[i+1]); diff != "" {
			t.Errorf("%s loads differently after conversion (-original +converted):\n%s",
				args[i+1], diff)
		}
	}
}
