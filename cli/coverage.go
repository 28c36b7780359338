package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
	"github.com/pwbconf/pwbconf/sandbox"
	"github.com/pwbconf/pwbconf/validate"
)

// coverageFormats are the values --format accepts for coverage.
var coverageFormats = []string{"text", "json", "csv", "markdown", "html"}

func (r *runner) coverageCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{
			Name: "format", Aliases: []string{"f"}, Value: "text",
			Usage: "print the report as `FORMAT`: " + strings.Join(coverageFormats, ", "),
		},
		&cli.StringFlag{
			Name: "output", Aliases: []string{"o"},
			Usage: "write the report to `FILE` instead of standard output; without --format, " +
				"its extension (.html, .json, .csv, .md, .txt) picks the format",
		},
		&cli.BoolFlag{Name: "force", Usage: "replace the --output file if it exists"},
		&cli.BoolFlag{Name: "sites", Usage: "list every site, not a summary per family"},
		&cli.StringFlag{Name: "family", Usage: "show the family `NAME` alone"},
		&cli.StringFlag{
			Name: "only",
			Usage: "show only the sites that are `WHICH`: missing (lacking what the requirement asks), " +
				"covered (OAuth and a username), conflict; with --compare, sites that are so before or after",
		},
		&cli.StringFlag{
			Name: "compare",
			Usage: "show what coverage changes going from `OTHER` (a config file) to the one FILE, " +
				"within --family and --only",
		},
		requireFamiliesFlag(),
		&cli.IntFlag{
			Name: "jobs", Aliases: []string{"j"}, DefaultText: "number of CPUs",
			Usage: "evaluate up to `N` files at once, each in its own worker process",
		},
		timeoutFlag(),
		verboseFlag(),
	}
	return &cli.Command{
		Name:      "coverage",
		Usage:     "show which wikis a config logs into, as whom, and by which line",
		UsageText: "pwbconf coverage [options] PATH...",
		Description: "For every site Pywikibot ships, works out the username pywikibot.Site\n" +
			"gives it and the authenticate key its host gets, and sums them up per\n" +
			"family. A verdict per site: oauth (OAuth and a username), oauth-no-user\n" +
			"(the login fails), user-only, basic, none. A family's summary lists as\n" +
			"missing the sites that lack what the OAuth manual asks: a username and\n" +
			"OAuth on its eleven families, OAuth alone on www.mediawiki.org, nothing\n" +
			"on test wikis, or a username and OAuth on the families of\n" +
			"--require-families or of the project file's require-families; and as\n" +
			"optional the other sites without OAuth and a username, whose lack the\n" +
			"requirement does not count. Several files, or\n" +
			"a folder, give a matrix of configs by family. Each PATH is a file, a\n" +
			"folder searched for user-config.py files, or - for standard input.\n\n" +
			exitHelp("coverage"),
		Flags:  append(flags, envFlags()...),
		Action: r.coverage,
	}
}

// coverageOptions are coverage's flags, checked.
type coverageOptions struct {
	format, output, compare string
	force                   bool
	view                    coverage.View
	jobs                    int
	limits                  sandbox.Limits
	env                     sandbox.Env
	log                     io.Writer
	// rules holds --require-families alone; projects finds each file's
	// .pwbconf.yaml, whose require-families it lays over.
	rules    *ruleChoice
	projects *projects
}

func (r *runner) coverageOptions(c *cli.Context) (*coverageOptions, error) {
	o := &coverageOptions{
		format: c.String("format"), output: c.String("output"), compare: c.String("compare"),
		force: c.Bool("force"),
		view: coverage.View{Sites: c.Bool("sites"), Family: c.String("family"),
			Only: coverage.Filter(c.String("only")), Version: pywikibot.Version()},
		log: r.logger(c),
	}
	o.projects = newProjects(o.log)
	o.rules = &ruleChoice{}
	var err error
	if o.rules.families, err = parseRequiredFamilies(c); err != nil {
		return nil, err
	}
	if !slices.Contains(coverageFormats, o.format) {
		return nil, usagef("--format %q: want one of %s", o.format, strings.Join(coverageFormats, ", "))
	}
	if byExt, ok := formatOfExtension(o.output, coverageExtensions); ok {
		if c.IsSet("format") && o.format != byExt {
			return nil, usagef("--format %s contradicts --output %s, whose extension means %s",
				o.format, o.output, byExt)
		}
		o.format = byExt
	}
	if err := o.view.Check(); err != nil {
		return nil, usagef("%v", err)
	}
	if o.jobs, o.limits, err = poolOptions(c); err != nil {
		return nil, err
	}
	if o.compare != "" && o.format == "html" {
		return nil, usagef("--compare prints text, markdown, json or csv, not html")
	}
	if o.env, err = r.evalEnv(c); err != nil {
		return nil, err
	}
	// Checked before the evaluation too, so that no one waits for a report
	// that will not be written; the write checks again, atomically.
	if o.output != "" && o.output != "-" && !o.force {
		if _, err := os.Lstat(o.output); err == nil {
			return nil, fmt.Errorf("%s exists; use --force to replace it", o.output)
		}
	}
	return o, nil
}

func (r *runner) coverage(c *cli.Context) error {
	paths, err := pathArgs(c, "coverage")
	if err != nil {
		return err
	}
	o, err := r.coverageOptions(c)
	if err != nil {
		return err
	}
	files, problems := collect(paths, o.log)
	if o.compare != "" {
		if len(files) != 1 || len(problems) > 0 {
			return usagef("--compare needs exactly one config FILE besides OTHER")
		}
		files = append(files, o.compare)
	}
	for _, d := range problems {
		fmt.Fprintf(r.stderr, "pwbconf: %s\n", d.Message)
		r.setCode(ExitFailure)
	}
	reports, err := r.coverageReports(files, o)
	if err != nil {
		return err
	}
	if len(reports) == 0 {
		return nil
	}
	var out bytes.Buffer
	if o.compare != "" {
		err = writeChange(&out, o, coverage.CompareView(reports[1], reports[0], o.view))
	} else {
		err = writeCoverage(&out, o, reports)
	}
	if err != nil {
		return err
	}
	if o.output == "" || o.output == "-" {
		_, err = r.stdout.Write(out.Bytes())
		return err
	}
	// The same write as convert's: atomic, and never through a link.
	return writeOutput(o.output, out.Bytes(), 0o644, o.force)
}

// coverageReports evaluates files in a sandbox pool, o.jobs at a time, and
// works out their coverage, in the order of files. A file that cannot be
// read is an error; one whose evaluation stopped early is reported on
// what ran, with a note on standard error.
func (r *runner) coverageReports(files []string, o *coverageOptions) ([]*coverage.Report, error) {
	if len(files) == 0 {
		return nil, nil
	}
	srcs := make([][]byte, len(files))
	for i, f := range files {
		src, err := r.readSource(f)
		if err != nil {
			return nil, err
		}
		srcs[i] = src
	}
	cfgs := make([]*model.Config, len(files))
	inPool(len(files), o.jobs, o.limits, nil, func(turn *sandbox.Turn, i int) {
		cfgs[i] = turn.Evaluate(files[i], srcs[i], o.env)
	})
	reports := make([]*coverage.Report, len(files))
	for i, cfg := range cfgs {
		if note := stopNote(cfg); note != "" {
			fmt.Fprintf(r.stderr, "pwbconf: %s: %s\n", model.EscapeControls(files[i]),
				model.EscapeControls(note))
			r.setCode(ExitFindings)
		}
		opts, err := o.projects.options(files[i], o.rules)
		if err != nil {
			return nil, err
		}
		q := validate.Requirement(opts.RequiredFamilies)
		if opts.Coverage == validate.CoverageNever {
			// A project that turns the coverage rules off requires nothing.
			q = coverage.Requirement{}
		}
		reports[i] = coverage.ComputeFor(cfg, q)
	}
	return reports, nil
}

// stopNote says what a report on cfg is worth when its evaluation stopped
// early or never started, and is empty when it ran to the end. A file
// that set nothing before it stopped reports no coverage at all, which
// must not read as a config that logs in nowhere.
func stopNote(cfg *model.Config) string {
	stop, stopped := validate.Stop(cfg)
	switch {
	case !stopped:
		return ""
	case cfg.Stopped == nil:
		return stop.Message + "; coverage counts nothing of it"
	case validate.Unevaluated(cfg):
		// The message's first clause is the error itself; the rest says
		// what it means for Pywikibot, which lint prints.
		why, _, _ := strings.Cut(stop.Message, ";")
		return fmt.Sprintf("evaluation stopped at line %d before the file set anything (%s); "+
			"coverage counts nothing of it", cfg.Stopped.Line, why)
	}
	return fmt.Sprintf("evaluation stopped at line %d; coverage counts only what the lines "+
		"before it set", cfg.Stopped.Line)
}

// coverageExtensions are the formats coverage takes from -o's extension:
// a report written to report.html as plain text is no use to the browser
// that opens it.
var coverageExtensions = map[string]string{
	".html": "html", ".htm": "html", ".json": "json", ".csv": "csv",
	".md": "markdown", ".markdown": "markdown", ".txt": "text",
}

func writeCoverage(w io.Writer, o *coverageOptions, reports []*coverage.Report) error {
	switch o.format {
	case "json":
		return coverage.WriteJSON(w, reports, o.view)
	case "csv":
		return coverage.WriteCSV(w, reports, o.view)
	case "markdown":
		return coverage.WriteMarkdown(w, reports, o.view)
	case "html":
		return coverage.WriteHTML(w, reports, o.view)
	}
	return coverage.WriteText(w, reports, o.view)
}

func writeChange(w io.Writer, o *coverageOptions, ch *coverage.Change) error {
	switch o.format {
	case "json":
		return coverage.WriteChangeJSON(w, ch)
	case "csv":
		return coverage.WriteChangeCSV(w, ch)
	case "markdown":
		return coverage.WriteChangeMarkdown(w, ch, o.view.Sites)
	}
	return coverage.WriteChangeText(w, ch, o.view.Sites)
}
