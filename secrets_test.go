package main

import (
	"strings"
	"testing"
)

// secretsFile holds one secret of each kind; secrets lists them as the
// file writes them and as Python reads them.
const secretsFile = "testdata/secrets/user-config.py"

var secrets = []string{
	"0b9e5c6dd4a1f2e3b8c7a6f5e4d3c2b1",
	"c0ffee00deadbeef1234567890abcdef12345678",
	"fa11ba11cafe0123456789abcdef0123",
	"f00dfeed0123456789abcdef0123456789abcdef",
	`hunter2-"quoted"-pass`,
	`hunter2-\"quoted\"-pass`,
	"tool-db-pass-7731",
}

// envSecrets reach the file only through the environment.
var envSecrets = []string{
	"a4c123b1612dd272d1371c17149d4395",
	"36b3216fdaeeb975729fae923d5a4fd12aabfe22",
	"8f219e9cb0eb53f16947ccf25ec84d8d",
	"bc74254770f58904dba41ecccc3fc1626e53a130",
}

// TestNoSecretInOutput runs every output format on files with known
// secrets and checks that none is printed, even with --verbose, unless
// show is given --show-secrets.
func TestNoSecretInOutput(t *testing.T) {
	envArgs := []string{"--verbose"}
	for _, kv := range caseEnv {
		envArgs = append(envArgs, "--env", kv)
	}
	withEnv := "testdata/cases/17-secrets-from-environment/user-config.py"
	var runs [][]string
	for _, f := range []string{"text", "json", "github"} {
		runs = append(runs,
			[]string{"lint", "--format", f, "--verbose", secretsFile},
			append(append([]string{"lint", "--format", f}, envArgs...), withEnv))
	}
	for _, f := range []string{"json", "yaml"} {
		runs = append(runs,
			[]string{"show", "--format", f, "--verbose", secretsFile},
			append(append([]string{"show", "--format", f}, envArgs...), withEnv))
	}
	all := append(append([]string(nil), secrets...), envSecrets...)
	for _, args := range runs {
		res := run(t, args...)
		if res.stdout == "" {
			t.Errorf("%v printed nothing; stderr:\n%s", args, res.stderr)
		}
		for _, s := range all {
			if strings.Contains(res.stdout, s) || strings.Contains(res.stderr, s) {
				t.Errorf("%v printed the secret %q:\n%s%s", args, s, res.stdout, res.stderr)
			}
		}
	}
}

// TestShowSecretsWhenAsked checks that --show-secrets does print them.
func TestShowSecretsWhenAsked(t *testing.T) {
	res := run(t, "show", "--format", "yaml", "--show-secrets", secretsFile)
	for _, s := range []string{secrets[0], secrets[1], secrets[2], secrets[3], secrets[4], secrets[6]} {
		if !strings.Contains(res.stdout, s) {
			t.Errorf("show --show-secrets did not print %q:\n%s", s, res.stdout)
		}
	}
}
