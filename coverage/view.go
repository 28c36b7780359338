package coverage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/pywikibot"
)

// Filter picks sites by how they fare.
type Filter string

// The filters a view can apply; All keeps every site.
const (
	All      Filter = ""
	Missing  Filter = "missing"  // lacks what the requirement asks: see Site.Missing
	Covered  Filter = "covered"  // verdict oauth
	Conflict Filter = "conflict" // see Site.Conflict
)

// Filters lists the filters by the names the command line takes.
var Filters = []Filter{Missing, Covered, Conflict}

// keeps reports whether s passes the filter.
func (f Filter) keeps(s *Site) bool {
	switch f {
	case Missing:
		return s.Missing()
	case Covered:
		return s.Verdict == OAuth
	case Conflict:
		return s.Conflict()
	}
	return true
}

// View says what a rendering shows. The zero value shows the per-family
// summary of every family.
type View struct {
	// Sites lists every site instead of summing them up per family.
	Sites bool
	// Family, when set, shows that family alone.
	Family string
	Only   Filter
	// Version is the Pywikibot release the site table describes, printed
	// in headers; empty leaves it out.
	Version string
}

// Check reports a view that names a family the reports do not have or a
// filter that does not exist.
func (v View) Check() error {
	if v.Only != All && !slices.Contains(Filters, v.Only) {
		return fmt.Errorf("unknown filter %q (want missing, covered or conflict)", v.Only)
	}
	if v.Family == "" {
		return nil
	}
	for _, t := range table().sites {
		if t.site.Family == v.Family {
			return nil
		}
	}
	if near := pywikibot.NearestFamily(v.Family); near != "" {
		return fmt.Errorf("unknown family %q; did you mean %q?", v.Family, near)
	}
	return fmt.Errorf("unknown family %q", v.Family)
}

// families returns the report's families the view shows: the one asked
// for, or all that have sites; with a filter, only those with a site that
// passes it.
func (v View) families(r *Report) []*Family {
	var out []*Family
	for i := range r.Families {
		f := &r.Families[i]
		if v.Family != "" && f.Name != v.Family || f.Count.Sites == 0 {
			continue
		}
		if v.Only != All && len(v.sites(r, f)) == 0 {
			continue
		}
		out = append(out, f)
	}
	return out
}

// sites returns the family's sites that pass the filter.
func (v View) sites(r *Report, f *Family) []*Site {
	var out []*Site
	all := r.FamilySites(f)
	for i := range all {
		if v.Only.keeps(&all[i]) {
			out = append(out, &all[i])
		}
	}
	return out
}

// allSites returns every site the view shows, family by family.
func (v View) allSites(r *Report) []*Site {
	var out []*Site
	for _, f := range v.families(r) {
		out = append(out, v.sites(r, f)...)
	}
	return out
}

// touched reports whether the config gives the family anything at all.
func touched(f *Family) bool { return f.Count.None < f.Count.Sites }

// matrixFamilies are the columns of a matrix of several reports: the
// families the requirement names and those any report gives something
// to, in the order of the table.
func (v View) matrixFamilies(reports []*Report) []string {
	var names []string
	seen := map[string]bool{}
	for _, r := range reports {
		for _, f := range v.families(r) {
			if (touched(f) || f.Required != nil) && !seen[f.Name] {
				seen[f.Name] = true
			}
		}
	}
	for _, f := range reports[0].Families {
		if seen[f.Name] {
			names = append(names, f.Name)
		}
	}
	return names
}

// cell writes how a family fares in a report as a matrix cell: "all",
// "-", or the count of sites that fare well, with "!" when some sites
// have OAuth but no username. A family the requirement names is judged on
// what it asks of the family's sites, test wikis aside; another on the
// sites with OAuth and a username.
func cell(f *Family) string {
	good, all, broken := f.Count.OAuth, f.Count.Sites, f.Count.OAuthNoUser
	if q := f.Required; q != nil {
		good, all, broken = q.Met, q.Sites, q.OAuthNoUser
	}
	var s string
	switch good {
	case all:
		s = "all"
	case 0:
		s = "-"
	default:
		s = fmt.Sprint(good)
	}
	if broken > 0 {
		s += "!"
	}
	return s
}

// describe writes the entries that give a family what it has.
func describe(sources []Source) string {
	parts := make([]string, len(sources))
	for i, s := range sources {
		parts[i] = fmt.Sprintf("%s line %d", s.Text, s.Line)
	}
	return strings.Join(parts, ", ")
}

// gap is a line of a family's summary that names sites without both
// OAuth and a username: Label is "missing" on the first line of the sites
// that lack what the requirement asks (see [Site.Missing]), "optional" on
// the first of those whose lack the requirement does not count, and empty
// on the lines that follow. "optional" rather than "uncovered": next to a
// family whose requirement is met, such as www.mediawiki.org, which is
// asked OAuth alone, "uncovered" read as a contradiction.
type gap struct{ Label, Text string }

// gaps writes the sites of a family without both OAuth and a username,
// grouped by verdict, at most limit codes per verdict: first the missing
// ones, which the requirement's total counts as not met, then the
// optional ones, which the requirement does not ask OAuth and a username
// of (a test wiki, a family it does not name, or www.mediawiki.org, asked
// for OAuth alone). Only the sites that pass the filter are named, so
// that --only missing lists no optional site, as the other formats do.
func gaps(sites []Site, only Filter, limit int) []gap {
	var out []gap
	for _, missing := range []bool{true, false} {
		label := "optional"
		if missing {
			label = "missing"
		}
		for _, v := range Verdicts[1:] {
			var codes []string
			for i := range sites {
				s := &sites[i]
				if s.Verdict == v && s.Missing() == missing && only.keeps(s) {
					codes = append(codes, sites[i].Code)
				}
			}
			if len(codes) == 0 {
				continue
			}
			more := ""
			if len(codes) > limit {
				more = fmt.Sprintf(" and %d more", len(codes)-limit)
				codes = codes[:limit]
			}
			out = append(out, gap{label, fmt.Sprintf("%s: %s%s", v, strings.Join(codes, ", "), more)})
			label = ""
		}
	}
	return out
}

// matrixLegend explains the cells of a matrix.
const matrixLegend = "all: every site of the family has what it needs; -: none; " +
	"a number: the sites that have it; !: some sites have OAuth but no username. " +
	"A required family needs what the requirement asks on every site but test wikis; " +
	"another family is counted by the sites with OAuth and a username"

// familyTotals writes a family's totals, with the required sites' apart.
// The first counts the verdict oauth, and says it needs a username too: a
// family line followed by its authenticate key, with "OAuth 0 of 1", read
// as if the key did not count.
func familyTotals(f *Family) string {
	s := fmt.Sprintf("OAuth and username %s of %s %s", thousands(f.Count.OAuth),
		thousands(f.Count.Sites), plural(f.Count.Sites, "site"))
	if q := f.Required; q != nil {
		s += fmt.Sprintf("; required (test wikis aside): %s of %s met", thousands(q.Met),
			thousands(q.Sites))
	}
	return s
}
