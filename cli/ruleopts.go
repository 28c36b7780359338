package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/project"
	"github.com/pwbconf/pwbconf/validate"
)

// ruleFlags are the flags that choose and re-grade rules. They lay over
// what a .pwbconf.yaml sets.
func ruleFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{
			Name: "select",
			Usage: "report only the rules in `LIST`: codes, code prefixes (PWB3) or names, " +
				"comma-separated or repeated",
		},
		&cli.StringSliceFlag{
			Name:  "ignore",
			Usage: "drop the rules in `LIST`, as for --select; ignore wins over select",
		},
		&cli.StringSliceFlag{
			Name: "severity",
			Usage: "give a rule another severity, as `RULE=LEVEL` with LEVEL info, warning, " +
				"error or off",
		},
		requireFamiliesFlag(),
		&cli.StringFlag{
			Name: "coverage", Value: "auto",
			Usage: "when the required families apply: `WHEN` is auto (files with OAuth for " +
				"at least half of them), always, never",
		},
	}
}

// requireFamiliesFlag is --require-families, which lint and coverage share.
func requireFamiliesFlag() cli.Flag {
	return &cli.StringFlag{
		Name: "require-families", DefaultText: "the eleven families of the OAuth manual",
		Usage: "hold files to a username and OAuth on every site of the families in " +
			"`LIST` (comma-separated; all-wikimedia for every Wikimedia family)",
	}
}

// parseRequiredFamilies reads --require-families; nil when it is not
// given, which leaves the project file's setting, or the manual's.
func parseRequiredFamilies(c *cli.Context) ([]string, error) {
	if !c.IsSet("require-families") {
		return nil, nil
	}
	families := splitList([]string{c.String("require-families")})
	if _, err := validate.ExpandFamilies(families); err != nil {
		return nil, usagef("--require-families: %v", err)
	}
	if families == nil {
		families = []string{}
	}
	return families, nil
}

// ruleChoice is what the rule flags ask for, checked. A nil field was not
// given and leaves the project file's setting alone.
type ruleChoice struct {
	selected  []string
	ignored   []string
	severity  map[string]diag.Severity // by code
	off       []string                 // codes given severity off
	families  []string
	coverage  *validate.CoverageMode
	selectSet bool
}

func parseRuleChoice(c *cli.Context) (*ruleChoice, error) {
	rc := &ruleChoice{selectSet: c.IsSet("select")}
	var err error
	if rc.selected, err = ruleList("select", c.StringSlice("select")); err != nil {
		return nil, err
	}
	if rc.ignored, err = ruleList("ignore", c.StringSlice("ignore")); err != nil {
		return nil, err
	}
	if err = rc.parseSeverities(c.StringSlice("severity")); err != nil {
		return nil, err
	}
	if rc.families, err = parseRequiredFamilies(c); err != nil {
		return nil, err
	}
	if c.IsSet("coverage") {
		mode, err := validate.ParseCoverageMode(c.String("coverage"))
		if err != nil || c.String("coverage") == "" {
			return nil, usagef("--coverage %q: want auto, always or never", c.String("coverage"))
		}
		rc.coverage = &mode
	}
	return rc, nil
}

// splitList splits each value at commas, dropping empty items.
func splitList(values []string) []string {
	var out []string
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// ruleList reads the entries of --select or --ignore, each a code, a code
// prefix or a name.
func ruleList(flag string, values []string) ([]string, error) {
	entries := splitList(values)
	for _, e := range entries {
		if !selectsRule(e) {
			return nil, unknownRule("--"+flag, e)
		}
	}
	return entries, nil
}

// selectsRule reports whether entry names some rule the way
// validate.Options reads it.
func selectsRule(entry string) bool {
	if _, ok := validate.Lookup(entry); ok {
		return true
	}
	up := strings.ToUpper(entry)
	return len(up) >= 3 && slices.ContainsFunc(validate.Rules(), func(r validate.Rule) bool {
		return strings.HasPrefix(r.Code, up)
	})
}

// unknownRule is the error for a flag entry that names no rule.
func unknownRule(flag, entry string) error {
	if near := validate.NearestRule(entry); near != "" {
		return usagef("%s %q names no rule; did you mean %q?", flag, entry, near)
	}
	return usagef("%s %q names no rule; \"pwbconf rules\" lists them", flag, entry)
}

func (rc *ruleChoice) parseSeverities(values []string) error {
	for _, pair := range splitList(values) {
		name, level, ok := strings.Cut(pair, "=")
		if !ok {
			return usagef("--severity %q: want RULE=LEVEL", pair)
		}
		rule, ok := validate.Lookup(strings.TrimSpace(name))
		if !ok {
			return unknownRule("--severity", name)
		}
		level = strings.TrimSpace(level)
		if level == "off" {
			rc.off = append(rc.off, rule.Code)
			continue
		}
		s, ok := diag.ParseSeverity(level)
		if !ok {
			return usagef("--severity %q: want info, warning, error or off after =", pair)
		}
		if rc.severity == nil {
			rc.severity = map[string]diag.Severity{}
		}
		rc.severity[rule.Code] = s
	}
	return nil
}

// over returns base, a project file's options, with the command line laid
// over it: --select, --require-families and --coverage replace, --ignore
// adds, and --severity wins rule by rule, taking back a rule the project
// file turned off.
func (rc *ruleChoice) over(base validate.Options) validate.Options {
	out := base
	if rc.selectSet {
		out.Select = rc.selected
	}
	if rc.families != nil {
		out.RequiredFamilies = rc.families
	}
	if rc.coverage != nil {
		out.Coverage = *rc.coverage
	}
	out.Ignore = slices.DeleteFunc(slices.Clone(base.Ignore), func(e string) bool {
		r, ok := validate.Lookup(e)
		_, regraded := rc.severity[r.Code]
		return ok && regraded
	})
	out.Ignore = append(append(out.Ignore, rc.ignored...), rc.off...)
	if len(rc.severity) > 0 {
		out.Severity = make(map[string]diag.Severity, len(base.Severity)+len(rc.severity))
		for k, v := range base.Severity {
			if r, ok := validate.Lookup(k); ok {
				k = r.Code
			}
			out.Severity[k] = v
		}
		for k, v := range rc.severity {
			out.Severity[k] = v
		}
	}
	return out
}

// projects finds and reads the .pwbconf.yaml files that apply to linted
// files, each folder and each file once. It is safe for concurrent use.
type projects struct {
	log    io.Writer
	mu     sync.Mutex
	finder project.Finder
	byPath map[string]*project.Config
}

func newProjects(log io.Writer) *projects {
	return &projects{log: log, byPath: map[string]*project.Config{}}
}

// options returns the validate options for file, standard input counting
// as a file in the working folder: the project file's, with rc laid over
// them. A mistake in the project file is an error that gives its place.
func (p *projects) options(file string, rc *ruleChoice) (validate.Options, error) {
	if file == stdinName {
		file = "user-config.py"
	}
	cfg, err := p.forFile(file)
	if err != nil {
		return validate.Options{}, err
	}
	var base validate.Options
	if cfg != nil {
		if base, err = cfg.Options(file); err != nil {
			return validate.Options{}, err
		}
	}
	return rc.over(base), nil
}

func (p *projects) forFile(file string) (*project.Config, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	dir := filepath.Dir(file)
	found, err := p.finder.Find(dir)
	if err != nil {
		return nil, err
	}
	if found == "" {
		return nil, nil
	}
	if cfg, ok := p.byPath[found]; ok {
		return cfg, nil
	}
	cfg, err := project.Load(found)
	if err != nil {
		return nil, relativeError(err)
	}
	fmt.Fprintf(p.log, "pwbconf: %s: project settings for the files under %s\n",
		shortPath(found), shortPath(filepath.Dir(found)))
	p.byPath[found] = cfg
	return cfg, nil
}

// relativeError shortens the path in a project file error.
func relativeError(err error) error {
	var list project.ErrorList
	if !errors.As(err, &list) {
		return err
	}
	out := make(project.ErrorList, len(list))
	for i, pe := range list {
		short := *pe
		short.File = shortPath(pe.File)
		out[i] = &short
	}
	return out
}

// shortPath returns path relative to the working folder when it lies in it.
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
