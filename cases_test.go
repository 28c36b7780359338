package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
)

// caseEnv is the environment pywikibot-with-env.json was made with: the four
// tokens it reports, each from its variable.
var caseEnv = []string{
	"PWB_CONSUMER_TOKEN=a4c123b1612dd272d1371c17149d4395",
	"PWB_CONSUMER_SECRET=36b3216fdaeeb975729fae923d5a4fd12aabfe22",
	"PWB_ACCESS_TOKEN=8f219e9cb0eb53f16947ccf25ec84d8d",
	"PWB_ACCESS_SECRET=bc74254770f58904dba41ecccc3fc1626e53a130",
}

// refusedByDesign are cases Pywikibot loads but the sandbox stops on
// purpose (here: reading a file), with the fields that still agree.
var refusedByDesign = map[string][]string{
	"27-hostile-reads-files": {"family", "mylang"},
}

// TestShowAgreesWithPywikibot checks show against what real Pywikibot made
// of each case it loads: the names it logs in with, the OAuth tokens it
// sends, and the settings that pick the wiki.
func TestShowAgreesWithPywikibot(t *testing.T) {
	dirs, err := filepath.Glob("testdata/cases/[0-9]*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		oracles, _ := filepath.Glob(filepath.Join(dir, "pywikibot*.json"))
		for _, oracle := range oracles {
			var want map[string]any
			readJSON(t, oracle, &want)
			if want["error"] != nil {
				continue
			}
			args := []string{"show", "--format", "json", "--show-secrets"}
			if strings.HasSuffix(oracle, "-with-env.json") {
				for _, kv := range caseEnv {
					args = append(args, "--env", kv)
				}
			}
			args = append(args, filepath.Join(dir, "user-config.py"))
			t.Run(strings.TrimSuffix(name+"/"+filepath.Base(oracle), ".json"), func(t *testing.T) {
				t.Parallel()
				compareShow(t, run(t, args...), want, refusedByDesign[name])
			})
		}
	}
}

func compareShow(t *testing.T, res result, want map[string]any, only []string) {
	t.Helper()
	var got map[string]any
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatalf("show printed no JSON: %v\n%s", err, res.stdout)
	}
	// show exits 1 when the file has an error finding, and 0 otherwise.
	wantCode := 0
	if ds, _ := got["diagnostics"].([]any); slices.ContainsFunc(ds, func(d any) bool {
		m, _ := d.(map[string]any)
		return m["severity"] == "error"
	}) {
		wantCode = 1
	}
	if res.code != wantCode {
		t.Fatalf("exit status %d, want %d; stderr:\n%s", res.code, wantCode, res.stderr)
	}
	settings, _ := got["settings"].(map[string]any)
	got["password_file"] = settings["password_file"]
	fields := []string{"usernames", "authenticate", "family", "mylang", "password_file"}
	if only != nil {
		fields = only
	}
	for _, f := range fields {
		if diff := cmp.Diff(want[f], got[f]); diff != "" {
			t.Errorf("%s (-pywikibot +pwbconf):\n%s", f, diff)
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

var hostileCases = []string{
	"25-hostile-endless-loop",
	"26-hostile-memory",
	"27-hostile-reads-files",
	"28-hostile-runs-commands",
	"29-hostile-recursion",
}

// lintJSON lints args with --format json and returns the findings.
func lintJSON(t *testing.T, args ...string) (result, []diag.Diagnostic) {
	t.Helper()
	res := run(t, append([]string{"lint", "--format", "json"}, args...)...)
	var ds []diag.Diagnostic
	if err := json.Unmarshal([]byte(res.stdout), &ds); err != nil {
		t.Fatalf("lint printed no JSON: %v\nstdout:\n%s\nstderr:\n%s", err, res.stdout, res.stderr)
	}
	return res, ds
}

// TestHostileCasesEndInAnError checks that each hostile case ends quickly
// with an error finding in the file, not with a hang or a crash.
func TestHostileCasesEndInAnError(t *testing.T) {
	for _, name := range hostileCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			res, ds := lintJSON(t, filepath.Join("testdata/cases", name, "user-config.py"))
			if elapsed := time.Since(start); elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if res.code != 1 {
				t.Errorf("exit status %d, want 1; stderr:\n%s", res.code, res.stderr)
			}
			if !slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Severity == diag.Error && d.Line > 0 }) {
				t.Errorf("no error at a line of the file: %+v", ds)
			}
		})
	}
}

// TestHostileCaseDoesNotStopTheRun lints a folder holding every hostile
// case and one ordinary case, and checks that the ordinary one is reported.
func TestHostileCaseDoesNotStopTheRun(t *testing.T) {
	root := t.TempDir()
	for _, name := range append(slices.Clone(hostileCases), "11-wrong-types") {
		copyFile(t, filepath.Join("testdata/cases", name, "user-config.py"),
			filepath.Join(root, name, "user-config.py"))
	}
	_, ds := lintJSON(t, "--jobs", "2", root)
	good := filepath.Join(root, "11-wrong-types", "user-config.py")
	var got []string
	for _, d := range ds {
		if d.File == good && d.Code == "PWB102" {
			got = append(got, d.Variable)
		}
	}
	slices.Sort(got)
	if want := []string{"log", "maxlag", "put_throttle"}; !cmp.Equal(want, got) {
		t.Errorf("type findings about the ordinary file name %q, want %q; all findings: %+v", got, want, ds)
	}
	for _, name := range hostileCases {
		file := filepath.Join(root, name, "user-config.py")
		if !slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.File == file && d.Severity == diag.Error }) {
			t.Errorf("no error for %s", name)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
