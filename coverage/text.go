package coverage

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/pwbconf/pwbconf/model"
)

// missingLimit is how many codes a summary names per verdict before it
// only counts the rest.
const missingLimit = 8

// WriteText writes reports for a terminal: for one config, a summary per
// family and the total line; for several, a matrix of configs by family
// first. With v.Sites every site gets a line of its own.
func WriteText(w io.Writer, reports []*Report, v View) error {
	ew := &errWriter{w: w}
	if len(reports) > 1 {
		writeTextMatrix(ew, reports, v)
	}
	for i, r := range reports {
		if len(reports) > 1 && !v.Sites {
			break
		}
		if i > 0 || len(reports) > 1 {
			ew.printf("\n")
		}
		if v.Sites {
			writeTextSites(ew, r, v)
		} else {
			writeTextFamilies(ew, r, v)
		}
	}
	return ew.err
}

func writeTextFamilies(w *errWriter, r *Report, v View) {
	w.printf("%s\n", header(r, v))
	var untouched []string
	for _, f := range v.families(r) {
		// A family the file gives nothing but the requirement asks for
		// is a gap like any other, and its missing sites are listed.
		met := f.Required == nil || f.Required.Met == f.Required.Sites
		if !touched(f) && v.Family == "" && met {
			untouched = append(untouched, f.Name)
			continue
		}
		w.printf("\n%-18s %s\n", f.Name, familyTotals(f))
		if len(f.Users) > 0 {
			w.printf("    username  %s\n", describe(f.Users))
		}
		if len(f.Keys) > 0 {
			w.printf("    auth      %s\n", describe(f.Keys))
		}
		for _, g := range gaps(r.FamilySites(f), v.Only, missingLimit) {
			w.printf("    %-9s %s\n", g.Label, g.Text)
		}
	}
	if len(untouched) > 0 {
		w.printf("\nnothing for %s\n", strings.Join(untouched, ", "))
	}
	writeTextNotes(w, r)
	if v.Family != "" {
		// The line above counts the one family; this one does not.
		w.printf("\nall families: %s\n", r.Summary())
		return
	}
	w.printf("\n%s\n", r.Summary())
}

func header(r *Report, v View) string {
	if v.Version == "" {
		return "Coverage of " + r.File
	}
	return fmt.Sprintf("Coverage of %s (sites of Pywikibot %s)", r.File, v.Version)
}

func writeTextNotes(w *errWriter, r *Report) {
	if len(r.Unread) > 0 {
		w.printf("\nentries no counted site reads:\n")
		for _, u := range r.Unread {
			w.printf("    %s line %d: %s\n", u.Entry, u.Line, u.Reason)
		}
	}
	for _, u := range r.Unlisted {
		w.printf("\nnot counted: %s; pwbconf does not read family files\n", u)
	}
}

func writeTextSites(w *errWriter, r *Report, v View) {
	w.printf("%s\n\n", header(r, v))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SITE\tHOST\tSTATUS\tUSERNAME\tLINE\tAUTH\tKIND\tLINE\tVERDICT")
	for _, s := range v.allSites(r) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", escapeArgs([]any{s.ID(),
			s.Host, string(s.Status), userText(s), sourceLine(s.UserSource), orDash(s.AuthKey),
			string(s.AuthKind), sourceLine(s.AuthSource), verdictText(s)})...)
	}
	if err := tw.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	w.printf("\n%s\n", r.Summary())
}

func writeTextMatrix(w *errWriter, reports []*Report, v View) {
	names := v.matrixFamilies(reports)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "CONFIG\t")
	for _, n := range names {
		fmt.Fprintf(tw, "%s\t", n)
	}
	fmt.Fprint(tw, "OAUTH+USER\t\n")
	for _, r := range reports {
		fmt.Fprintf(tw, "%s\t", model.EscapeControls(r.File))
		for _, n := range names {
			f, _ := r.Family(n)
			fmt.Fprintf(tw, "%s\t", cell(f))
		}
		fmt.Fprintf(tw, "%s\t\n", thousands(r.Total.OAuth))
	}
	if err := tw.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	w.printf("\n%s\n", matrixLegend)
}

// userText is a site's username for a table, with what went wrong.
func userText(s *Site) string {
	switch s.UserState {
	case UserOK:
		return s.Username
	case UserUnresolved:
		return "(unresolved)"
	case UserInvalid:
		return "(not a string)"
	}
	return "-"
}

func verdictText(s *Site) string {
	if s.Unresolved {
		return string(s.Verdict) + " (unresolved)"
	}
	return string(s.Verdict)
}

func sourceLine(s *Source) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprint(s.Line)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// errWriter keeps the first write error so that a renderer can print
// without checking each line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// printf writes the string arguments with their control characters as
// escapes (model.EscapeControls): they hold text of the file, and a line
// break in a username must not start a line of the report.
func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, escapeArgs(args)...)
}

// escapeArgs escapes the strings among args, for a format string that
// comes from the code.
func escapeArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = model.EscapeControls(s)
		}
		out[i] = a
	}
	return out
}
