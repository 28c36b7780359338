package coverage

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// WriteHTML writes one self-contained HTML page. For one config, or with
// v.Sites, each config gets a grid of its sites grouped by family, each
// cell coloured by verdict, with a legend and per-family totals; a site's
// title (shown on hover, and in a panel on click) gives its host,
// username and the config lines behind them. Several configs get a matrix
// of configs by family on top, and without v.Sites only a line of totals
// per family each: a grid of some 1,800 sites per config makes a page of
// hundreds of megabytes for a few hundred configs, too big to open. The
// page loads nothing: styles and the few lines of script are inline.
func WriteHTML(w io.Writer, reports []*Report, v View) error {
	page := htmlPage{Version: v.Version, Verdicts: legend()}
	grid := len(reports) == 1 || v.Sites
	if len(reports) > 1 {
		page.Matrix = htmlMatrix(reports, v)
	}
	for i, r := range reports {
		c := htmlConfig{ID: fmt.Sprintf("config-%d", i+1), File: r.File, Summary: r.Summary(),
			Open: len(reports) == 1}
		for _, f := range v.families(r) {
			if !grid && !touched(f) && f.Required == nil {
				continue
			}
			c.Families = append(c.Families, htmlFamily(r, f, v, grid))
		}
		for _, u := range r.Unread {
			c.Notes = append(c.Notes, fmt.Sprintf("%s (line %d): %s", u.Entry, u.Line, u.Reason))
		}
		for _, u := range r.Unlisted {
			c.Notes = append(c.Notes, "not counted: "+u+"; pwbconf does not read family files")
		}
		page.Configs = append(page.Configs, c)
	}
	page.Title = "Coverage of " + reports[0].File
	if len(reports) > 1 {
		page.Title = fmt.Sprintf("Coverage of %d configs", len(reports))
	}
	return pageTemplate.Execute(w, page)
}

type htmlPage struct {
	Title, Version string
	Verdicts       []htmlLegend
	Matrix         *htmlTable
	Configs        []htmlConfig
}

type htmlLegend struct{ Class, Name, Meaning string }

type htmlConfig struct {
	ID, File, Summary string
	Open              bool
	Families          []htmlFam
	Notes             []string
}

type htmlFam struct {
	Name, Totals, Entries string
	// Grid is set when the sites are shown one by one.
	Grid  bool
	Sites []htmlSite
}

type htmlSite struct{ Code, Class, Title string }

type htmlTable struct {
	Families []string
	Rows     []htmlRow
}

type htmlRow struct {
	ID, File, Total string
	Cells           []htmlCell
}

type htmlCell struct{ Text, Class, Title string }

func legend() []htmlLegend {
	return []htmlLegend{
		{"v-oauth", string(OAuth), "OAuth and a username"},
		{"v-oauth-no-user", string(OAuthNoUser), "OAuth but no username: the login fails"},
		{"v-user-only", string(UserOnly), "a username, no OAuth: password or cookie login"},
		{"v-basic", string(Basic), "HTTP basic auth"},
		{"v-none", string(None), "nothing"},
	}
}

func htmlFamily(r *Report, f *Family, v View, grid bool) htmlFam {
	hf := htmlFam{
		Name:    f.Name,
		Totals:  familyTotals(f),
		Entries: describe(append(append([]Source{}, f.Users...), f.Keys...)),
		Grid:    grid,
	}
	if !grid {
		return hf
	}
	for _, s := range v.sites(r, f) {
		class := "site v-" + string(s.Verdict) + " s-" + string(s.Status)
		if s.Unresolved {
			class += " unresolved"
		}
		hf.Sites = append(hf.Sites, htmlSite{Code: s.Code, Class: class, Title: siteTitle(s)})
	}
	return hf
}

// siteTitle is everything about a site in a few lines of plain text.
func siteTitle(s *Site) string {
	lines := []string{
		fmt.Sprintf("%s  %s  (%s)", s.ID(), s.Host, s.Status),
		"verdict: " + verdictText(s),
		"username: " + userText(s) + sourceText(s.UserSource),
		"auth: " + string(s.AuthKind) + sourceText(s.AuthSource),
	}
	for _, k := range s.Skipped {
		lines = append(lines, fmt.Sprintf("skipped: %s line %d (neither 2 nor 4 items)", k.Text, k.Line))
	}
	return strings.Join(lines, "\n")
}

func sourceText(s *Source) string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf(" from %s line %d", s.Text, s.Line)
}

func htmlMatrix(reports []*Report, v View) *htmlTable {
	t := &htmlTable{Families: v.matrixFamilies(reports)}
	for i, r := range reports {
		row := htmlRow{ID: fmt.Sprintf("config-%d", i+1), File: r.File,
			Total: thousands(r.Total.OAuth)}
		for _, name := range t.Families {
			f, _ := r.Family(name)
			title := fmt.Sprintf("%s: OAuth and username %d of %d, %d with OAuth but no username",
				name, f.Count.OAuth, f.Count.Sites, f.Count.OAuthNoUser)
			if q := f.Required; q != nil {
				title += fmt.Sprintf("; required, test wikis aside: %d of %d met, "+
					"%d without a username, %d without OAuth", q.Met, q.Sites, q.NoUser, q.NoOAuth)
			} else {
				title += "; not required"
			}
			row.Cells = append(row.Cells, htmlCell{Text: cell(f), Class: matrixClass(f), Title: title})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// matrixClass colours a cell by what the requirement asks of the family;
// a family it does not require is shown neutral, whatever it has.
func matrixClass(f *Family) string {
	q := f.Required
	switch {
	case q == nil:
		return "m-other"
	case q.OAuthNoUser > 0:
		return "v-oauth-no-user"
	case q.Met == q.Sites:
		return "v-oauth"
	case q.Met > 0:
		return "m-part"
	case q.NoUser < q.Sites:
		return "v-user-only"
	}
	return "v-none"
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem auto; max-width: 1240px;
  padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0; display: inline; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta, .entries, .totals { color: #555; font-weight: normal; }
.entries { font: 12px ui-monospace, monospace; margin: 0 0 .3rem; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .8rem 0; padding: 0; list-style: none; }
.legend span { display: inline-block; width: 1.1em; height: 1.1em; vertical-align: -.2em;
  margin-right: .3em; border-radius: 2px; }
.grid { display: flex; flex-wrap: wrap; gap: 2px; }
.site { font: 11px ui-monospace, monospace; min-width: 3.2em; padding: 2px 3px; border: 0;
  border-radius: 2px; cursor: pointer; color: #fff; text-align: center; }
.site:focus { outline: 2px solid #000; }
.v-oauth { background: #2e7d32; color: #fff; }
.v-oauth-no-user { background: #c62828; color: #fff; }
.v-user-only { background: #f9a825; color: #1b1b1b; }
.v-basic { background: #6a1b9a; color: #fff; }
.v-none { background: #e4e4e4; color: #444; }
.m-part { background: #a5d6a7; color: #1b1b1b; }
.m-other { background: #f7f7f7; color: #444; }
.s-closed, .s-removed { opacity: .55; }
.s-test { outline: 1px dashed #000; outline-offset: -2px; }
.unresolved { font-style: italic; text-decoration: underline dotted; }
details.config { border-top: 1px solid #ccc; padding: .8rem 0; }
summary { cursor: pointer; }
.summary { margin: .3rem 0 0; }
table.matrix { border-collapse: collapse; margin: 1rem 0; font-size: 12px; }
.matrix th, .matrix td { border: 1px solid #fff; padding: 3px 6px; text-align: center; }
.matrix th { background: #f2f2f2; }
.matrix th.file { text-align: left; }
.notes { color: #555; font-size: 12px; }
#detail { position: fixed; right: 1rem; bottom: 1rem; max-width: 30rem; white-space: pre-wrap;
  background: #fffbe6; border: 1px solid #d4b106; padding: .6rem .8rem; margin: 0;
  font: 12px ui-monospace, monospace; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">pwbconf coverage{{if .Version}}, sites of Pywikibot {{.Version}}{{end}}.
{{- if .Matrix}}
The matrix colours the families the requirement names by their sites, test wikis
aside; other families are grey whatever they have.
{{- end}}
Hover over a site for its username and config lines; click to pin them.
Dashed: test wiki; faded: closed or deleted wiki; italic: depends on unresolved values.</p>
<ul class="legend">
{{- range .Verdicts}}
<li><span class="{{.Class}}"></span><b>{{.Name}}</b>: {{.Meaning}}</li>
{{- end}}
</ul>
</header>
{{- with .Matrix}}
<table class="matrix">
<thead><tr><th class="file">config</th>{{range .Families}}<th>{{.}}</th>{{end}}<th>OAuth and username</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><th class="file"><a href="#{{.ID}}">{{.File}}</a></th>
{{- range .Cells}}<td class="{{.Class}}" title="{{.Title}}">{{.Text}}</td>{{end}}<td>{{.Total}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- range .Configs}}
<details class="config" id="{{.ID}}"{{if .Open}} open{{end}}>
<summary><h2>{{.File}}</h2></summary>
<p class="summary">{{.Summary}}</p>
{{- range .Families}}
<section class="family">
<h3>{{.Name}} <span class="totals">{{.Totals}}</span></h3>
{{- if .Entries}}
<p class="entries">{{.Entries}}</p>
{{- end}}
{{- if .Grid}}
<div class="grid">
{{- range .Sites}}<button type="button" class="{{.Class}}" title="{{.Title}}">{{.Code}}</button>{{end}}
</div>
{{- end}}
</section>
{{- end}}
{{- if .Notes}}
<ul class="notes">{{range .Notes}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
</details>
{{- end}}
<pre id="detail" hidden></pre>
<script>
document.addEventListener("click", function (e) {
  var site = e.target.closest(".site"), panel = document.getElementById("detail");
  if (!site) { panel.hidden = true; return; }
  panel.textContent = site.title;
  panel.hidden = false;
});
</script>
</body>
</html>
`))
