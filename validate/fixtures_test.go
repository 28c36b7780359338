package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/parser"
)

// wantComment is the expectation a fixture line carries: "# want: CODE,
// CODE" for findings at that line, "# want-file: CODE" for findings about
// the whole file.
var wantComment = regexp.MustCompile(`#\s*want(-file)?:\s*([A-Z0-9, ]+)\s*$`)

// expectations reads the want comments of a fixture as "line:CODE".
func expectations(src []byte) []string {
	var out []string
	for i, line := range strings.Split(string(src), "\n") {
		m := wantComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		at := i + 1
		if m[1] != "" {
			at = 0
		}
		for _, code := range strings.Split(m[2], ",") {
			if code = strings.TrimSpace(code); code != "" {
				out = append(out, fmt.Sprintf("%d:%s", at, code))
			}
		}
	}
	slices.Sort(out)
	return out
}

func lintFixture(t *testing.T, file string, env map[string]string) ([]string, []diag.Diagnostic) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cfg := parser.Evaluate(file, src, parser.Options{Env: env})
	ds := Check(cfg, Options{Source: src})
	for _, d := range ds {
		for _, secret := range cfg.Secrets() {
			if len(secret) >= 6 && strings.Contains(d.Message, secret) {
				t.Errorf("message shows a secret in full: %q", d.Message)
			}
		}
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%d:%s", d.Line, d.Code))
	}
	slices.Sort(got)
	return got, ds
}

// TestFixtures lints each fixture of testdata/rules and compares the
// findings with the want comments beside the lines.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/*.py")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, _ := os.ReadFile(file)
			got, ds := lintFixture(t, file, nil)
			if diff := cmp.Diff(expectations(src), got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\nall findings:\n%s", diff, dump(ds))
			}
			for _, d := range ds {
				checkRuleMessage(t, d.Message)
			}
		})
	}
}

// cleanEnv gives the clean fixtures that read the environment their
// values, so that nothing stays unknown.
var cleanEnv = map[string]string{
	"BOT_USERNAME":        "ExampleBot",
	"PWB_CONSUMER_TOKEN":  "a4c123b1612dd272d1371c17149d4395",
	"PWB_CONSUMER_SECRET": "36b3216fdaeeb975729fae923d5a4fd12aabfe22",
	"PWB_ACCESS_TOKEN":    "8f219e9cb0eb53f16947ccf25ec84d8d",
	"PWB_ACCESS_SECRET":   "bc74254770f58904dba41ecccc3fc1626e53a130",
}

// cleanCases are the shared cases written the way the documentation
// advises; they join the clean fixtures.
var cleanCases = []string{"14-wildcard-precedence", "17-secrets-from-environment"}

// TestCleanFixtures holds configs written the way the documentation
// advises to no finding at all.
func TestCleanFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/clean/*.py")
	if len(files) == 0 {
		t.Fatal("no clean fixtures")
	}
	for _, c := range cleanCases {
		files = append(files, filepath.Join(sharedcase.Dir, c, "user-config.py"))
	}
	for _, file := range files {
		name := filepath.Base(file)
		if name == "user-config.py" {
			name = filepath.Base(filepath.Dir(file))
		}
		t.Run(name, func(t *testing.T) {
			if got, ds := lintFixture(t, file, cleanEnv); len(got) > 0 {
				t.Errorf("clean config has findings:\n%s", dump(ds))
			}
		})
	}
}

func dump(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "  %d:%d %s %s\n", d.Line, d.Column, d.Code, d.Message)
	}
	return b.String()
}

var quotedText = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// checkRuleMessage applies checkMessage with every quoted user value cut
// to one character, since a long host name or key is not the message's
// fault.
func checkRuleMessage(t *testing.T, msg string) {
	t.Helper()
	checkMessage(t, quotedText.ReplaceAllString(msg, `"x"`))
}
