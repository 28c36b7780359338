package hostile

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/diag"
)

// TestLintFolderOfHostileFiles runs lint, as the command, over a folder
// holding a 50 MB file, a few hostile files and a good one, and checks
// that each gets its finding and the good one is checked in full.
func TestLintFolderOfHostileFiles(t *testing.T) {
	w := newWorld(t)
	dir := t.TempDir()
	write := func(name string, src []byte) string {
		file := filepath.Join(dir, name, "user-config.py")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	big := make([]byte, 50<<20)
	copy(big, family)
	for i := len(family); i < len(big); i++ {
		big[i] = "# padding\n"[i%10]
	}
	bigFile := write("a-big", big)
	loopFile := write("b-loop", []byte(family+"while True:\n    pass\n"))
	readFile := write("c-read", []byte(family+"x = open('passwords.txt').read()\n"))
	goodFile := write("d-good", []byte(goodFile))
	before := w.snapshot(t)

	var stdout, stderr bytes.Buffer
	code := cli.Run([]string{"pwbconf", "lint", "--format", "json", "--jobs", "2",
		"--timeout", "1s", dir}, strings.NewReader(""), &stdout, &stderr, nil)
	if code != cli.ExitFindings {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, cli.ExitFindings, stderr.String())
	}
	var ds []diag.Diagnostic
	if err := json.Unmarshal(stdout.Bytes(), &ds); err != nil {
		t.Fatalf("%v:\n%s", err, stdout.String())
	}
	want := map[string]string{bigFile: diag.CodeRefused, loopFile: diag.CodeTimeLimit,
		readFile: diag.CodeRefused}
	for file, code := range want {
		found := false
		for _, d := range ds {
			found = found || d.File == file && d.Code == code
		}
		if !found {
			t.Errorf("%s: no %s finding in\n%s", file, code, dump(ds))
		}
	}
	for _, d := range ds {
		if d.File == goodFile && d.Severity == diag.Error {
			t.Errorf("the good file got an error: %+v", d)
		}
	}
	noCanary(t, "lint's output", stdout.String()+stderr.String())
	w.unchanged(t, before)
}
