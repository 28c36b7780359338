package pywikibot

import (
	"slices"
	"strings"
	"sync"
)

// Family is one wiki family Pywikibot ships, such as wikipedia or commons.
type Family struct {
	Name string `json:"name"`
	// Wikimedia is true for families the Wikimedia Foundation hosts.
	Wikimedia bool `json:"wikimedia"`
	// Kind is Pywikibot's base class for the family, e.g. SubdomainFamily.
	Kind  string `json:"kind"`
	Sites []Site `json:"sites"`
	// Removed lists codes of wikis that were deleted.
	Removed []string `json:"removed"`
	// Obsolete maps an old code to the code Pywikibot uses instead; a nil
	// target means the code leads nowhere and the site refuses access.
	Obsolete  map[string]*string `json:"obsolete"`
	TestCodes []string           `json:"test_codes"`

	byCode map[string]int
	// codeSuggester suggests among Codes; built on first use.
	codeSuggester func() *suggester
}

// Site is one wiki of a family.
type Site struct {
	Family   string `json:"-"`
	Code     string `json:"code"`
	Hostname string `json:"hostname"`
	// Closed marks a read-only wiki.
	Closed bool `json:"closed"`
}

// Site returns the site with exactly this code.
func (f *Family) Site(code string) (Site, bool) {
	if i, ok := f.byCode[code]; ok {
		return f.Sites[i], true
	}
	return Site{}, false
}

// Codes returns the family's site codes in the order of the data.
func (f *Family) Codes() []string {
	codes := make([]string, len(f.Sites))
	for i, s := range f.Sites {
		codes[i] = s.Code
	}
	return codes
}

// IsTest reports whether code names one of the family's test wikis.
func (f *Family) IsTest(code string) bool { return slices.Contains(f.TestCodes, code) }

// IsRemoved reports whether code names a deleted wiki of the family.
func (f *Family) IsRemoved(code string) bool { return slices.Contains(f.Removed, code) }

// SingleSite reports whether the family has one site whose code is the
// family's name; Pywikibot then maps any unknown code to that one.
func (f *Family) SingleSite() bool {
	return len(f.Sites) == 1 && f.Sites[0].Code == f.Name
}

type siteData struct {
	Version  string    `json:"pywikibot"`
	Families []*Family `json:"families"`

	byName map[string]*Family
	byHost map[string][]Site
	hosts  []string
}

func (d *siteData) index() {
	slices.SortFunc(d.Families, func(a, b *Family) int { return strings.Compare(a.Name, b.Name) })
	n := 0
	for _, f := range d.Families {
		n += len(f.Sites)
	}
	d.byName = make(map[string]*Family, len(d.Families))
	d.byHost = make(map[string][]Site, n)
	for _, f := range d.Families {
		d.byName[f.Name] = f
		f.byCode = make(map[string]int, len(f.Sites))
		f.codeSuggester = sync.OnceValue(func() *suggester { return newSuggester(f.Codes()) })
		for i := range f.Sites {
			s := &f.Sites[i]
			s.Family = f.Name
			f.byCode[s.Code] = i
			d.byHost[s.Hostname] = append(d.byHost[s.Hostname], *s)
		}
	}
	d.hosts = make([]string, 0, len(d.byHost))
	for h := range d.byHost {
		d.hosts = append(d.hosts, h)
	}
	slices.Sort(d.hosts)
}

// Families returns every family Pywikibot ships, sorted by name. The
// result is shared: do not modify it.
func Families() []*Family { return loadSites().Families }

// FamilyNames returns the names of every family, sorted.
func FamilyNames() []string {
	names := make([]string, 0, len(Families()))
	for _, f := range Families() {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
}

// LookupFamily returns the family called name. Pywikibot's family names
// are case-sensitive, so is this.
func LookupFamily(name string) (*Family, bool) {
	f, ok := loadSites().byName[name]
	return f, ok
}

// LookupSite returns the site family:code with the code exactly as given.
// Use [NormalizeCode] first to find the site Pywikibot would build.
func LookupSite(family, code string) (Site, bool) {
	f, ok := LookupFamily(family)
	if !ok {
		return Site{}, false
	}
	return f.Site(code)
}

// SitesByHost returns the sites served at hostname. One host often has
// several: old codes stay in a family next to the code that replaced
// them. Host names compare without regard to case, as DNS does.
func SitesByHost(hostname string) []Site {
	return loadSites().byHost[strings.ToLower(hostname)]
}

// Hosts returns every host name of every site, sorted, each once. The
// result is shared: do not modify it.
func Hosts() []string { return loadSites().hosts }
