package coverage

import (
	"io"
	"strings"
)

// WriteMarkdown writes reports as GitHub-flavoured Markdown tables, for a
// pull request or a wiki page: a table of families per config, or of
// sites with v.Sites, and a matrix first when there are several configs.
func WriteMarkdown(w io.Writer, reports []*Report, v View) error {
	ew := &errWriter{w: w}
	if len(reports) > 1 {
		writeMarkdownMatrix(ew, reports, v)
	}
	for _, r := range reports {
		if len(reports) > 1 && !v.Sites {
			break
		}
		ew.printf("## %s\n\n", mdEscape(header(r, v)))
		if v.Sites {
			writeMarkdownSites(ew, r, v)
		} else {
			writeMarkdownFamilies(ew, r, v)
		}
		ew.printf("\n**%s**\n\n", r.Summary())
	}
	return ew.err
}

func writeMarkdownFamilies(w *errWriter, r *Report, v View) {
	w.printf("| Family | OAuth and username | OAuth, no username | User only | Basic | None " +
		"| Sites | Entries |\n")
	w.printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n")
	for _, f := range v.families(r) {
		c := f.Count
		w.printf("| %s | %d | %d | %d | %d | %d | %d | %s |\n", mdEscape(f.Name), c.OAuth,
			c.OAuthNoUser, c.UserOnly, c.Basic, c.None, c.Sites,
			mdEscape(describe(append(append([]Source{}, f.Users...), f.Keys...))))
	}
	for _, u := range r.Unread {
		w.printf("\n- %s (line %d): %s", mdCode(u.Entry), u.Line, mdEscape(u.Reason))
	}
	if len(r.Unread) > 0 {
		w.printf("\n")
	}
}

func writeMarkdownSites(w *errWriter, r *Report, v View) {
	w.printf("| Site | Host | Status | Username | Line | Auth | Kind | Line | Verdict |\n")
	w.printf("| --- | --- | --- | --- | ---: | --- | --- | ---: | --- |\n")
	for _, s := range v.allSites(r) {
		w.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", mdEscape(s.ID()),
			mdEscape(s.Host), s.Status,
			mdEscape(userText(s)), sourceLine(s.UserSource), mdCode(s.AuthKey), s.AuthKind,
			sourceLine(s.AuthSource), verdictText(s))
	}
}

func writeMarkdownMatrix(w *errWriter, reports []*Report, v View) {
	names := v.matrixFamilies(reports)
	w.printf("| Config | %s | OAuth and username |\n", strings.Join(names, " | "))
	w.printf("| --- |%s ---: |\n", strings.Repeat(" :---: |", len(names)))
	for _, r := range reports {
		cells := make([]string, len(names))
		for i, n := range names {
			f, _ := r.Family(n)
			cells[i] = mdEscape(cell(f))
		}
		w.printf("| %s | %s | %s |\n", mdEscape(r.File), strings.Join(cells, " | "),
			thousands(r.Total.OAuth))
	}
	w.printf("\n%s\n\n", mdEscape(matrixLegend))
}

func mdCode(s string) string {
	if s == "" {
		return "-"
	}
	return "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(s) + "`"
}

// mdEscape keeps user text from breaking a table or turning into markup;
// printf then writes a line break in it as an escape.
var mdEscape = strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"<", "&lt;", "[", `\[`).Replace
