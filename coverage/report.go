package coverage

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// Report is the coverage of one config.
type Report struct {
	File     string   `json:"file"`
	Total    Count    `json:"total"`
	Families []Family `json:"families"`
	Sites    []Site   `json:"sites"`
	// Unread lists username entries that name no site of the table: an
	// unknown family or code, a removed wiki, an upper-case or old code.
	Unread []Unread `json:"unread,omitempty"`
	// Unlisted names families and folders the config registers whose
	// sites pwbconf cannot know without reading the family files.
	Unlisted []string `json:"unlisted,omitempty"`
}

// Count tallies sites by verdict.
type Count struct {
	Sites       int `json:"sites"`
	OAuth       int `json:"oauth"`
	OAuthNoUser int `json:"oauth_no_user"`
	UserOnly    int `json:"user_only"`
	Basic       int `json:"basic"`
	None        int `json:"none"`
	// Unresolved counts sites whose verdict rests on unknown values.
	Unresolved int `json:"unresolved"`
}

func (c *Count) add(s *Site) {
	c.Sites++
	*c.field(s.Verdict)++
	if s.Unresolved {
		c.Unresolved++
	}
}

func (c *Count) field(v Verdict) *int {
	switch v {
	case OAuth:
		return &c.OAuth
	case OAuthNoUser:
		return &c.OAuthNoUser
	case UserOnly:
		return &c.UserOnly
	case Basic:
		return &c.Basic
	}
	return &c.None
}

// Of returns the number of sites with verdict v.
func (c Count) Of(v Verdict) int { return *c.field(v) }

// Family is the coverage of one family.
type Family struct {
	Name      string `json:"name"`
	Wikimedia bool   `json:"wikimedia"`
	Count     Count  `json:"count"`
	// Users and Keys are the entries that serve the family's sites, in the
	// order of the file.
	Users []Source `json:"usernames,omitempty"`
	Keys  []Source `json:"authenticate,omitempty"`
	// first and end delimit the family's sites in Report.Sites.
	first, end int
}

// FamilySites returns the sites of f, a part of the report's.
func (r *Report) FamilySites(f *Family) []Site { return r.Sites[f.first:f.end] }

// Family returns the family called name.
func (r *Report) Family(name string) (*Family, bool) {
	for i := range r.Families {
		if r.Families[i].Name == name {
			return &r.Families[i], true
		}
	}
	return nil, false
}

// Lookup returns the site family:code.
func (r *Report) Lookup(family, code string) (*Site, bool) {
	f, ok := r.Family(family)
	if !ok {
		return nil, false
	}
	sites := r.FamilySites(f)
	for i := range sites {
		if sites[i].Code == code {
			return &sites[i], true
		}
	}
	return nil, false
}

func (r *Report) tally() {
	for i := 0; i < len(r.Sites); {
		name := r.Sites[i].Family
		fam, _ := pywikibot.LookupFamily(name)
		f := Family{Name: name, Wikimedia: fam.Wikimedia, first: i}
		for ; i < len(r.Sites) && r.Sites[i].Family == name; i++ {
			s := &r.Sites[i]
			f.Count.add(s)
			r.Total.add(s)
			if s.UserSource != nil {
				f.Users = addSource(f.Users, *s.UserSource)
			}
			if s.AuthSource != nil {
				f.Keys = addSource(f.Keys, *s.AuthSource)
			}
		}
		f.end = i
		r.Families = append(r.Families, f)
	}
}

func addSource(list []Source, s Source) []Source {
	if slices.Contains(list, s) {
		return list
	}
	i, _ := slices.BinarySearchFunc(list, s, func(a, b Source) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Text, b.Text)
	})
	return slices.Insert(list, i, s)
}

// Summary is the report's one-line total, e.g. "OAuth covers 1,365 of
// 1,503 sites; 12 sites have OAuth but no username".
func (r *Report) Summary() string { return r.Total.Summary() }

// Summary writes the count as one line.
func (c Count) Summary() string {
	parts := []string{fmt.Sprintf("OAuth covers %s of %s sites", thousands(c.OAuth),
		thousands(c.Sites))}
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 site "+one)
		case n > 1:
			parts = append(parts, thousands(n)+" sites "+many)
		}
	}
	add(c.OAuthNoUser, "has OAuth but no username", "have OAuth but no username")
	add(c.UserOnly, "has a username but no OAuth", "have a username but no OAuth")
	add(c.Basic, "uses HTTP basic auth", "use HTTP basic auth")
	add(c.Unresolved, "depends on unresolved values", "depend on unresolved values")
	return strings.Join(parts, "; ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Unread is a username entry Pywikibot never reads for a known site.
type Unread struct {
	Entry  string `json:"entry"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// unread finds the username entries whose family and code name no row of
// the site table. Old codes are rows (the table keeps them next to their
// successor), so they are listed here only with the reason they matter.
func unread(cfg *model.Config) []Unread {
	var out []Unread
	for _, e := range cfg.Usernames {
		if len(e.Path) != 3 || e.Path[1] == "*" || e.Path[2] == "*" {
			continue
		}
		if reason := unreadReason(e.Path[1], e.Path[2]); reason != "" {
			out = append(out, Unread{
				Entry:  fmt.Sprintf("usernames[%s][%s]", pyQuote(e.Path[1]), pyQuote(e.Path[2])),
				Line:   e.Pos.Line,
				Reason: reason,
			})
		}
	}
	return out
}

func unreadReason(family, code string) string {
	n := pywikibot.NormalizeCode(family, code)
	switch {
	case n.Change.Has(pywikibot.CodeUnknownFamily):
		return "no such family among those Pywikibot ships"
	case n.Removed:
		return "a removed wiki"
	case n.Change.Has(pywikibot.CodeObsolete):
		return "an old code that leads to no wiki"
	case n.Change.Has(pywikibot.CodeReplaced):
		return fmt.Sprintf("an old code, Pywikibot uses %q", n.Code)
	case n.Change.Has(pywikibot.CodeLowered):
		return fmt.Sprintf("an upper-case code, Pywikibot uses %q", n.Code)
	case n.Change.Has(pywikibot.CodeSingleSite):
		return fmt.Sprintf("the family's one site has the code %q", n.Code)
	case n.Change.Has(pywikibot.CodeUnknown):
		return "no such site in the family"
	}
	return ""
}

// unlisted names what the config registers beyond the site table.
func unlisted(cfg *model.Config) []string {
	var out []string
	if e, ok := cfg.Setting("family_files"); ok && e.Value.Kind == model.Dict {
		for _, name := range e.Value.Keys {
			out = append(out, "family "+name+" (family_files)")
		}
	}
	for _, ref := range cfg.FamilyFolders {
		out = append(out, "families in "+ref.Path)
	}
	return out
}
