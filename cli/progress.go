package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/pwbconf/pwbconf/diag"
)

// The progress bar library is held at v3.17.1 in go.mod: its later
// releases serve the bar over HTTP, which links net/http, crypto/tls and
// through them cgo's resolver into a tool that never opens a connection.
// That made the binary dynamically linked and its every start, the
// sandbox's workers' included, more than a millisecond slower.

// progressFrom is the number of files from which lint draws a progress
// bar: fewer are checked before a bar would tell anything.
const progressFrom = 40

// progress tells a person at a terminal how a lint run is getting on: a
// bar on standard error while many files are checked, and a summary line
// at the end. Neither is shown when standard error is not a terminal (a
// log or a CI job reads it then, and wants it stable) unless --verbose
// asks for the summary; --quiet silences both.
type progress struct {
	w       io.Writer
	bar     *progressbar.ProgressBar // nil when no bar is drawn
	start   time.Time
	summary bool
	// sharesScreen says the findings go to a terminal too, where lines
	// printed under the bar would tear it.
	sharesScreen bool
}

// newProgress prepares the progress of checking files.
func (r *runner) newProgress(files int, o *lintOptions) *progress {
	p := &progress{w: r.stderr, start: time.Now()}
	if o.quiet {
		return p
	}
	verbose := o.log != io.Discard
	terminal := isTerminal(r.stderr)
	p.summary = terminal || verbose
	// In verbose mode the log already says each file, and a bar would be
	// torn by its lines.
	if terminal && !verbose && files > progressFrom {
		p.sharesScreen = isTerminal(r.stdout)
		p.bar = progressbar.NewOptions(files,
			progressbar.OptionSetWriter(r.stderr),
			progressbar.OptionSetDescription("checking"),
			progressbar.OptionShowCount(),
			// No rate: the library's first reading divides one file by the
			// microseconds since the start, and the summary line says the
			// time anyway.
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// fileDone counts one checked file. It is safe for concurrent use, and
// on a nil progress.
func (p *progress) fileDone() {
	if p != nil && p.bar != nil {
		p.bar.Add(1)
	}
}

// clear takes the bar off the screen before the findings are printed.
func (p *progress) clear() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}

// makeRoom takes the bar off the screen before findings are printed on a
// terminal; the bar comes back with the next file done.
func (p *progress) makeRoom() {
	if p != nil && p.bar != nil && p.sharesScreen {
		p.bar.Clear()
	}
}

// summarize prints the summary of a run over files.
func (p *progress) summarize(files int, counts severityCounts) {
	if p != nil && p.summary {
		fmt.Fprintln(p.w, summaryLine(files, counts, time.Since(p.start)))
	}
}

// severityCounts counts findings by severity.
type severityCounts map[diag.Severity]int

func (c *severityCounts) add(ds []diag.Diagnostic) {
	if *c == nil {
		*c = severityCounts{}
	}
	for _, d := range ds {
		(*c)[d.Severity]++
	}
}

// summaryLine counts a run's files and findings by severity.
func summaryLine(files int, counts severityCounts, took time.Duration) string {
	var parts []string
	for _, s := range []diag.Severity{diag.Error, diag.Warning, diag.Info} {
		parts = append(parts, plural(counts[s], s.String()))
	}
	return fmt.Sprintf("pwbconf: %s checked: %s in %s", plural(files, "file"),
		strings.Join(parts, ", "), roundDuration(took))
}

// plural writes n with its noun.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if noun == "info" {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// roundDuration keeps a duration readable: milliseconds under a second,
// tenths of a second above.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}
