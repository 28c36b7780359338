package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/parser"
	"github.com/pwbconf/pwbconf/sandbox"
	"github.com/pwbconf/pwbconf/validate"
)

func (r *runner) lintCommand() *cli.Command {
	output := []cli.Flag{
		&cli.StringFlag{
			Name: "format", Aliases: []string{"f"}, Value: "text",
			Usage: "print findings as `FORMAT`: " + strings.Join(lintFormats, ", "),
		},
		&cli.StringFlag{
			Name: "fail-on", Value: "error",
			Usage: "exit 1 when a finding is at least `SEVERITY`: info, warning, error, none",
		},
	}
	running := []cli.Flag{
		&cli.IntFlag{
			Name: "jobs", Aliases: []string{"j"}, DefaultText: "number of CPUs",
			Usage: "evaluate up to `N` files at once, each in its own worker process",
		},
		timeoutFlag(),
		&cli.StringFlag{
			Name: "color", Value: "auto",
			Usage: "colour the text format: `WHEN` is auto (on a terminal unless " +
				"NO_COLOR is set), always, never",
		},
		&cli.BoolFlag{
			Name: "quiet", Aliases: []string{"q"},
			Usage: "print no findings; only the exit status tells",
		},
		verboseFlag(),
	}
	return &cli.Command{
		Name:      "lint",
		Usage:     "check user-config.py files and report what Pywikibot would get wrong",
		UsageText: "pwbconf lint [options] PATH...",
		Description: "Each PATH is a file, a folder searched for user-config.py files (not\n" +
			"entering .git or node_modules, nor links that lead out of it), or - for\n" +
			"standard input. Options go before the paths.\n\n" +
			"Settings come from the first .pwbconf.yaml found in the folder of each\n" +
			"file or above it (stopping at the top of a git repository); --select,\n" +
			"--ignore, --severity, --require-families and --coverage lay over them.\n" +
			"RULE and LIST entries are codes (PWB101), code prefixes (PWB1) or names\n" +
			"(unknown-variable); \"pwbconf rules\" lists them.\n\n" + exitHelp("lint"),
		Flags:  slices.Concat(output, ruleFlags(), running, envFlags()),
		Action: r.lint,
	}
}

// pathArgs returns the paths command was given, at least one. It refuses
// an option among them, where urfave/cli would take it for a path.
func pathArgs(c *cli.Context, command string) ([]string, error) {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return nil, usagef("%s needs at least one PATH", command)
	}
	for _, p := range paths {
		if len(p) > 1 && p[0] == '-' {
			return nil, usagef("option %q after a path: put options before the paths", p)
		}
	}
	return paths, nil
}

// poolOptions reads and checks --jobs and --timeout.
func poolOptions(c *cli.Context) (int, sandbox.Limits, error) {
	jobs, limits := c.Int("jobs"), sandbox.Limits{Timeout: c.Duration("timeout")}
	if !c.IsSet("jobs") {
		jobs = runtime.NumCPU()
	}
	if jobs < 1 {
		return 0, limits, usagef("--jobs %d: want at least 1", jobs)
	}
	if limits.Timeout <= 0 {
		return 0, limits, usagef("--timeout %v: want a positive duration", limits.Timeout)
	}
	return jobs, limits, nil
}

// inPool calls do for 0 to n-1 from up to 2*jobs goroutines at a time,
// all evaluating in one sandbox pool of jobs workers. Each i comes with
// the turn it evaluates in, taken in the order of i, so the files get
// workers in order and a file never waits behind a later one; do uses it
// or leaves it, and an unused turn is released after do. feed, when not
// nil, is called with each i, in order, before i is handed out; it may
// block to hold the work back.
func inPool(n, jobs int, limits sandbox.Limits, feed func(i int),
	do func(turn *sandbox.Turn, i int)) {
	if n == 0 {
		return
	}
	jobs = min(jobs, n)
	pool := sandbox.NewPool(jobs, limits)
	defer pool.Close()
	// The workers' start-up is most of the time one file takes; it runs
	// while the caller's own set-up does.
	pool.Start(jobs)
	type job struct {
		i    int
		turn *sandbox.Turn
	}
	next := make(chan job)
	var wg sync.WaitGroup
	// Twice as many callers as workers: while one caller runs the rules
	// on what its worker returned, another hands that worker its next
	// file, so no worker waits on the rules.
	for range 2 * jobs {
		wg.Go(func() {
			for j := range next {
				do(j.turn, j.i)
				j.turn.Release()
			}
		})
	}
	for i := range n {
		if feed != nil {
			feed(i)
		}
		next <- job{i, pool.Take()}
	}
	close(next)
	wg.Wait()
}

func timeoutFlag() cli.Flag {
	return &cli.DurationFlag{
		Name: "timeout", Value: parser.DefaultTimeout,
		Usage: "stop evaluating a file after `DURATION`",
	}
}

func verboseFlag() cli.Flag {
	return &cli.BoolFlag{Name: "verbose", Usage: "log what pwbconf does to standard error"}
}

// lintOptions are lint's flags, checked.
type lintOptions struct {
	format string
	failOn diag.Severity // 0 means never fail on findings
	rules  *ruleChoice
	jobs   int
	limits sandbox.Limits
	env    sandbox.Env
	color  bool
	quiet  bool
	log    io.Writer
	// progress is set once the files are known.
	progress *progress
}

func (r *runner) lintOptions(c *cli.Context) (*lintOptions, error) {
	o := &lintOptions{
		format: c.String("format"),
		quiet:  c.Bool("quiet"),
		log:    r.logger(c),
	}
	if !slices.Contains(lintFormats, o.format) {
		return nil, usagef("--format %q: want one of %s", o.format, strings.Join(lintFormats, ", "))
	}
	var err error
	if o.failOn, err = parseFailOn(c.String("fail-on")); err != nil {
		return nil, err
	}
	if o.rules, err = parseRuleChoice(c); err != nil {
		return nil, err
	}
	if o.jobs, o.limits, err = poolOptions(c); err != nil {
		return nil, err
	}
	if o.color, err = r.useColor(c.String("color")); err != nil {
		return nil, err
	}
	if o.env, err = r.evalEnv(c); err != nil {
		return nil, err
	}
	return o, nil
}

func parseFailOn(name string) (diag.Severity, error) {
	if name == "none" {
		return 0, nil
	}
	if s, ok := diag.ParseSeverity(name); ok {
		return s, nil
	}
	return 0, usagef("--fail-on %q: want info, warning, error or none", name)
}

// useColor decides whether the text format is coloured.
func (r *runner) useColor(when string) (bool, error) {
	f, ok := r.stdout.(*os.File)
	return colorWanted(when, ok && term.IsTerminal(int(f.Fd())), r.env)
}

// colorWanted applies --color: auto colours a terminal unless NO_COLOR is
// set, and an explicit always or never wins over both.
func colorWanted(when string, terminal bool, env environ) (bool, error) {
	switch when {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return terminal && !env.noColor(), nil
	}
	return false, usagef("--color %q: want auto, always or never", when)
}

func (r *runner) lint(c *cli.Context) error {
	paths, err := pathArgs(c, "lint")
	if err != nil {
		return err
	}
	o, err := r.lintOptions(c)
	if err != nil {
		return err
	}
	// The rules' tables are built while the first workers start.
	go validate.Warm()
	files, problems := collect(paths, o.log)
	if len(problems) > 0 {
		r.setCode(ExitFailure)
	}
	// Findings sort by file first, so checking the files in the order of
	// their names lets each file's findings be printed as soon as it is
	// done, and forgotten.
	slices.Sort(files)
	problems = diag.Sort(problems)
	opts := make([]validate.Options, len(files))
	projects := newProjects(o.log)
	for i, f := range files {
		if opts[i], err = projects.options(f, o.rules); err != nil {
			return err
		}
	}
	out := newFindingWriter(r.stdout, o.format, o.color)
	var counts severityCounts
	emit := func(ds []diag.Diagnostic, src *source) {
		counts.add(ds)
		if o.failOn > 0 && slices.ContainsFunc(ds, func(d diag.Diagnostic) bool {
			return d.Severity >= o.failOn
		}) {
			r.setCode(ExitFindings)
		}
		if o.quiet || len(ds) == 0 {
			return
		}
		o.progress.makeRoom()
		out.write(ds, func(string) *source { return src })
	}
	// problems are found before any file is checked; each goes out in its
	// place among the files' findings.
	before := func(file string) []diag.Diagnostic {
		n := 0
		for n < len(problems) && problems[n].File < file {
			n++
		}
		emit(problems[:n], nil)
		problems = problems[n:]
		n = 0
		for n < len(problems) && problems[n].File == file {
			n++
		}
		same := problems[:n]
		problems = problems[n:]
		return same
	}
	o.progress = r.newProgress(len(files), o)
	// What is printed goes out whenever the next file is not done yet, so
	// a reader sees every finding of the files done so far, and a run
	// whose files finish faster than it prints writes a buffer at a time.
	r.checkAll(files, opts, o, func() { out.flush() }, func(res fileResult) {
		if res.readErr {
			r.setCode(ExitFailure)
		}
		ds := res.diags
		if same := before(res.file); len(same) > 0 {
			ds = diag.Sort(slices.Concat(same, ds))
		}
		emit(ds, res.src)
	})
	emit(problems, nil)
	o.progress.clear()
	if o.quiet {
		return nil
	}
	err = out.close()
	o.progress.summarize(len(files), counts)
	return err
}

// fileResult is what checking one file gave.
type fileResult struct {
	file    string
	src     *source
	diags   []diag.Diagnostic // masked and sorted
	readErr bool
}

// aheadPerJob bounds how many files each job may check past the first one
// not yet printed. Their findings wait in memory until it is, so without a
// bound one slow file would let a run over thousands pile up.
const aheadPerJob = 8

// checkAll evaluates and checks files, o.jobs at a time, each with its
// options, and hands the results to each in the order of files, on the
// calling goroutine; it calls idle before it waits for a file not done.
func (r *runner) checkAll(files []string, opts []validate.Options, o *lintOptions,
	idle func(), each func(fileResult)) {
	results := make([]chan fileResult, len(files))
	for i := range results {
		results[i] = make(chan fileResult, 1)
	}
	ahead := make(chan struct{}, aheadPerJob*o.jobs)
	done := make(chan struct{})
	go func() {
		defer close(done)
		inPool(len(files), o.jobs, o.limits, func(int) { ahead <- struct{}{} },
			func(turn *sandbox.Turn, i int) {
				results[i] <- r.check(turn, files[i], opts[i], o)
				o.progress.fileDone()
			})
	}()
	for i := range results {
		var res fileResult
		select {
		case res = <-results[i]:
		default:
			idle()
			res = <-results[i]
		}
		each(res)
		<-ahead
	}
	<-done
}

// check evaluates one file in its turn and runs the rules on it.
func (r *runner) check(turn *sandbox.Turn, file string, opts validate.Options,
	o *lintOptions) fileResult {
	src, err := r.readSource(file)
	if err != nil {
		return fileResult{file: file, diags: []diag.Diagnostic{ioFinding(file, err)}, readErr: true}
	}
	start := time.Now()
	cfg := turn.Evaluate(file, src, o.env)
	opts.Source = src
	ds := validate.Check(cfg, opts)
	fmt.Fprintf(o.log, "pwbconf: %s: %d findings in %v\n", file, len(ds),
		time.Since(start).Round(time.Millisecond))
	res := fileResult{file: file, diags: ds}
	if len(ds) == 0 {
		return res
	}
	mask := fileMasker(cfg)
	for i := range ds {
		ds[i].Message = mask.text(ds[i].Message)
	}
	// Findings are sorted, and told apart, as printed: two that differed
	// only in a secret are one now.
	res.diags = diag.Sort(ds)
	if o.format == "text" && !o.quiet {
		res.src = newSource(src, mask)
		res.src.prepare(res.diags)
	}
	return res
}

// readSource reads a file, or standard input for stdinName.
func (r *runner) readSource(file string) ([]byte, error) {
	if file == stdinName {
		return io.ReadAll(r.stdin)
	}
	return os.ReadFile(file)
}
