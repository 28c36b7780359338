package main

import (
	"errors"
	"flag"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/sandbox"
)

var update = flag.Bool("update", false, "rewrite golden files and script expectations from the current output")

func TestMain(m *testing.M) {
	// The sandbox's workers are this test binary started again.
	sandbox.RunWorkerIfRequested()
	testscript.Main(m, map[string]func(){"pwbconf": main})
}

// TestScripts runs testdata/script/*.txtar. $TESTDATA is the testdata
// folder, whose case configs the scripts copy rather than repeat.
func TestScripts(t *testing.T) {
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", testdata)
			return nil
		},
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"exits": cmdExits},
	})
}

// cmdExits runs a command like exec, and also checks its exit status:
//
//	exits STATUS COMMAND [ARGS...]
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// result is one in-process run of pwbconf.
type result struct {
	code           int
	stdout, stderr string
}

// run runs pwbconf in this process, as the binary would with args after
// its name, with no terminal and an empty environment.
func run(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr strings.Builder
	code := cli.Run(append([]string{"pwbconf"}, args...), strings.NewReader(""), &stdout, &stderr, nil)
	return result{code, stdout.String(), stderr.String()}
}
