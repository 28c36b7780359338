package cli

import (
	"bytes"
	"io"
	"regexp"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/diag"
)

func TestSummaryLine(t *testing.T) {
	ds := []diag.Diagnostic{{Severity: diag.Error}, {Severity: diag.Info}, {Severity: diag.Info},
		{Severity: diag.Warning}, {Severity: diag.Error}}
	tests := []struct {
		files int
		ds    []diag.Diagnostic
		took  time.Duration
		want  string
	}{
		{1, nil, 1234567 * time.Nanosecond,
			"pwbconf: 1 file checked: 0 errors, 0 warnings, 0 info in 1ms"},
		{1200, ds, 4321 * time.Millisecond,
			"pwbconf: 1200 files checked: 2 errors, 1 warning, 2 info in 4.3s"},
	}
	for _, tt := range tests {
		var counts severityCounts
		counts.add(tt.ds)
		if got := summaryLine(tt.files, counts, tt.took); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// TestProgressOffTheTerminal checks that lint writes neither bar nor
// summary to a standard error that is no terminal, unless --verbose asks
// for the summary, and that --quiet silences it even then.
func TestProgressOffTheTerminal(t *testing.T) {
	summary := regexp.MustCompile(`^pwbconf: 100 files checked: 0 errors, 0 warnings, ` +
		`0 info in \S+\n\z`)
	for _, tt := range []struct{ verbose, quiet, want bool }{
		{false, false, false}, {true, false, true}, {true, true, false},
	} {
		var stderr bytes.Buffer
		r := &runner{stderr: &stderr}
		o := &lintOptions{log: io.Discard, quiet: tt.quiet}
		if tt.verbose {
			o.log = &stderr
		}
		p := r.newProgress(100, o)
		for range 100 {
			p.fileDone()
		}
		p.clear()
		p.summarize(100, nil)
		if got := summary.MatchString(stderr.String()); got != tt.want || p.bar != nil {
			t.Errorf("verbose %v, quiet %v: summary shown %v, bar %v; stderr:\n%s",
				tt.verbose, tt.quiet, got, p.bar != nil, stderr.String())
		}
	}
}
