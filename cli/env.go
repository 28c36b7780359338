package cli

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/joho/godotenv"
	"github.com/urfave/cli/v2"

	"github.com/pwbconf/pwbconf/sandbox"
)

// environ is the environment pwbconf itself runs in.
type environ map[string]string

func newEnviron(list []string) environ {
	env := make(environ, len(list))
	for _, kv := range list {
		if name, value, ok := strings.Cut(kv, "="); ok && name != "" {
			env[name] = value
		}
	}
	return env
}

// noColor reports whether NO_COLOR asks for plain output: it does when it
// is set to anything but the empty string.
func (e environ) noColor() bool { return e["NO_COLOR"] != "" }

// envFlags are the flags that give evaluation an environment.
func envFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{
			Name: "env",
			Usage: "let the file read `NAME=VALUE` as an environment variable; " +
				"NAME alone copies it from pwbconf's own environment (repeatable)",
		},
		&cli.StringSliceFlag{
			Name:  "env-file",
			Usage: "read environment variables from a dotenv `FILE` (repeatable)",
		},
		&cli.BoolFlag{
			Name:  "use-process-env",
			Usage: "let the file read pwbconf's whole environment",
		},
	}
}

// evalEnv builds the environment a file may read during evaluation: the
// process environment when asked, then each --env-file, then each --env,
// later ones winning. With no flag it is empty, so that every read stays
// symbolic; with --use-process-env it is complete, so that a variable
// missing from it is unset, as Python would see it.
func (r *runner) evalEnv(c *cli.Context) (sandbox.Env, error) {
	pairs, files := c.StringSlice("env"), c.StringSlice("env-file")
	if !c.Bool("use-process-env") && len(pairs) == 0 && len(files) == 0 {
		return sandbox.Env{}, nil
	}
	env := sandbox.Env{Vars: map[string]string{}, Complete: c.Bool("use-process-env")}
	if env.Complete {
		for k, v := range r.env {
			env.Vars[k] = v
		}
	}
	for _, path := range files {
		if err := readDotenv(path, env.Vars); err != nil {
			return sandbox.Env{}, err
		}
	}
	for _, pair := range pairs {
		if err := r.addEnvPair(pair, env.Vars); err != nil {
			return sandbox.Env{}, err
		}
	}
	return env, nil
}

func (r *runner) addEnvPair(pair string, env map[string]string) error {
	name, value, ok := strings.Cut(pair, "=")
	if name == "" {
		return usagef("--env %q: want NAME=VALUE or NAME", pair)
	}
	if !ok {
		// A bare NAME keeps the value off the command line, where other
		// users of the machine could read it.
		if value, ok = r.env[name]; !ok {
			return usagef("--env %s: %s is not set in the environment", name, name)
		}
	}
	env[name] = value
	return nil
}

// readDotenv adds the variables of a dotenv file to env. The syntax is
// godotenv's: KEY=VALUE lines, single or double quotes, an optional
// "export " prefix, # comments, and ${KEY} expanding a key set earlier in
// the same file (or to nothing). godotenv takes any text before the "=" as
// the name, so names are checked here.
func readDotenv(path string, env map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	vars, err := godotenv.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	for k, v := range vars {
		if !envName.MatchString(k) {
			return fmt.Errorf("%s: %q is not a variable name", path, k)
		}
		env[k] = v
	}
	return nil
}

// envName is a name a shell would export.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
