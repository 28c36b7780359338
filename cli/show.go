package cli

import (
	"errors"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/sandbox"
	"github.com/pwbconf/pwbconf/validate"
)

// showFormats are the values --format accepts for show.
var showFormats = []string{"json", "yaml"}

func (r *runner) showCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{
			Name: "format", Aliases: []string{"f"}, Value: "json",
			Usage: "print the config as `FORMAT`: " + strings.Join(showFormats, ", "),
		},
		&cli.BoolFlag{
			Name:  "show-secrets",
			Usage: "print OAuth tokens and passwords in full instead of masked",
		},
		timeoutFlag(),
		verboseFlag(),
	}
	return &cli.Command{
		Name:      "show",
		Usage:     "print the configuration a user-config.py gives Pywikibot",
		UsageText: "pwbconf show [options] FILE",
		Description: "Prints one object: file, family, mylang, usernames, authenticate,\n" +
			"settings (every other name the file set) and diagnostics. A secret\n" +
			"prints as \"****(N)\", N its length, unless --show-secrets; a value the\n" +
			"sandbox could not know prints as {\"unresolved\": \"env:NAME\"} or\n" +
			"{\"unresolved\": \"import:MODULE\"}; any other Python object as\n" +
			"{\"python\": \"TYPE\"}. FILE may be - for standard input. The diagnostics\n" +
			"are those lint prints, under the same .pwbconf.yaml.\n\n" + exitHelp("show"),
		Flags:  append(flags, envFlags()...),
		Action: r.show,
	}
}

func (r *runner) show(c *cli.Context) error {
	if err := oneFile(c); err != nil {
		return err
	}
	format := c.String("format")
	if !slices.Contains(showFormats, format) {
		return usagef("--format %q: want one of %s", format, strings.Join(showFormats, ", "))
	}
	timeout := c.Duration("timeout")
	if timeout <= 0 {
		return usagef("--timeout %v: want a positive duration", timeout)
	}
	env, err := r.evalEnv(c)
	if err != nil {
		return err
	}
	file := c.Args().First()
	if file == "-" {
		file = stdinName
	}
	// The worker starts, and the rules' tables are built, while the file
	// and its project settings are read.
	pool := sandbox.NewPool(1, sandbox.Limits{Timeout: timeout})
	defer pool.Close()
	pool.Start(1)
	go validate.Warm()
	src, err := r.readSource(file)
	if err != nil {
		return errors.New(ioFinding(file, err).Message)
	}
	opts, err := newProjects(r.logger(c)).options(file, &ruleChoice{})
	if err != nil {
		return err
	}
	opts.Source = src
	cfg := pool.Evaluate(file, src, env)
	ds := validate.Check(cfg, opts)
	if slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Severity == diag.Error }) {
		r.setCode(ExitFindings)
	}
	var mask *masker
	if !c.Bool("show-secrets") {
		mask = fileMasker(cfg)
	}
	doc := configNode(cfg, ds, mask)
	if format == "yaml" {
		return writeYAML(r.stdout, doc)
	}
	return writeNodeJSON(r.stdout, doc)
}

// oneFile checks that a command got one FILE, and no option after it.
func oneFile(c *cli.Context) error {
	for _, a := range c.Args().Slice()[min(1, c.NArg()):] {
		if len(a) > 1 && a[0] == '-' {
			return usagef("option %q after the file: put options before the file", a)
		}
	}
	if c.NArg() != 1 {
		return usagef("%s needs exactly one FILE, got %d", c.Command.Name, c.NArg())
	}
	return nil
}

// entryValue converts an authenticate entry. The user of a basic-auth pair
// is an account name, shown as a username is; only the password is secret.
func (b docBuilder) entryValue(e model.Entry) *yaml.Node {
	if _, ok := model.BasicAuthUser(e); !ok || !e.Secret {
		return b.value(e.Value, e.Secret)
	}
	out := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	out.Content = append(out.Content, b.value(e.Value.Items[0], false), b.value(e.Value.Items[1], true))
	return out
}
