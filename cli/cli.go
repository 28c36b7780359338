// Package cli is the pwbconf command as a library function: Run takes the
// arguments, the standard streams and the environment, and returns the exit
// status, so tests call it the way a shell would run the binary.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit statuses of Run. They are documented once, in exitTable, which both
// the help text and the README show.
const (
	// ExitOK means no finding at or above the --fail-on severity.
	ExitOK = 0
	// ExitFindings means at least one finding at or above --fail-on.
	ExitFindings = 1
	// ExitFailure means bad usage, or a file or folder that could not be read.
	ExitFailure = 2
)

const exitTable = `Exit status:
  0  no finding at or above --fail-on (default: error); show printed the config
  1  at least one finding at or above --fail-on
  2  bad usage, or a file or folder that could not be read`

// runner carries one invocation's streams and outcome through the actions.
type runner struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	env    environ
	// code is the exit status an action decided on; an error returned by an
	// action overrides it with ExitFailure.
	code int
}

// Run runs pwbconf with args (args[0] is the program name) and returns the
// exit status. environ is the process environment in os.Environ form; Run
// reads NO_COLOR from it, and passes it to evaluation only when asked to
// with --use-process-env or --env NAME.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, environ []string) int {
	r := &runner{stdin: stdin, stdout: stdout, stderr: stderr, env: newEnviron(environ)}
	if err := r.app().Run(args); err != nil {
		r.fail(err)
		return ExitFailure
	}
	return r.code
}

func (r *runner) app() *cli.App {
	onUsage := func(c *cli.Context, err error, _ bool) error {
		return usageError{command: c.Command.Name, err: err}
	}
	cmds := []*cli.Command{
		r.lintCommand(),
		r.showCommand(),
		r.coverageCommand(),
		r.convertCommand(),
		r.schemaCommand(),
		r.rulesCommand(),
		r.explainCommand(),
	}
	for _, c := range cmds {
		c.OnUsageError = onUsage
		c.Action = withHelp(c.Name, c.Action)
	}
	return &cli.App{
		Name:  "pwbconf",
		Usage: "lint and inspect Pywikibot user-config.py files",
		UsageText: "pwbconf lint [options] PATH...\n" +
			"pwbconf show [options] FILE\n" +
			"pwbconf coverage [options] PATH...\n" +
			"pwbconf convert [options] FILE\n" +
			"pwbconf schema\n" +
			"pwbconf rules [--format FORMAT]\n" +
			"pwbconf explain [--format FORMAT] CODE|NAME",
		Description: "pwbconf evaluates each user-config.py in a sandbox, the way Pywikibot\n" +
			"would run it, and checks what the file sets.\n\n" + exitTable,
		Version:                   version(),
		Commands:                  cmds,
		Reader:                    r.stdin,
		Writer:                    r.stdout,
		ErrWriter:                 r.stderr,
		HideHelpCommand:           true,
		DisableSliceFlagSeparator: true,
		OnUsageError:              onUsage,
		// Run reports errors itself; urfave/cli must neither print nor exit.
		ExitErrHandler: func(*cli.Context, error) {},
		Action:         r.noCommand,
	}
}

// noCommand runs when the first argument names no command.
func (r *runner) noCommand(c *cli.Context) error {
	var names []string
	for _, cmd := range c.App.VisibleCommands() {
		names = append(names, cmd.Name)
	}
	want := strings.Join(names, ", ")
	if i := strings.LastIndex(want, ", "); i >= 0 {
		want = want[:i] + " or " + want[i+2:]
	}
	if c.Args().Present() {
		return usagef("unknown command %q (want %s)", c.Args().First(), want)
	}
	return usagef("no command given (want %s)", want)
}

// usageError is an error in how pwbconf was called, as opposed to one met
// while doing the work.
type usageError struct {
	command string // whose help to point to; empty for the whole program
	err     error
}

func (e usageError) Error() string { return e.err.Error() }

func usagef(format string, args ...any) error {
	return usageError{err: fmt.Errorf(format, args...)}
}

// withHelp makes the usage errors of a command's action point to its help.
func withHelp(command string, action cli.ActionFunc) cli.ActionFunc {
	return func(c *cli.Context) error {
		err := action(c)
		if ue, ok := err.(usageError); ok && ue.command == "" {
			ue.command = command
			return ue
		}
		return err
	}
}

func (r *runner) fail(err error) {
	fmt.Fprintf(r.stderr, "pwbconf: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		help := "pwbconf --help"
		if ue.command != "" && ue.command != "pwbconf" {
			help = "pwbconf " + ue.command + " --help"
		}
		fmt.Fprintf(r.stderr, "Run '%s' for usage.\n", help)
	}
}

// setCode raises the exit status; a failure is never lowered to findings.
func (r *runner) setCode(code int) { r.code = max(r.code, code) }

// logger returns where --verbose messages go.
func (r *runner) logger(c *cli.Context) io.Writer {
	if c.Bool("verbose") {
		return r.stderr
	}
	return io.Discard
}

// version is the module version the binary was built from, when Go recorded
// one.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return "devel"
	}
	return strings.TrimPrefix(bi.Main.Version, "v")
}
