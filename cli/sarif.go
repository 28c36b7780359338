package cli

import (
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/validate"
)

// homePage is where the SARIF report says pwbconf is documented.
const homePage = "https://github.com/pwbconf/pwbconf"

// writeSARIF prints ds as one SARIF 2.1.0 log, the format GitHub code
// scanning uploads. Every rule is described in it, findings or not, so
// that a viewer can explain any code. File URIs are relative to the
// working folder, which in CI is the top of the checked-out repository.
func writeSARIF(w io.Writer, ds []diag.Diagnostic) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	driver := sarif.NewVersionedDriver("pwbconf", version()).WithInformationURI(homePage)
	run := sarif.NewRun(*sarif.NewTool(driver)).WithColumnKind("unicodeCodePoints")
	index := map[string]int{}
	for i, r := range validate.Rules() {
		index[r.Code] = i
		driver.AddRule(sarifRule(r))
	}
	base, _ := os.Getwd()
	for _, d := range ds {
		res := run.CreateResultForRule(d.Code).
			WithLevel(sarifLevel(d.Severity)).
			WithMessage(sarif.NewTextMessage(d.Message))
		if i, ok := index[d.Code]; ok {
			res.WithRuleIndex(i)
		}
		if loc := sarifLocation(base, d); loc != nil {
			res.AddLocation(loc)
			if d.Line <= 0 {
				res.Properties = sarif.Properties{"fileLevel": true}
			}
		}
	}
	report.AddRun(run)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(report)
}

func sarifRule(r validate.Rule) *sarif.ReportingDescriptor {
	return sarif.NewRule(r.Code).
		WithName(r.Name).
		WithShortDescription(sarif.NewMultiformatMessageString(r.Summary)).
		WithFullDescription(sarif.NewMultiformatMessageString(r.Doc)).
		WithHelp(sarif.NewMultiformatMessageString(ruleHelpText(r)).
			WithMarkdown(ruleHelpMarkdown(r))).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().
			WithLevel(sarifLevel(r.Severity)))
}

// sarifLevel maps a severity to SARIF's level; info is SARIF's note.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// sarifLocation returns where d is, or nil for standard input, which has
// no URI a viewer could open. A finding about the whole file, with no
// line, is placed on line 1: GitHub code scanning rejects a result whose
// location has no region.startLine. The result's fileLevel property
// tells such a finding apart.
func sarifLocation(base string, d diag.Diagnostic) *sarif.Location {
	if d.File == stdinName {
		return nil
	}
	loc := sarif.NewPhysicalLocation().WithArtifactLocation(
		sarif.NewSimpleArtifactLocation(fileURI(base, d.File)))
	if d.Line <= 0 {
		loc.WithRegion(sarif.NewRegion().WithStartLine(1))
		return sarif.NewLocationWithPhysicalLocation(loc)
	}
	region := sarif.NewRegion().WithStartLine(d.Line)
	if d.Column > 0 {
		region.WithStartColumn(d.Column)
	}
	if d.EndLine > 0 {
		region.WithEndLine(d.EndLine)
		if d.EndCol > 0 {
			region.WithEndColumn(d.EndCol)
		}
	}
	return sarif.NewLocationWithPhysicalLocation(loc.WithRegion(region))
}

// fileURI returns file as a URI reference relative to base, or as an
// absolute file URI when it lies outside base.
func fileURI(base, file string) string {
	abs, err := filepath.Abs(file)
	if err != nil {
		return (&url.URL{Path: filepath.ToSlash(file)}).String()
	}
	rel, err := filepath.Rel(base, abs)
	if base == "" || err != nil || rel == ".." ||
		strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
		if !strings.HasPrefix(u.Path, "/") {
			u.Path = "/" + u.Path // a Windows drive letter
		}
		return u.String()
	}
	// url.URL escapes what a URI may not hold, and starts a path whose
	// first segment has a colon with "./", so it cannot read as a scheme.
	return (&url.URL{Path: filepath.ToSlash(rel)}).String()
}
