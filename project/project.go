// Package project reads a project's pwbconf settings from a .pwbconf.yaml
// file and turns them into validate.Options.
//
// The file is looked for in the folder of the linted file, then in each
// folder above it. The search stops at the first .pwbconf.yaml, at a
// folder that holds .git (the top of a repository, which is still
// searched), or at the root. A file looks like this:
//
//	# Families the coverage rules require: names, or all-wikimedia.
//	# Without it, the eleven families of the OAuth manual.
//	require-families: [wikipedia, commons, wikidata]
//	# When coverage applies: auto (the default), always or never.
//	coverage: always
//	# Keep only these rules (codes, code prefixes or names).
//	select: [PWB2, PWB3]
//	# Drop these rules; ignore wins over select.
//	ignore: [clear-text-password]
//	# Re-grade rules: info, warning, error, or off (same as ignore).
//	severity:
//	  PWB101: error
//	  shadowed-key: off
//	# Settings for some files only, relative to this file's folder.
//	overrides:
//	  - paths: ["legacy/", "*-test.py"]
//	    ignore: [PWB111]
//	    severity: {catch-all-key: info}
//
// Every key is optional and no other key is accepted: a misspelt key, an
// unknown rule or family, or a value of the wrong kind is an error that
// gives the file, line and column, and Parse reports every one of them.
// Each override may hold every key but overrides. For a file that several
// overrides match, they apply in the order written: select,
// require-families and coverage replace what came before, ignore adds to
// it, severity merges entry by entry.
//
// A path pattern ending in "/" matches everything under that folder; a
// pattern without "/" matches the file name in any folder; any other
// pattern matches the path relative to the folder of .pwbconf.yaml, with
// the wildcards of path.Match ("**" is not special).
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/validate"
)

// FileName is the name of the project file.
const FileName = ".pwbconf.yaml"

// Config is one project file.
type Config struct {
	// Path is the file it was read from.
	Path string
	Settings
	Overrides []Override
}

// Settings are what a project file sets, at the top or in an override.
// Severity values are diag severities, or Off.
type Settings struct {
	RequireFamilies []string
	// requireSet tells an empty list from none.
	requireSet bool
	Coverage   *validate.CoverageMode
	Select     []string
	Ignore     []string
	Severity   map[string]Level
}

// Override is settings for the files matching one of Paths.
type Override struct {
	Paths []string
	Settings
}

// Level is a severity a project file gives a rule.
type Level int

// Off turns a rule off; the other levels are diag severities.
const Off Level = -1

// Error is a mistake in a project file, at a place in it. Col is 0 when
// only the line is known, as for YAML syntax errors: the YAML library
// reports no column for those.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.File + ": " + e.Msg
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every mistake found in one project file, in the order of
// the file.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Find returns the project file that applies to the files of dir, or ""
// when there is none.
func Find(dir string) (string, error) { return new(Finder).Find(dir) }

// Finder finds project files as Find does, remembering what it learnt of
// each folder, so that the thousands of folders of a fleet of bots, which
// share their parents, cost one look at each parent. It is safe for
// concurrent use; the zero Finder is ready.
type Finder struct {
	mu    sync.Mutex
	known map[string]string // absolute folder -> its project file, or ""
}

// Find is the package's Find, remembering.
func (f *Finder) Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.known == nil {
		f.known = map[string]string{}
	}
	return f.find(dir)
}

func (f *Finder) find(dir string) (string, error) {
	if found, ok := f.known[dir]; ok {
		return found, nil
	}
	found, err := f.look(dir)
	if err == nil {
		f.known[dir] = found
	}
	return found, err
}

// look decides for one folder, asking its parent when the folder itself
// neither holds a project file nor is the top of a repository.
func (f *Finder) look(dir string) (string, error) {
	candidate := filepath.Join(dir, FileName)
	if info, err := os.Stat(candidate); err == nil && !info.IsDir() {
		return candidate, nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return "", nil
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		return "", nil
	}
	return f.find(parent)
}

// ForFile finds and loads the project file for a linted file; it returns
// nil, nil when there is none.
func ForFile(file string) (*Config, error) {
	found, err := Find(filepath.Dir(file))
	if err != nil || found == "" {
		return nil, err
	}
	return Load(found)
}

// Load reads a project file.
func Load(file string) (*Config, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, src)
}

// Options returns the validate options for one linted file: the top-level
// settings with the matching overrides applied. file may be relative to
// the working folder.
func (c *Config) Options(file string) (validate.Options, error) {
	s := c.Settings.clone()
	rel, err := c.relative(file)
	if err != nil {
		return validate.Options{}, err
	}
	for _, o := range c.Overrides {
		if slices.ContainsFunc(o.Paths, func(p string) bool { return matchPath(p, rel) }) {
			s.apply(o.Settings)
		}
	}
	return s.options(), nil
}

func (c *Config) relative(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	base, err := filepath.Abs(filepath.Dir(c.Path))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// matchPath applies one override pattern to a slash path relative to the
// project file's folder.
func matchPath(pattern, rel string) bool {
	if dir, ok := strings.CutSuffix(pattern, "/"); ok {
		return strings.HasPrefix(rel, dir+"/")
	}
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(rel))
		return ok
	}
	ok, _ := path.Match(pattern, rel)
	return ok
}

func (s Settings) clone() Settings {
	out := s
	out.Select = slices.Clone(s.Select)
	out.Ignore = slices.Clone(s.Ignore)
	out.RequireFamilies = slices.Clone(s.RequireFamilies)
	out.Severity = make(map[string]Level, len(s.Severity))
	for k, v := range s.Severity {
		out.Severity[k] = v
	}
	return out
}

// apply lays an override's settings over s.
func (s *Settings) apply(o Settings) {
	if o.Select != nil {
		s.Select = slices.Clone(o.Select)
	}
	if o.requireSet {
		s.RequireFamilies, s.requireSet = slices.Clone(o.RequireFamilies), true
	}
	if o.Coverage != nil {
		s.Coverage = o.Coverage
	}
	s.Ignore = append(s.Ignore, o.Ignore...)
	for k, v := range o.Severity {
		s.Severity[k] = v
	}
}

func (s Settings) options() validate.Options {
	opts := validate.Options{
		Select:           s.Select,
		Ignore:           slices.Clone(s.Ignore),
		RequiredFamilies: s.RequireFamilies,
	}
	if s.Coverage != nil {
		opts.Coverage = *s.Coverage
	}
	for k, v := range s.Severity {
		if v == Off {
			opts.Ignore = append(opts.Ignore, k)
			continue
		}
		if opts.Severity == nil {
			opts.Severity = map[string]diag.Severity{}
		}
		opts.Severity[k] = diag.Severity(v)
	}
	slices.Sort(opts.Ignore)
	return opts
}
