package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/urfave/cli/v2"
)

// envContext parses args with the evaluation environment flags alone.
func envContext(t *testing.T, args ...string) *cli.Context {
	t.Helper()
	set := flag.NewFlagSet("test", flag.ContinueOnError)
	for _, f := range envFlags() {
		if err := f.Apply(set); err != nil {
			t.Fatal(err)
		}
	}
	if err := set.Parse(args); err != nil {
		t.Fatal(err)
	}
	return cli.NewContext(nil, set, nil)
}

func TestEvalEnv(t *testing.T) {
	dotenv := filepath.Join(t.TempDir(), ".env")
	text := "# tokens\nexport A=from-file\nB='quoted # not a comment'\nC=\"x\\ny\"\nD=${A}-again\n"
	if err := os.WriteFile(dotenv, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &runner{env: newEnviron([]string{"HOME=/home/bot", "A=from-process", "KEPT=k"})}
	tests := []struct {
		args []string
		want map[string]string
	}{
		{nil, nil},
		{[]string{"--env", "X=1=2", "--env", "Y="}, map[string]string{"X": "1=2", "Y": ""}},
		{[]string{"--env", "KEPT"}, map[string]string{"KEPT": "k"}},
		{[]string{"--env-file", dotenv}, map[string]string{
			"A": "from-file", "B": "quoted # not a comment", "C": "x\ny", "D": "from-file-again",
		}},
		{[]string{"--use-process-env", "--env-file", dotenv, "--env", "A=flag"}, map[string]string{
			"HOME": "/home/bot", "KEPT": "k",
			"A": "flag", "B": "quoted # not a comment", "C": "x\ny", "D": "from-file-again",
		}},
	}
	for _, tt := range tests {
		got, err := r.evalEnv(envContext(t, tt.args...))
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got.Vars); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.args, diff)
		}
		if complete := slices.Contains(tt.args, "--use-process-env"); got.Complete != complete {
			t.Errorf("%v: complete is %v, want %v", tt.args, got.Complete, complete)
		}
	}
}

func TestEvalEnvErrors(t *testing.T) {
	r := &runner{env: environ{}}
	for _, args := range [][]string{
		{"--env", "=v"},
		{"--env", "UNSET"},
		{"--env-file", filepath.Join(t.TempDir(), "missing")},
	} {
		if _, err := r.evalEnv(envContext(t, args...)); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

func TestDotenvErrorsGiveThePlace(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ text, want string }{
		{"A=1\nBADLINE\nX=1\n", `.env:2:1: no "=" on the line: want NAME=VALUE`},
		{"A=1\r\n  B$C=2\r\n", `.env:2:4: unexpected character "$" in a variable name`},
		{"A=1\nB='s3cret\nC=2\n", ".env:2:3: quoted value has no closing quote"},
		{"A=1\nexport é=2\n", `.env:2:8: unexpected character "é" in a variable name`},
		{"A=1\n\nA.B=2\n", `.env:3:1: "A.B" is not a variable name`},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, ".env")
		if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
			t.Fatal(err)
		}
		err := readDotenv(path, map[string]string{})
		if got := strings.TrimPrefix(fmt.Sprint(err), dir+string(filepath.Separator)); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
	missing := filepath.Join(dir, "x.env")
	err := readDotenv(missing, nil)
	if want := "--env-file " + missing + ": no such file"; fmt.Sprint(err) != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
