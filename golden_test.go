package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goldenInputs are linted for the golden files: a config with the common
// mistakes, one with secrets in every place, and a few cases.
var goldenInputs = []string{
	"testdata/broken/user-config.py",
	"testdata/secrets/user-config.py",
	"testdata/cases/05-tokens-in-wrong-slots/user-config.py",
	"testdata/cases/10-typos-and-leftovers/user-config.py",
	"testdata/cases/24-imports-the-sandbox-cannot-follow/user-config.py",
}

// TestGolden compares lint's output in each format with
// testdata/golden/lint.FORMAT; go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, format := range []string{"text", "json", "github", "sarif"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"lint", "--format", format, "--fail-on", "none"}, goldenInputs...)
			res := run(t, args...)
			if res.code != 0 || res.stderr != "" {
				t.Fatalf("exit status %d; stderr:\n%s", res.code, res.stderr)
			}
			checkGolden(t, filepath.Join("testdata/golden", "lint."+format), res.stdout)
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s is out of date (-want +got), go test -update rewrites it:\n%s", path, diff)
	}
}

// TestRulesDoc checks that docs/rules.md is the page "pwbconf rules
// --format markdown" writes from the rule declarations; go test -update
// rewrites it.
func TestRulesDoc(t *testing.T) {
	res := run(t, "rules", "--format", "markdown")
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit status %d; stderr:\n%s", res.code, res.stderr)
	}
	checkGolden(t, "docs/rules.md", res.stdout)
}

// TestRulesDocOptions checks that every option the rules' documentation
// names is one that lint takes, so that a renamed flag cannot leave the
// documentation pointing at one that does not exist.
func TestRulesDocOptions(t *testing.T) {
	help := run(t, "lint", "--help").stdout
	doc := run(t, "rules", "--format", "markdown").stdout
	for _, flag := range slices.Compact(slices.Sorted(slices.Values(optionName.FindAllString(doc, -1)))) {
		if !strings.Contains(help, flag+" ") && !strings.Contains(help, flag+",") {
			t.Errorf("the rules' documentation names %s, which lint does not take", flag)
		}
	}
}

var optionName = regexp.MustCompile(`--[a-z][a-z-]*[a-z]`)
