package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
// the name, so names are checked here. Errors give the line and column in
// the file, and never the text around them, which may hold a secret.
func readDotenv(path string, env map[string]string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--env-file %s: no such file", path)
		}
		return fmt.Errorf("--env-file %s: %v", path, err)
	}
	// godotenv reads CRLF as LF; its errors point into that text.
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	vars, err := godotenv.UnmarshalBytes(src)
	if err != nil {
		line, col, msg := locateDotenvError(text, err)
		return &fileError{path, line, col, msg}
	}
	for k, v := range vars {
		if !envName.MatchString(k) {
			return &fileError{path, dotenvKeyLine(text, k), 1, fmt.Sprintf("%q is not a variable name", k)}
		}
		env[k] = v
	}
	return nil
}

// fileError is a mistake at a place in a file pwbconf reads; Col is 0
// when only the line is known.
type fileError struct {
	file      string
	line, col int
	msg       string
}

func (e *fileError) Error() string {
	switch {
	case e.line == 0:
		return e.file + ": " + e.msg
	case e.col == 0:
		return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
}

// godotenv's errors, which quote the rest of the file or of the line.
var (
	dotenvBadChar    = regexp.MustCompile(`^unexpected character (".*?") in variable name near (".*")$`)
	dotenvUnquoted   = regexp.MustCompile(`(?s)^unterminated quoted value (.*)$`)
	dotenvStatements = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?`)
)

// locateDotenvError finds where in text godotenv met err, and words the
// error without the text it quotes.
func locateDotenvError(text string, err error) (line, col int, msg string) {
	if m := dotenvBadChar.FindStringSubmatch(err.Error()); m != nil {
		near, _ := strconv.Unquote(m[2])
		start := len(text) - len(near)
		if start < 0 || text[start:] != near {
			return 0, 0, "unexpected character " + m[1] + " in a variable name"
		}
		// godotenv reads bytes, so it names a byte of a non-ASCII letter.
		bad := strings.IndexFunc(near, func(r rune) bool {
			return r >= utf8.RuneSelf || r == '\n' ||
				!(r == '_' || r == '.' || r == ' ' || r == '\t' || unicode.IsLetter(r) || unicode.IsDigit(r))
		})
		bad = max(bad, 0)
		r, _ := utf8.DecodeRuneInString(near[bad:])
		if r == '\n' {
			line, col = position(text, start)
			return line, col, `no "=" on the line: want NAME=VALUE`
		}
		line, col = position(text, start+bad)
		return line, col, fmt.Sprintf("unexpected character %q in a variable name", string(r))
	}
	if m := dotenvUnquoted.FindStringSubmatch(err.Error()); m != nil {
		if at := strings.LastIndex(text, m[1]); at >= 0 {
			line, col = position(text, at)
		}
		return line, col, "quoted value has no closing quote"
	}
	return 0, 0, err.Error()
}

// dotenvKeyLine returns the line of a dotenv file that sets key last, or 0.
func dotenvKeyLine(text, key string) int {
	found := 0
	for i, l := range strings.Split(text, "\n") {
		rest := strings.TrimLeft(l[len(dotenvStatements.FindString(l)):], " \t")
		if after, ok := strings.CutPrefix(rest, key); ok {
			if after = strings.TrimLeft(after, " \t"); after != "" && strings.ContainsRune("=:", rune(after[0])) {
				found = i + 1
			}
		}
	}
	return found
}

// position turns a byte offset in text into a 1-based line and character
// column.
func position(text string, offset int) (line, col int) {
	before := text[:offset]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return strings.Count(before, "\n") + 1, utf8.RuneCountInString(before[lineStart:]) + 1
}

// envName is a name a shell would export.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
