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
	File  string `json:"file"`
	Total Count  `json:"total"`
	// Requirement is what the report was judged against; Required tallies
	// the sites it counts (see Requirement.Counts).
	Requirement Requirement `json:"requirement"`
	Required    Need        `json:"required"`
	Families    []Family    `json:"families"`
	Sites       []Site      `json:"sites"`
	// Unread lists username entries that name no site of the table: an
	// unknown family or code, a removed wiki, an upper-case or old code.
	// For an old code it says which site the code reaches.
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
	// Users counts the sites a username resolves for, whatever the verdict.
	Users int `json:"users"`
	// Unresolved counts sites whose verdict rests on unknown values.
	Unresolved int `json:"unresolved"`
}

func (c *Count) add(s *Site) {
	c.Sites++
	*c.field(s.Verdict)++
	if s.HasUser() {
		c.Users++
	}
	if s.Unresolved {
		c.Unresolved++
	}
}

// sum adds the tallies of d to c.
func (c *Count) sum(d Count) {
	c.Sites += d.Sites
	c.OAuth += d.OAuth
	c.OAuthNoUser += d.OAuthNoUser
	c.UserOnly += d.UserOnly
	c.Basic += d.Basic
	c.None += d.None
	c.Users += d.Users
	c.Unresolved += d.Unresolved
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
	// Required tallies the sites the report's requirement counts, test
	// wikis left out; nil when the family is not required.
	Required *Need `json:"required,omitempty"`
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

// tally sums the sites up per family. Every family of the table gets an
// entry, one whose codes are all old (wikinews) too, with no sites. What
// the requirement asks is decided once per family and kept on each site.
func (r *Report) tally() {
	q := r.Requirement
	r.Families = slices.Grow(r.Families[:0], len(pywikibot.Families()))
	i := 0
	for _, fam := range pywikibot.Families() {
		f := Family{Name: fam.Name, Wikimedia: fam.Wikimedia, first: i}
		if q.Requires(fam.Name) {
			f.Required = &Need{}
		}
		user, oauth := slices.Contains(q.Users, fam.Name), slices.Contains(q.OAuth, fam.Name)
		var lastUser, lastAuth *Source
		for ; i < len(r.Sites) && r.Sites[i].Family == fam.Name; i++ {
			s := &r.Sites[i]
			f.Count.add(s)
			if f.Required != nil && askable(s) {
				s.needUser, s.needOAuth = user, oauth
				f.Required.add(s)
			}
			// Neighbouring sites mostly share their sources; one already
			// added needs no search.
			if s.UserSource != nil && s.UserSource != lastUser {
				f.Users, lastUser = addSource(f.Users, *s.UserSource), s.UserSource
			}
			if s.AuthSource != nil && s.AuthSource != lastAuth {
				f.Keys, lastAuth = addSource(f.Keys, *s.AuthSource), s.AuthSource
			}
		}
		f.end = i
		r.Total.sum(f.Count)
		if f.Required != nil {
			r.Required.sum(*f.Required)
		}
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

// Summary is the report's one-line total, e.g. "814 of 1,819 sites have
// OAuth and a username; 12 sites have OAuth but no username".
func (r *Report) Summary() string { return r.Total.Summary() }

// Summary writes the count as one line.
func (c Count) Summary() string {
	parts := []string{fmt.Sprintf("%s of %s sites have OAuth and a username",
		thousands(c.OAuth), thousands(c.Sites))}
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
	// Reaches is, for an old code, the site pywikibot.Site builds when
	// asked for it, as family:code.
	Reaches string `json:"reaches,omitempty"`
}

// unread finds the username entries whose family and code name no site
// of the report.
func unread(cfg *model.Config) []Unread {
	var out []Unread
	for _, e := range cfg.Usernames {
		if len(e.Path) != 3 || e.Path[1] == "*" || e.Path[2] == "*" {
			continue
		}
		if reason := unreadReason(e.Path[1], e.Path[2]); reason != "" {
			u := Unread{
				Entry:  fmt.Sprintf("usernames[%s][%s]", pyQuote(e.Path[1]), pyQuote(e.Path[2])),
				Line:   e.Pos.Line,
				Reason: reason,
			}
			if n := pywikibot.NormalizeCode(e.Path[1], e.Path[2]); n.Change.Has(pywikibot.CodeReplaced) {
				u.Reaches = n.Family + ":" + n.Code
			}
			out = append(out, u)
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
	case n.Change == pywikibot.CodeObsolete && isSite(n):
		// A closed wiki: a site of the report like any other.
		return ""
	case n.Change.Has(pywikibot.CodeObsolete) && !isSite(n):
		return "an old code that leads to no wiki"
	case n.Change.Has(pywikibot.CodeReplaced):
		// Site(code, family) looks the username up under the code it is
		// given, then builds the successor; the successor asked for by
		// its own code never reads this entry, so its verdict stands.
		return fmt.Sprintf("an old code: read only when a script asks for Site(%s, %s), "+
			"which Pywikibot builds as %s:%s; %s:%s itself does not read it",
			pyQuote(code), pyQuote(family), family, n.Code, family, n.Code)
	case n.Change.Has(pywikibot.CodeLowered):
		return fmt.Sprintf("an upper-case code: read only when a script asks for Site(%s, %s), "+
			"which Pywikibot builds as %s:%s", pyQuote(code), pyQuote(family), family, n.Code)
	case n.Change.Has(pywikibot.CodeSingleSite):
		return fmt.Sprintf("the family's one site has the code %q", n.Code)
	case n.Change.Has(pywikibot.CodeUnknown):
		return "no such site in the family"
	}
	return ""
}

// isSite reports whether the site table lists the normalized code.
func isSite(n pywikibot.Normalized) bool {
	f, ok := pywikibot.LookupFamily(n.Family)
	if !ok {
		return false
	}
	_, ok = f.Site(n.Code)
	return ok
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
