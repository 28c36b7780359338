package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pwbconf/pwbconf/diag"
)

// configName is the file name a folder search looks for.
const configName = "user-config.py"

// stdinName stands for standard input, given as the path "-".
const stdinName = "<stdin>"

// CodeIO is the code of the finding about a file or folder pwbconf could
// not read.
const CodeIO = diag.CodeUnreadable

// skipDirs are folders a search never enters: they hold other tools' data,
// never a configuration Pywikibot reads.
var skipDirs = map[string]bool{".git": true, "node_modules": true}

// collect expands paths into the files to check, in a stable order, each
// once. A file named on the command line is taken whatever its name; a
// folder is searched for user-config.py files. What cannot be read, and a
// folder that holds none, becomes a finding.
func collect(paths []string, log io.Writer) ([]string, []diag.Diagnostic) {
	var files []string
	var problems []diag.Diagnostic
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(stdinName)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			problems = append(problems, ioFinding(p, err))
			continue
		}
		if !info.IsDir() {
			add(filepath.Clean(p))
			continue
		}
		found, skipped, errs := search(p, log)
		problems = append(problems, errs...)
		if len(found) == 0 && len(errs) == 0 {
			// A folder given by mistake, as a wrong path in CI, must not pass
			// as a clean run.
			msg := "no " + configName + " under " + quoteForMessage(p)
			if skipped > 0 {
				// Otherwise the message denies a file the user can see.
				msg += fmt.Sprintf("; %d skipped, links to folders or out of the folder, "+
					"which pwbconf does not follow (name the file or folder itself to check it)",
					skipped)
			}
			problems = append(problems, diag.Diagnostic{
				Code: CodeIO, Severity: diag.Error, File: p, Message: msg,
			})
		}
		for _, f := range found {
			add(f)
		}
	}
	return files, problems
}

// search walks root in lexical order for user-config.py files. It does not
// enter symbolic links to folders, and takes a linked file only when the
// link resolves inside root; skipped counts the links it left.
func search(root string, log io.Writer) (files []string, skipped int, problems []diag.Diagnostic) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, 0, []diag.Diagnostic{ioFinding(root, err)}
	}
	if info, err := os.Lstat(root); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a link even as its root; a trailing
		// separator makes the system resolve it.
		root += string(filepath.Separator)
	}
	walk := func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, ioFinding(p, err))
			return nil
		}
		if d.IsDir() {
			if p != root && skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && d.Name() != configName {
			// WalkDir passes a link to a folder by, which a user who put it
			// there to gather configs would not guess.
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				fmt.Fprintf(log, "pwbconf: %s: not entered, a link to a folder "+
					"(name the folder itself to check it)\n", p)
				skipped++
			}
			return nil
		}
		if d.Name() != configName {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if !linkInside(realRoot, p) {
				fmt.Fprintf(log, "pwbconf: %s: skipped, a link that leads out of %s\n", p, root)
				skipped++
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files = append(files, p)
		return nil
	}
	_ = filepath.WalkDir(root, walk)
	return files, skipped, problems
}

// linkInside reports whether the link at p resolves to a regular file
// inside realRoot.
func linkInside(realRoot, p string) bool {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(realRoot, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	info, err := os.Stat(target)
	return err == nil && info.Mode().IsRegular()
}

// ioFinding reports a file or folder that could not be read.
func ioFinding(path string, err error) diag.Diagnostic {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return diag.Diagnostic{
		Code:     CodeIO,
		Severity: diag.Error,
		Message:  "cannot read " + quoteForMessage(path) + ": " + err.Error(),
		File:     path,
	}
}

func quoteForMessage(s string) string { return fmt.Sprintf("%q", s) }
