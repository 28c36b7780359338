package coverage

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Change is what going from one config to another does to coverage.
type Change struct {
	Old string `json:"old"`
	New string `json:"new"`
	// Family and Only are the view the change was narrowed to (see
	// [CompareView]); empty for every site of every family.
	Family string `json:"family,omitempty"`
	Only   Filter `json:"only,omitempty"`
	// OldTotal and NewTotal are the two reports' totals, or the family's
	// with Family set.
	OldTotal Count `json:"old_total"`
	NewTotal Count `json:"new_total"`
	// Families lists the families where some site changed, in the order
	// of the table.
	Families []FamilyChange `json:"families"`
}

// FamilyChange is the change to one family.
type FamilyChange struct {
	Name string `json:"name"`
	// Gained and Lost count the sites listed that have OAuth and a
	// username only in the new config, or only in the old one: a site
	// that had OAuth and gains a username is gained.
	Gained int          `json:"gained"`
	Lost   int          `json:"lost"`
	Sites  []SiteChange `json:"sites"`
}

// SiteChange is a site whose verdict, username or credentials changed.
type SiteChange struct {
	Family string `json:"family"`
	Code   string `json:"code"`
	Host   string `json:"host"`
	Old    *Site  `json:"old"`
	New    *Site  `json:"new"`
}

// Compare works out the change from old to new. Both reports are over the
// same site table, so their sites line up one to one.
func Compare(old, new *Report) *Change { return CompareView(old, new, View{}) }

// CompareView works out the change from old to new within what v shows:
// with v.Family that family alone, its totals for the reports'; with
// v.Only the sites that pass the filter in either config, so that a
// site that stops being missing is listed under missing. v.Sites and
// v.Version play no part: the writers take the first themselves.
func CompareView(old, new *Report, v View) *Change {
	ch := &Change{Old: old.File, New: new.File, Family: v.Family, Only: v.Only,
		OldTotal: old.Total, NewTotal: new.Total}
	if v.Family != "" {
		ch.OldTotal, ch.NewTotal = Count{}, Count{}
		if f, ok := old.Family(v.Family); ok {
			ch.OldTotal = f.Count
		}
		if f, ok := new.Family(v.Family); ok {
			ch.NewTotal = f.Count
		}
	}
	for fi := range new.Families {
		nf := &new.Families[fi]
		if v.Family != "" && nf.Name != v.Family {
			continue
		}
		of, _ := old.Family(nf.Name)
		fc := FamilyChange{Name: nf.Name}
		os, ns := old.FamilySites(of), new.FamilySites(nf)
		for i := range ns {
			o, n := &os[i], &ns[i]
			if sameCoverage(o, n) || !v.Only.keeps(o) && !v.Only.keeps(n) {
				continue
			}
			switch {
			case n.Verdict == OAuth && o.Verdict != OAuth:
				fc.Gained++
			case o.Verdict == OAuth && n.Verdict != OAuth:
				fc.Lost++
			}
			fc.Sites = append(fc.Sites, SiteChange{n.Family, n.Code, n.Host, o, n})
		}
		if len(fc.Sites) > 0 {
			ch.Families = append(ch.Families, fc)
		}
	}
	return ch
}

// sameCoverage compares what a bot gets on a site, not the line numbers
// behind it: moving an entry within the file changes nothing.
func sameCoverage(a, b *Site) bool {
	return a.Verdict == b.Verdict && a.Username == b.Username && a.UserState == b.UserState &&
		a.AuthKey == b.AuthKey && a.AuthKind == b.AuthKind
}

// Summary is the change in one line. With a filter, the sites gained and
// lost are those of the sites listed, and the OAuth totals are still the
// whole report's, or the family's.
func (ch *Change) Summary() string {
	gained, lost := 0, 0
	for _, f := range ch.Families {
		gained += f.Gained
		lost += f.Lost
	}
	if len(ch.Families) == 0 {
		if ch.Only != All {
			return "no change in coverage among " + ch.onlyText()
		}
		return "no change in coverage"
	}
	of := ""
	if ch.Only != All {
		of = "; among " + ch.onlyText()
	}
	families := fmt.Sprintf("%d families change", len(ch.Families))
	if len(ch.Families) == 1 {
		families = "1 family changes"
	}
	return fmt.Sprintf("sites with OAuth and a username %s -> %s%s: %d gained, %d lost; %s",
		thousands(ch.OldTotal.OAuth), thousands(ch.NewTotal.OAuth), of, gained, lost, families)
}

// onlyText names the sites a filter keeps in a change.
func (ch *Change) onlyText() string {
	switch ch.Only {
	case Missing:
		return "sites missing before or after"
	case Covered:
		return "sites with OAuth and a username before or after"
	case Conflict:
		return "sites in conflict before or after"
	}
	return "all sites"
}

// title is the first line of a change report, with the view it was
// narrowed to.
func (ch *Change) title() string {
	t := fmt.Sprintf("Coverage change from %s to %s", ch.Old, ch.New)
	if ch.Family != "" {
		t += ", family " + ch.Family
	}
	if ch.Only != All {
		t += ", " + ch.onlyText()
	}
	return t
}

// WriteChangeText writes the change per family; with sites, every
// changed site gets a line.
func WriteChangeText(w io.Writer, ch *Change, sites bool) error {
	ew := &errWriter{w: w}
	ew.printf("%s\n", ch.title())
	for _, f := range ch.Families {
		ew.printf("\n%-18s +%d -%d with OAuth and username, %d %s changed\n", f.Name,
			f.Gained, f.Lost, len(f.Sites), plural(len(f.Sites), "site"))
		if !sites {
			continue
		}
		for _, s := range f.Sites {
			ew.printf("    %-22s %s\n", s.Family+":"+s.Code, changeText(s))
		}
	}
	ew.printf("\n%s\n", ch.Summary())
	return ew.err
}

// changeText writes a site's old and new state as "verdict (user, key)".
func changeText(s SiteChange) string {
	state := func(x *Site) string {
		return fmt.Sprintf("%s (%s, %s)", x.Verdict, userText(x), orDash(x.AuthKey))
	}
	return state(s.Old) + " -> " + state(s.New)
}

// WriteChangeMarkdown writes the change as a Markdown table of families,
// followed by one of sites when sites is set.
func WriteChangeMarkdown(w io.Writer, ch *Change, sites bool) error {
	ew := &errWriter{w: w}
	ew.printf("## %s\n\n", mdEscape(ch.title()))
	if len(ch.Families) > 0 {
		ew.printf("| Family | Gained | Lost | Changed |\n| --- | ---: | ---: | ---: |\n")
		for _, f := range ch.Families {
			ew.printf("| %s | %d | %d | %d |\n", mdEscape(f.Name), f.Gained, f.Lost, len(f.Sites))
		}
	}
	if sites && len(ch.Families) > 0 {
		ew.printf("\n| Site | Before | After |\n| --- | --- | --- |\n")
		for _, f := range ch.Families {
			for _, s := range f.Sites {
				before, after, _ := strings.Cut(changeText(s), " -> ")
				ew.printf("| %s | %s | %s |\n", mdEscape(s.Family+":"+s.Code), mdEscape(before),
					mdEscape(after))
			}
		}
	}
	ew.printf("\n**%s**\n", ch.Summary())
	return ew.err
}

// WriteChangeJSON writes the change as one object.
func WriteChangeJSON(w io.Writer, ch *Change) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Summary string `json:"summary"`
		*Change
	}{ch.Summary(), ch})
}

// WriteChangeCSV writes one record per changed site: the site, then its
// old and new username, key and verdict.
func WriteChangeCSV(w io.Writer, ch *Change) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"family", "code", "host", "old_username", "old_auth_key",
		"old_verdict", "new_username", "new_auth_key", "new_verdict"})
	for _, f := range ch.Families {
		for _, s := range f.Sites {
			_ = cw.Write(defuse([]string{s.Family, s.Code, s.Host, s.Old.Username,
				s.Old.AuthKey, string(s.Old.Verdict), s.New.Username, s.New.AuthKey,
				string(s.New.Verdict)}))
		}
	}
	cw.Flush()
	return cw.Error()
}
