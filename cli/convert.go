package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pwbconf/pwbconf/convert"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/sandbox"
	"github.com/pwbconf/pwbconf/schema"
)

// convertFormats are the values --format (or --to) accepts for convert.
var convertFormats = []string{"yaml", "json", "python"}

func (r *runner) convertCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{
			Name: "format", Aliases: []string{"f", "to"}, Value: "yaml",
			DefaultText: "yaml, or as the extension of --output says",
			Usage:       "write `FORMAT`: " + strings.Join(convertFormats, ", "),
		},
		&cli.StringFlag{
			Name: "output", Aliases: []string{"o"},
			Usage: "write to `FILE` instead of standard output",
		},
		&cli.StringFlag{
			Name:        "secrets",
			DefaultText: "env with --output, redact on standard output",
			Usage: "what to write for tokens and passwords: `MODE` is inline (the values), " +
				"env (${VAR} references, values in a .env file) or redact (neither)",
		},
		&cli.StringFlag{
			Name:        "secrets-file",
			DefaultText: ".env beside the output",
			Usage:       "where --secrets env writes the values, as a dotenv `FILE` of mode 0600",
		},
		&cli.BoolFlag{Name: "force", Usage: "replace output files that exist"},
		&cli.StringFlag{
			Name:        "from",
			DefaultText: "python, or yaml for a .yaml, .yml or .json FILE",
			Usage: "read FILE as `FORMAT`: python (a user-config.py) or yaml " +
				"(a converted file, JSON too)",
		},
		timeoutFlag(),
		verboseFlag(),
	}
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a user-config.py to YAML or JSON for other programs, or back to Python",
		UsageText: "pwbconf convert [options] FILE",
		Description: "FILE is a user-config.py, evaluated in the sandbox, or a converted\n" +
			"file; - reads standard input. The output is a versioned document\n" +
			"(see \"pwbconf schema\") or, with --to python, a user-config.py that\n" +
			"Pywikibot loads into the same values. A value the file reads from an\n" +
			"unset environment variable stays a read of it (${NAME}, or\n" +
			"os.environ['NAME'] in Python; {$env: NAME, $default: D} and\n" +
			"os.environ.get for a read with a default, null for None). A value\n" +
			"computed from such a read is noted on standard error. Without --to,\n" +
			"an --output ending in .json, .yaml, .yml or .py picks the format.\n" +
			"Files holding secrets get mode 0600; every file is written\n" +
			"atomically and an existing one is kept unless --force.\n\n" + exitHelp("convert"),
		Flags:  append(flags, envFlags()...),
		Action: r.convert,
	}
}

func (r *runner) schemaCommand() *cli.Command {
	return &cli.Command{
		Name:      "schema",
		Usage:     "print the JSON Schema of the files convert writes",
		UsageText: "pwbconf schema",
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("schema takes no arguments")
			}
			_, err := r.stdout.Write(schema.ConfigV1)
			return err
		},
	}
}

// convertOptions are convert's flags, checked.
type convertOptions struct {
	format      string
	output      string
	secrets     convert.SecretMode
	secretsFile string
	force       bool
	from        string
}

func (r *runner) convertOptions(c *cli.Context) (*convertOptions, error) {
	o := &convertOptions{
		format: c.String("format"), output: c.String("output"),
		force: c.Bool("force"), from: c.String("from"),
	}
	if !slices.Contains(convertFormats, o.format) {
		return nil, usagef("--format %q: want one of %s", o.format, strings.Join(convertFormats, ", "))
	}
	if ext, ok := formatOfExtension(o.output, convertExtensions); ok {
		switch {
		case !c.IsSet("format"):
			o.format = ext
		case ext != o.format:
			return nil, usagef("--to %s contradicts --output %s, which names a %s file; give one of them",
				o.format, o.output, ext)
		}
	}
	o.secrets = convert.Redact
	if o.output != "" {
		o.secrets = convert.Env
	}
	if c.IsSet("secrets") {
		mode, err := convert.ParseSecretMode(c.String("secrets"))
		if err != nil {
			return nil, usagef("--secrets: %v", err)
		}
		o.secrets = mode
	}
	o.secretsFile = c.String("secrets-file")
	if o.secrets == convert.Env && o.secretsFile == "" {
		if o.output == "" {
			return nil, usagef("--secrets env needs a file for the values: give --output or --secrets-file")
		}
		o.secretsFile = filepath.Join(filepath.Dir(o.output), ".env")
	}
	if o.from == "" {
		o.from = "python"
		switch strings.ToLower(filepath.Ext(c.Args().First())) {
		case ".yaml", ".yml", ".json":
			o.from = "yaml"
		}
	}
	if o.from != "python" && o.from != "yaml" {
		return nil, usagef("--from %q: want python or yaml", o.from)
	}
	if c.Duration("timeout") <= 0 {
		return nil, usagef("--timeout %v: want a positive duration", c.Duration("timeout"))
	}
	return o, nil
}

func (r *runner) convert(c *cli.Context) error {
	if err := oneFile(c); err != nil {
		return err
	}
	o, err := r.convertOptions(c)
	if err != nil {
		return err
	}
	if err := o.checkTargets(); err != nil {
		return err
	}
	file := c.Args().First()
	if file == "-" {
		file = stdinName
	}
	cfg, err := r.convertInput(c, file, o.from)
	if err != nil {
		return err
	}
	inputRedacted := len(convert.Redactions(cfg)) > 0
	doc := convert.New(cfg, o.secrets)
	for _, d := range doc.Dropped {
		fmt.Fprintf(r.stderr, "pwbconf: %s: %s\n", file, model.EscapeControls(fmt.Sprint(d)))
	}
	for _, c := range doc.Computed {
		fmt.Fprintf(r.stderr, "pwbconf: %s\n", model.EscapeControls(c.String()))
	}
	out, err := render(doc, o.format)
	if err != nil {
		return fmt.Errorf("%s: %v%s", file, err, redactionHint(err, o.secrets, inputRedacted))
	}
	if len(doc.Env) > 0 {
		if _, err := os.Lstat(o.secretsFile); err == nil && !o.force {
			return fmt.Errorf("%s exists; use --force to replace it", o.secretsFile)
		}
		env, err := convert.Dotenv(doc.Env)
		if err != nil {
			return fmt.Errorf("%s: %v; use --secrets inline", file, err)
		}
		if err := writeOutput(o.secretsFile, env, 0o600, o.force); err != nil {
			return err
		}
		fmt.Fprintf(r.logger(c), "pwbconf: %d secrets written to %s\n", len(doc.Env), o.secretsFile)
		if o.format == "python" {
			// The YAML and JSON runners read the file themselves;
			// Pywikibot reads only the environment.
			fmt.Fprintf(r.stderr, "pwbconf: %s reads its secrets from the environment, and "+
				"Pywikibot does not read %s: export it before the bot starts "+
				"(set -a; . %s; set +a)\n", o.output, o.secretsFile, o.secretsFile)
		}
	}
	if o.output == "" {
		_, err := r.stdout.Write(out)
		return err
	}
	perm := fs.FileMode(0o644)
	if doc.HasSecrets() {
		perm = 0o600
	}
	return writeOutput(o.output, out, perm, o.force)
}

// convertExtensions are the formats convert takes from -o's extension.
var convertExtensions = map[string]string{
	".json": "json", ".yaml": "yaml", ".yml": "yaml", ".py": "python",
}

// checkTargets refuses, before the input is read, to replace the output
// without --force. The secrets file is checked only once it is known to
// be written: a conversion with no secrets writes none. The writes check
// again, atomically.
func (o *convertOptions) checkTargets() error {
	if o.force || o.output == "" {
		return nil
	}
	if _, err := os.Lstat(o.output); err == nil {
		return fmt.Errorf("%s exists; use --force to replace it", o.output)
	}
	return nil
}

func writeOutput(path string, data []byte, perm fs.FileMode, force bool) error {
	err := convert.WriteFile(path, data, perm, force)
	switch {
	case errors.Is(err, convert.ErrExists):
		return fmt.Errorf("%v; use --force to replace it", err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: no folder %s", path, filepath.Dir(path))
	}
	return err
}

// convertInput reads FILE into a model: a user-config.py through the
// sandbox, a converted file through the decoder.
func (r *runner) convertInput(c *cli.Context, file, from string) (*model.Config, error) {
	src, err := r.readSource(file)
	if err != nil {
		return nil, err
	}
	if from == "yaml" {
		return convert.Decode(src, file)
	}
	env, err := r.evalEnv(c)
	if err != nil {
		return nil, err
	}
	pool := sandbox.NewPool(1, sandbox.Limits{Timeout: c.Duration("timeout")})
	defer pool.Close()
	cfg := pool.Evaluate(file, src, env)
	var failed []diag.Diagnostic
	for _, d := range cfg.Diagnostics {
		if d.Severity == diag.Error {
			failed = append(failed, d)
		}
	}
	if cfg.Stopped == nil && len(failed) == 0 {
		return cfg, nil
	}
	mask := fileMasker(cfg)
	for i := range failed {
		failed[i].Message = mask.text(failed[i].Message)
	}
	sources := map[string]*source{file: newSource(src, mask)}
	if err := writeFindings(r.stderr, "text", failed, sources, false); err != nil {
		return nil, err
	}
	return nil, findingsError{fmt.Errorf("%s does not load in Pywikibot; nothing converted", file)}
}

// redactionHint says how to keep the secrets that Python output, which has
// no stand-in for a hidden value, failed on: they were either redacted in
// the input already, or by the secret mode of this conversion.
func redactionHint(err error, mode convert.SecretMode, inputRedacted bool) string {
	var perr *convert.PythonError
	if !errors.As(err, &perr) || len(perr.Redacted) == 0 {
		return ""
	}
	if inputRedacted {
		return "; the input holds them redacted: convert the user-config.py again " +
			"with --secrets env or --secrets inline"
	}
	if mode == convert.Redact {
		return "; the input holds them, but standard output gets them redacted: write to " +
			"a file with -o to move them into a .env file, or give --secrets inline"
	}
	return ""
}

// render writes a document in format.
func render(doc *convert.Document, format string) ([]byte, error) {
	switch format {
	case "json":
		return doc.JSON()
	case "python":
		return doc.Python()
	}
	return doc.YAML()
}
