// Package diag defines the one finding type that every stage of pwbconf
// reports: the evaluator, the rules and the formatters all speak it.
package diag

import (
	"cmp"
	"slices"
)

// Severity orders findings; a higher value is more serious.
type Severity int

// The severities, least serious first. The zero value is not a severity, so
// that a finding built without one is caught by tests.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns the lower-case name used in text and JSON output.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseSeverity reads a severity name as String writes it.
func ParseSeverity(name string) (Severity, bool) {
	for _, s := range []Severity{Info, Warning, Error} {
		if s.String() == name {
			return s, true
		}
	}
	return 0, false
}

// MarshalText makes severities read as words in JSON and YAML.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText is the inverse of MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return &unknownSeverityError{string(b)}
	}
	*s = v
	return nil
}

type unknownSeverityError struct{ name string }

func (e *unknownSeverityError) Error() string {
	return "unknown severity " + e.name + " (want info, warning or error)"
}

// Diagnostic is one finding about one place in one file. Line and Column
// are 1-based; Column counts characters (Unicode code points), not bytes,
// so a caret lines up under the character in a UTF-8 terminal. A zero
// Line means the finding is about the file as a whole.
type Diagnostic struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	EndLine  int      `json:"end_line,omitempty"`
	EndCol   int      `json:"end_column,omitempty"`
	// Variable names the top-level name the finding is about, if any.
	Variable string `json:"variable,omitempty"`
}

// Compare orders diagnostics by file, position, code and message, so that
// output is the same whatever order files were checked in.
func Compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort sorts ds in place by Compare and drops exact duplicates, which arise
// when one statement in a loop produces the same finding on each pass.
func Sort(ds []Diagnostic) []Diagnostic {
	slices.SortFunc(ds, Compare)
	return slices.Compact(ds)
}
