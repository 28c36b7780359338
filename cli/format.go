package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// lintFormats are the values --format accepts for lint, in the order the
// help text lists them.
var lintFormats = []string{"text", "json", "github", "sarif"}

// source is one checked file as the text format shows it: its lines, with
// the secrets still in them, and the masker that hides those.
type source struct {
	lines []string
	mask  *masker
	// snippets holds each line as printed under a finding, masked and
	// made safe, by line and column: findings share lines, and masking
	// one runs several regular expressions over it.
	snippets map[[2]int]snippet
}

// snippet is a source line as printed, with the caret's column in it.
type snippet struct {
	line string
	col  int
}

func newSource(src []byte, mask *masker) *source {
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	return &source{lines: strings.Split(text, "\n"), mask: mask}
}

// snippet returns line n as printed under a finding at column col, and
// the caret's column in it; ok is false when the file has no line n.
func (s *source) snippet(n, col int) (_ snippet, ok bool) {
	if n < 1 || n > len(s.lines) {
		return snippet{}, false
	}
	key := [2]int{n, col}
	if sn, ok := s.snippets[key]; ok {
		return sn, true
	}
	var sn snippet
	sn.line, sn.col = s.mask.sourceLine(s.lines[n-1], col)
	sn.line, sn.col = displayLine(sn.line, sn.col)
	if s.snippets == nil {
		s.snippets = map[[2]int]snippet{}
	}
	s.snippets[key] = sn
	return sn, true
}

// prepare works out the snippets of ds ahead of printing, which lint
// does on the goroutines that check files rather than on the one that
// prints them all.
func (s *source) prepare(ds []diag.Diagnostic) {
	for _, d := range ds {
		s.snippet(d.Line, d.Column)
	}
}

// writeFindings prints ds, already sorted and masked, in format, each
// message cut to maxMessage characters.
func writeFindings(w io.Writer, format string, ds []diag.Diagnostic,
	sources map[string]*source, color bool) error {
	fw := newFindingWriter(w, format, color)
	fw.write(ds, func(file string) *source { return sources[file] })
	return fw.close()
}

// findingWriter prints findings in one format as they come, a file's at a
// time, so that a run over thousands of files keeps only the files under
// way in memory. SARIF is the exception: go-sarif builds the log as one
// value, so its findings are held to the end (without their sources).
type findingWriter struct {
	w      *bufio.Writer
	format string
	st     textStyle
	count  int               // findings written so far
	held   []diag.Diagnostic // SARIF's findings
	item   bytes.Buffer      // one JSON element being encoded
	enc    *json.Encoder     // writes into item
}

func newFindingWriter(w io.Writer, format string, color bool) *findingWriter {
	fw := &findingWriter{w: bufio.NewWriter(w), format: format, st: textStyle(color)}
	fw.enc = json.NewEncoder(&fw.item)
	fw.enc.SetEscapeHTML(false)
	// The elements of the array as json.Encoder would indent the whole.
	fw.enc.SetIndent("  ", "  ")
	return fw
}

// write prints ds, sorted and masked; source finds the lines of a file
// for the text format's snippets, and may return nil.
func (fw *findingWriter) write(ds []diag.Diagnostic, source func(file string) *source) {
	for _, d := range ds {
		d.Message, d.Variable = capText(d.Message), capText(d.Variable)
		switch fw.format {
		case "json":
			fw.writeJSON(d)
		case "github":
			fw.writeGitHub(d)
		case "sarif":
			fw.held = append(fw.held, d)
		default:
			fw.writeText(d, source(d.File))
		}
		fw.count++
	}
}

// flush sends what is buffered on, so that a reader sees a file's
// findings once it is checked.
func (fw *findingWriter) flush() error { return fw.w.Flush() }

// close ends the output and reports the first error met in writing it.
func (fw *findingWriter) close() error {
	switch fw.format {
	case "json":
		if fw.count == 0 {
			fw.w.WriteString("[]\n")
		} else {
			fw.w.WriteString("\n]\n")
		}
	case "sarif":
		if err := writeSARIF(fw.w, fw.held); err != nil {
			return err
		}
	}
	return fw.w.Flush()
}

// maxMessage is how many characters of a message or a variable name the
// output shows: both quote the file, an exception's text for one, and a
// file can make that text megabytes long.
const maxMessage = 500

// capText cuts s to maxMessage characters and says how long it was.
func capText(s string) string {
	if len(s) <= maxMessage {
		return s
	}
	n := utf8.RuneCountInString(s)
	if n <= maxMessage {
		return s
	}
	end := 0
	for i := 0; i < maxMessage; i++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return fmt.Sprintf("%s… (%d characters in all)", s[:end], n)
}

// ANSI styles of the text format.
const (
	styleBold    = "\x1b[1m"
	styleRed     = "\x1b[1;31m"
	styleYellow  = "\x1b[1;33m"
	styleCyan    = "\x1b[1;36m"
	styleGreen   = "\x1b[1;32m"
	styleDim     = "\x1b[2m"
	styleNothing = "\x1b[0m"
)

// textStyle paints text when colour is on.
type textStyle bool

func (on textStyle) paint(style, s string) string {
	if !on {
		return s
	}
	return style + s + styleNothing
}

func severityStyle(s diag.Severity) string {
	switch s {
	case diag.Error:
		return styleRed
	case diag.Warning:
		return styleYellow
	}
	return styleCyan
}

// writeText prints a finding as a compiler would: a location line, then
// the source line (masked) with a caret under the column.
func (fw *findingWriter) writeText(d diag.Diagnostic, src *source) {
	st := fw.st
	loc := d.File
	if d.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)
	}
	fmt.Fprintf(fw.w, "%s: %s: %s %s\n", st.paint(styleBold, model.EscapeControls(loc)),
		st.paint(severityStyle(d.Severity), d.Severity.String()), model.EscapeControls(d.Message),
		st.paint(styleDim, "["+d.Code+"]"))
	if src != nil {
		writeSnippet(fw.w, src, d, st)
	}
}

// writeSnippet prints the line d points at with a caret under its column.
func writeSnippet(w io.Writer, src *source, d diag.Diagnostic, st textStyle) {
	sn, ok := src.snippet(d.Line, d.Column)
	if !ok {
		return
	}
	line, col := sn.line, sn.col
	fmt.Fprintf(w, "%5d | %s\n", d.Line, line)
	if col < 1 {
		return
	}
	fmt.Fprintf(w, "%5s | %s%s\n", "", caretPad(line, col), st.paint(styleGreen, "^"))
}

// snippetWidth is how many characters of a source line the text format
// shows; a longer line is cut around the caret, and "…" marks each cut.
const snippetWidth = 120

// displayLine makes a source line safe to print and short: control
// characters become escapes, a long line is cut around col, and col moves
// with the text.
func displayLine(line string, col int) (string, int) {
	if utf8.RuneCountInString(line) <= snippetWidth && !strings.ContainsFunc(line, model.IsEscaped) {
		// Most lines print as they are, and the caret stays where it is.
		return line, col
	}
	var cells []string // what each character of line prints as
	for _, r := range line {
		cells = append(cells, model.EscapeRune(r))
	}
	// start[i] is where cell i begins in the printed line, 0-based.
	start := make([]int, len(cells)+1)
	for i, c := range cells {
		start[i+1] = start[i] + utf8.RuneCountInString(c)
	}
	at := min(max(col-1, 0), len(cells)) // the caret's cell
	width := start[len(cells)]
	past := max(col-1-len(cells), 0) // a caret past the end of the line
	lo, hi := 0, len(cells)
	if width > snippetWidth {
		for lo < at && start[at]-start[lo] > snippetWidth/2 {
			lo++
		}
		for hi > at && start[hi]-start[lo] > snippetWidth {
			hi--
		}
		for lo > 0 && start[hi]-start[lo-1] <= snippetWidth {
			lo--
		}
	}
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	b.WriteString(strings.Join(cells[lo:hi], ""))
	if hi < len(cells) {
		b.WriteString("…")
	}
	newCol := start[at] - start[lo] + 1 + past
	if lo > 0 {
		newCol++
	}
	if col < 1 {
		newCol = col
	}
	return b.String(), newCol
}

// caretPad returns the white space that puts a caret under character col
// of line, keeping the line's tabs so that the caret lines up after them.
func caretPad(line string, col int) string {
	var b strings.Builder
	n := 1
	for _, r := range line {
		if n >= col {
			break
		}
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteRune(' ')
		}
		n++
	}
	b.WriteString(strings.Repeat(" ", max(0, col-n)))
	return b.String()
}

// writeJSON prints a finding as the next element of one JSON array.
func (fw *findingWriter) writeJSON(d diag.Diagnostic) {
	fw.item.Reset()
	if err := fw.enc.Encode(d); err != nil {
		// A Diagnostic is plain data; encoding it cannot fail.
		panic(err)
	}
	if fw.count == 0 {
		fw.w.WriteString("[\n  ")
	} else {
		fw.w.WriteString(",\n  ")
	}
	fw.w.Write(bytes.TrimSuffix(fw.item.Bytes(), []byte("\n")))
}

// writeGitHub prints a finding as a GitHub Actions workflow command, which
// the runner turns into an annotation on the changed file.
func (fw *findingWriter) writeGitHub(d diag.Diagnostic) {
	props := "file=" + ghProperty(d.File)
	if d.Line > 0 {
		props += fmt.Sprintf(",line=%d,col=%d", d.Line, d.Column)
		if d.EndLine > 0 {
			props += fmt.Sprintf(",endLine=%d,endColumn=%d", d.EndLine, d.EndCol)
		}
	}
	props += ",title=" + ghProperty(d.Code)
	fmt.Fprintf(fw.w, "::%s %s::%s\n", ghCommand(d.Severity), props, ghData(d.Message))
}

func ghCommand(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "notice"
}

// ghData escapes a workflow command's message the way the runner unescapes
// it; other control characters become visible escapes, as the runner
// passes them on to a terminal or a log viewer as they are.
func ghData(s string) string {
	return model.EscapeControls(
		strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
}

// ghProperty escapes a workflow command's property value, as ghData does.
func ghProperty(s string) string {
	return model.EscapeControls(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A",
		":", "%3A", ",", "%2C").Replace(s))
}

// formatOfExtension returns the format that the extension of an output
// file names in table, which maps lower-case extensions to formats.
func formatOfExtension(path string, table map[string]string) (string, bool) {
	format, ok := table[strings.ToLower(filepath.Ext(path))]
	return format, ok
}
