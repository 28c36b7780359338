package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/sandbox"
)

// tooLarge writes a user-config.py over the sandbox's size limit.
func tooLarge(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "user-config.py")
	src := bytes.Repeat([]byte("# padding\n"), sandbox.DefaultMaxFileBytes/10+1)
	if err := os.WriteFile(file, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestCoverageOfUnevaluatedFile checks that coverage of a file that was
// never evaluated says so and exits 1, as for a file that stopped early,
// rather than report a config that logs in nowhere; and that lint
// reports why and nothing about settings it never saw, not even under
// --coverage always.
func TestCoverageOfUnevaluatedFile(t *testing.T) {
	file := tooLarge(t)
	res := run(t, "coverage", file)
	want := "over the 5 MiB size limit; it was not evaluated; coverage counts nothing of it"
	if res.code != cli.ExitFindings || !strings.Contains(res.stderr, want) {
		t.Errorf("coverage: exit status %d, stderr %q; want %d and a note that says %q",
			res.code, res.stderr, cli.ExitFindings, want)
	}

	res = run(t, "lint", "--coverage", "always", "--format", "github", file)
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if res.code != cli.ExitFindings || len(lines) != 1 || !strings.Contains(lines[0], "PWB004") {
		t.Errorf("lint: exit status %d, findings:\n%s\nwant 1 and the size limit alone",
			res.code, res.stdout)
	}

	src := filepath.Join(t.TempDir(), "user-config.py")
	writeConfig(t, src, "raise ValueError('no')\nusernames['wikipedia']['en'] = 'ExampleBot'\n")
	res = run(t, "coverage", src)
	want = "evaluation stopped at line 1 before the file set anything (ValueError: no); " +
		"coverage counts nothing of it"
	if res.code != cli.ExitFindings || !strings.Contains(res.stderr, want) {
		t.Errorf("coverage of a file stopped at line 1: exit status %d, stderr %q; want %q",
			res.code, res.stderr, want)
	}
}

// TestCoverageFormatFromOutput checks that -o takes the format from the
// file's extension when --format is not given, and that an extension
// that contradicts --format is a usage error, not a silent choice.
func TestCoverageFormatFromOutput(t *testing.T) {
	file := filepath.Join(t.TempDir(), "user-config.py")
	writeConfig(t, file, "usernames['wikipedia']['*'] = 'ExampleBot'\n")
	dir := t.TempDir()
	for out, prefix := range map[string]string{
		"c.html": "<!DOCTYPE html>", "c.JSON": "{", "c.csv": "file,family,", "c.md": "## Coverage",
		"c.txt": "Coverage of",
	} {
		path := filepath.Join(dir, out)
		if res := run(t, "coverage", "-o", path, file); res.code != 0 {
			t.Errorf("-o %s: exit status %d: %s", out, res.code, res.stderr)
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(got), prefix) {
			t.Errorf("-o %s wrote %.40q, want it to start with %q", out, got, prefix)
		}
	}

	res := run(t, "coverage", "--format", "json", "-o", filepath.Join(dir, "d.html"), file)
	contradiction := "--format json contradicts --output"
	if res.code != cli.ExitFailure || !strings.Contains(res.stderr, contradiction) {
		t.Errorf("--format json -o d.html: exit status %d, stderr %q", res.code, res.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "d.html")); err == nil {
		t.Errorf("a contradicted --output was written")
	}
	res = run(t, "coverage", "-f", "html", "-o", filepath.Join(dir, "e.html"), file)
	if res.code != 0 {
		t.Errorf("--format html -o e.html: exit status %d: %s", res.code, res.stderr)
	}
}
