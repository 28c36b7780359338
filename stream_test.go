package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/diag"
)

// stampedWriter keeps what is written and when it was first written to.
type stampedWriter struct {
	mu    sync.Mutex
	b     strings.Builder
	first time.Time
}

func (w *stampedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.first.IsZero() {
		w.first = time.Now()
	}
	return w.b.Write(p)
}

func writeConfig(t *testing.T, path, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLintPrintsEachFileWhenDone checks that a file's findings are printed
// while later files are still being checked, not held to the end.
func TestLintPrintsEachFileWhenDone(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, filepath.Join(dir, "a", "user-config.py"), "famliy = 'wikipedia'\n")
	writeConfig(t, filepath.Join(dir, "b", "user-config.py"), "while True:\n    pass\n")
	var stdout stampedWriter
	var stderr strings.Builder
	code := cli.Run([]string{"pwbconf", "lint", "--jobs", "1", "--timeout", "3s", dir},
		strings.NewReader(""), &stdout, &stderr, nil)
	end := time.Now()
	out := stdout.b.String()
	a := strings.Index(out, filepath.Join(dir, "a", "user-config.py")+":1:1:")
	b := strings.Index(out, filepath.Join(dir, "b", "user-config.py")+":")
	if code != 1 || a < 0 || b < a {
		t.Fatalf("exit %d; want both files' findings, a's first; stdout:\n%s\nstderr:\n%s",
			code, out, stderr.String())
	}
	// b runs into its 3-second limit after a is done.
	if early := end.Sub(stdout.first); early < time.Second {
		t.Errorf("the first finding was printed %v before the end; want it printed "+
			"while the looping file still ran", early)
	}
}

// TestLintPlacesPathProblems checks that a path that cannot be read is
// reported in its place among the checked files, as if every finding had
// been sorted together.
func TestLintPlacesPathProblems(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "z"} {
		writeConfig(t, filepath.Join(dir, "m", name, "user-config.py"), "famliy = 'wikipedia'\n")
	}
	r := run(t, "lint", "--jobs", "2", filepath.Join(dir, "m"), filepath.Join(dir, "m", "n"))
	got := regexp.MustCompile(`(?m)^\S*?/m/(\w)\S*: `).FindAllStringSubmatch(r.stdout, -1)
	var order []string
	for _, m := range got {
		order = append(order, m[1])
	}
	order = slices.Compact(order)
	if strings.Join(order, "") != "anz" || r.code != 2 {
		t.Errorf("exit %d, files in the order %q, want 2 and \"anz\"; stdout:\n%s",
			r.code, order, r.stdout)
	}
}

// TestLintSortsMaskedFindings checks that lint's output is sorted and free
// of duplicates as printed, that is after masking: two findings that differ
// only in a secret print alike and are one finding, and a mask "****(16)"
// sorts before "****(20)" whatever the secrets were.
func TestLintSortsMaskedFindings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "user-config.py")
	src := "family = 'wikipedia'\nmylang = 'en'\n" +
		"usernames['wikipedia']['en'] = 'Bot'\n" +
		"for k in ['aasecrethost.example', 'zzsecret.example', 'mmsecret.example']:\n" +
		"    authenticate[k] = (k, 'a', 'b', 'c')\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	cli.Run([]string{"pwbconf", "lint", "-f", "json", "--select", "PWB304", file},
		strings.NewReader(""), &stdout, &stderr, nil)
	var ds []diag.Diagnostic
	if err := json.Unmarshal([]byte(stdout.String()), &ds); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	if strings.Contains(stdout.String(), "secret.example") {
		t.Fatalf("a secret is printed:\n%s", stdout.String())
	}
	if !slices.IsSortedFunc(ds, diag.Compare) || len(slices.Compact(slices.Clone(ds))) != len(ds) {
		t.Fatalf("findings not sorted, or repeated, as printed:\n%s", stdout.String())
	}
}

// TestLintKeepsEveryProblem checks that a path that cannot be read is
// reported even when an earlier problem shares its file with a checked
// file. Standard input is checked as "<stdin>", and a path of that name
// that does not exist is a problem of the same file.
func TestLintKeepsEveryProblem(t *testing.T) {
	// Relative names sort after "<stdin>", so they are still pending when
	// its findings are merged with its problem.
	t.Chdir(t.TempDir())
	missing := []string{"m1.py", "m2.py"}
	var stdout, stderr strings.Builder
	args := append([]string{"pwbconf", "lint", "-f", "github", "-", "<stdin>"}, missing...)
	code := cli.Run(args, strings.NewReader("famliy = 'wikipedia'\n"), &stdout, &stderr, nil)
	out := stdout.String()
	for _, m := range missing {
		if !strings.Contains(out, "file="+m+",") {
			t.Errorf("no finding for %s", m)
		}
	}
	if n := strings.Count(out, "file=<stdin>,line=1,"); n != 1 {
		t.Errorf("%d findings of <stdin> line 1, want 1", n)
	}
	if code != 2 || t.Failed() {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr.String())
	}
}
