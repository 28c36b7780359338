// Package cli is the pwbconf command as a library function: Run takes the
// arguments, the standard streams and the environment, and returns the exit
// status, so tests call it the way a shell would run the binary.
package cli

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit statuses of Run. What each means for each command is written once,
// in exitMeanings, which the help text shows and the README repeats.
const (
	// ExitOK means the command did its work and found nothing that fails it.
	ExitOK = 0
	// ExitFindings means the command did its work, or as much as the file
	// allows, and a finding fails it (see exitMeanings).
	ExitFindings = 1
	// ExitFailure means bad usage, or a file or folder that could not be read.
	ExitFailure = 2
)

// exitMeanings says what exit statuses 0, 1 and 2 mean for each command.
var exitMeanings = map[string][3]string{
	"pwbconf": {
		"success; for lint, no finding at or above --fail-on",
		"findings: see the help of each command",
		"bad usage, or a file or folder that could not be read",
	},
	"lint": {
		"no finding at or above --fail-on (default: error)",
		"at least one finding at or above --fail-on",
		"bad usage, or a PATH that could not be read or holds no user-config.py",
	},
	"show": {
		"the config is printed and has no error finding",
		"the config is printed and has an error finding (under diagnostics)",
		"bad usage, or FILE could not be read; nothing is printed",
	},
	"coverage": {
		"the report is written",
		"the report is written, but a file stopped early and counts what ran",
		"bad usage, or a PATH that could not be read or holds no user-config.py",
	},
	"convert": {
		"the conversion is written",
		"the evaluator stopped on an error in FILE, printed to standard error; nothing is written",
		"bad usage, or a file that could not be read or written",
	},
}

// exitHelp is the exit status block of a command's help.
func exitHelp(command string) string {
	m := exitMeanings[command]
	return fmt.Sprintf("Exit status:\n  0  %s\n  1  %s\n  2  %s", m[0], m[1], m[2])
}

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
		var fe findingsError
		if errors.As(err, &fe) {
			return max(r.code, ExitFindings)
		}
		return ExitFailure
	}
	return r.code
}

func (r *runner) app() *cli.App {
	onUsage := func(c *cli.Context, err error, _ bool) error {
		return usageError{command: c.Command.Name, err: plainFlagError(c, err)}
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
			"would run it, and checks what the file sets.\n\n" + exitHelp("pwbconf"),
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

// findingsError stops a command because of findings in its input, which
// were printed; Run then exits with ExitFindings, not ExitFailure.
type findingsError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{err: fmt.Errorf(format, args...)}
}

// The errors of Go's flag package, which urfave/cli passes on.
var (
	flagUnknown  = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagNoValue  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagBadValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-+([^:]*): `)
)

// plainFlagError words an error of the flag parser the way pwbconf words
// its own: the option as it is written, the value, and what was wanted.
func plainFlagError(c *cli.Context, err error) error {
	msg := err.Error()
	if m := flagUnknown.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("unknown option %q", optionName(m[1]))
	}
	if m := flagNoValue.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s needs a value", optionName(m[1]))
	}
	m := flagBadValue.FindStringSubmatch(msg)
	if m == nil {
		return err
	}
	want := "another value"
	for _, f := range c.Command.Flags {
		if !slices.Contains(f.Names(), m[2]) {
			continue
		}
		switch f.(type) {
		case *cli.DurationFlag:
			want = "a duration such as 2s"
		case *cli.IntFlag:
			want = "a whole number"
		case *cli.BoolFlag:
			want = "true or false"
		}
	}
	return fmt.Errorf("%s %s: want %s", optionName(m[2]), m[1], want)
}

// optionName writes a flag's name as the help text does.
func optionName(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
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
	// Each line gets the prefix, for errors that list several problems.
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(r.stderr, "pwbconf: %s\n", line)
	}
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
