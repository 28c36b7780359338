package validate

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// CoverageMode says when the coverage rules hold a file to the required
// families.
type CoverageMode string

// The coverage modes. CoverageAuto, the zero value, applies the
// requirement to a file whose OAuth keys reach at least half of the
// required families: such a file follows the manual's layout for every
// project, and a family it leaves out is most likely forgotten. A file
// with OAuth for one or two projects, or with none, is left alone.
const (
	CoverageAuto   CoverageMode = ""
	CoverageAlways CoverageMode = "always"
	CoverageNever  CoverageMode = "never"
)

// ParseCoverageMode reads a mode by the name a command line or a project
// file gives it: auto, always or never.
func ParseCoverageMode(name string) (CoverageMode, error) {
	switch name {
	case "auto", "":
		return CoverageAuto, nil
	case "always", "never":
		return CoverageMode(name), nil
	}
	return "", fmt.Errorf("unknown coverage mode %q (want auto, always or never)", name)
}

// AllWikimedia, given as a required family, stands for every family the
// Wikimedia Foundation hosts.
const AllWikimedia = "all-wikimedia"

// ManualFamilies are the families Wikimedia's OAuth manual sets up a
// username for, the default requirement. OAuth is required on their sites
// and on www.mediawiki.org too.
var ManualFamilies = coverage.ManualFamilies

// ExpandFamilies checks a list of required families and expands
// AllWikimedia. An unknown name is an error that suggests the nearest
// family.
func ExpandFamilies(names []string) ([]string, error) {
	var out []string
	for _, n := range names {
		if n == AllWikimedia {
			for _, f := range pywikibot.Families() {
				if f.Wikimedia {
					out = append(out, f.Name)
				}
			}
			continue
		}
		if _, ok := pywikibot.LookupFamily(n); !ok {
			if near := pywikibot.NearestFamily(n); near != "" {
				return nil, fmt.Errorf("unknown family %q; did you mean %q?", n, near)
			}
			return nil, fmt.Errorf("unknown family %q", n)
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Requirement is what the coverage rules ask of a file, the same that
// the coverage report counts: a username and OAuth on every non-test site
// of the families named, or the manual's requirement when none are.
func Requirement(families []string) coverage.Requirement {
	if families == nil {
		return manualRequirement
	}
	fams, err := ExpandFamilies(families)
	if err != nil {
		// The command line checks the list first; a bad name here simply
		// requires nothing of that family.
		fams = slices.DeleteFunc(slices.Clone(families), func(n string) bool {
			_, ok := pywikibot.LookupFamily(n)
			return !ok
		})
	}
	return coverage.FamiliesRequirement(fams)
}

// manualRequirement is the default requirement, made once: the rules
// only read it.
var manualRequirement = coverage.ManualRequirement()

// coverageFacts is what the coverage rules share about one config.
type coverageFacts struct {
	cfg    *model.Config
	report *coverage.Report
	need   coverage.Requirement
	// active is set when the requirement applies to this file.
	active bool

	// What the methods below work out is kept for the next rule to ask.
	famUser    map[string]bool
	common     string
	commonDone bool
	lastOAuth  *model.Entry
	lastDone   bool
}

func newCoverageFacts(cfg *model.Config, opts *Options) *coverageFacts {
	need := Requirement(opts.RequiredFamilies)
	f := &coverageFacts{cfg: cfg, report: coverage.ComputeFor(cfg, need), need: need}
	switch opts.Coverage {
	case CoverageAlways:
		f.active = true
	case CoverageAuto:
		reached := 0
		for _, fam := range f.need.OAuth {
			if f.familyReached(fam) {
				reached++
			}
		}
		f.active = len(f.need.OAuth) > 0 && 2*reached >= len(f.need.OAuth)
	}
	return f
}

// familyReached reports whether OAuth reaches a non-test site of fam.
func (f *coverageFacts) familyReached(fam string) bool {
	for s := range f.sites(fam) {
		if s.AuthKind == coverage.AuthOAuth {
			return true
		}
	}
	return false
}

// sites returns the family's sites, test wikis and deleted ones left out:
// a bot is not expected to log into them, and the manual's keys do not
// reach most test wikis. Closed wikis stay: a bot may log in to read.
func (f *coverageFacts) sites(fam string) iter.Seq[*coverage.Site] {
	return func(yield func(*coverage.Site) bool) {
		rf, ok := f.report.Family(fam)
		if !ok {
			return
		}
		all := f.report.FamilySites(rf)
		for i := range all {
			st := all[i].Status
			if st != coverage.Test && st != coverage.Removed && !yield(&all[i]) {
				return
			}
		}
	}
}

// loginSite reports whether a bot would log into s to work: an open wiki,
// not a test wiki, a closed one or a deleted one. (Aliases are no sites
// of the report.)
func loginSite(s *coverage.Site) bool { return s.Status == coverage.Open }

// needsOAuth reports whether the requirement, when it applies, asks for
// OAuth on s.
func (f *coverageFacts) needsOAuth(s *coverage.Site) bool { return f.active && s.NeedsOAuth() }

// usesOAuth reports whether any OAuth key reaches any site.
func (f *coverageFacts) usesOAuth() bool { return f.report.Total.OAuth+f.report.Total.OAuthNoUser > 0 }

// passwordFile returns the password_file setting when it names a file.
func (f *coverageFacts) passwordFile() (model.Entry, bool) {
	e, ok := f.cfg.Setting("password_file")
	if !ok || e.Value.Kind == model.None || (e.Value.Kind == model.Str && e.Value.Str == "") {
		return model.Entry{}, false
	}
	return e, true
}

// commonName is the username the file gives most often, to put into the
// lines the rules suggest; "" when it gives none.
func (f *coverageFacts) commonName() string {
	if !f.commonDone {
		f.common, f.commonDone = f.countNames(), true
	}
	return f.common
}

func (f *coverageFacts) countNames() string {
	counts := map[string]int{}
	for i := range f.report.Sites {
		if s := &f.report.Sites[i]; s.UserState == coverage.UserOK {
			counts[s.Username]++
		}
	}
	best := ""
	for name, n := range counts {
		if n > counts[best] || (n == counts[best] && name < best) {
			best = name
		}
	}
	return best
}

// suggestUser writes the line that gives a family, or one of its sites,
// a username.
func (f *coverageFacts) suggestUser(fam, code string) string {
	name := f.commonName()
	if name == "" {
		return fmt.Sprintf("Add a usernames[%s][%s] entry", pyStr(fam), pyStr(code))
	}
	return fmt.Sprintf("Add usernames[%s][%s] = %s", pyStr(fam), pyStr(code), pyStr(name))
}

// lastOAuthEntry is the OAuth entry set last in the file: the place to
// add a line after, and the value to copy into it.
func (f *coverageFacts) lastOAuthEntry() *model.Entry {
	if !f.lastDone {
		f.lastOAuth, f.lastDone = f.findLastOAuthEntry(), true
	}
	return f.lastOAuth
}

func (f *coverageFacts) findLastOAuthEntry() *model.Entry {
	var last *model.Entry
	for i := range f.cfg.Authenticate {
		e := &f.cfg.Authenticate[i]
		if len(e.Path) != 2 || !isOAuthValue(e) {
			continue
		}
		if last == nil || e.Pos.Line >= last.Pos.Line {
			last = e
		}
	}
	return last
}

// suggestKey writes the line that gives key OAuth, copying the tokens of
// an OAuth entry the file already has.
func (f *coverageFacts) suggestKey(key string) string {
	if from := f.lastOAuthEntry(); from != nil {
		return fmt.Sprintf("Add authenticate[%s] = authenticate[%s]", pyStr(key), pyStr(from.Path[1]))
	}
	return fmt.Sprintf("Add authenticate[%s] with the 4 OAuth tokens", pyStr(key))
}

// anchor is where a finding about something missing points: after the
// last entry of the list it belongs to, where the fix goes, or at the
// first line when the file has no such entry.
func anchor(lists ...[]model.Entry) model.Pos {
	for _, list := range lists {
		if len(list) == 0 {
			continue
		}
		last := slices.MaxFunc(list, func(a, b model.Entry) int {
			return cmp.Compare(a.Pos.Line, b.Pos.Line)
		})
		return last.Pos
	}
	return model.Pos{Line: 1, Col: 1}
}

// domainKey is the wildcard key that covers a host together with its
// sister wikis, "*.wikinews.org" for "en.wikinews.org"; a host of two
// labels has none wider than itself.
func domainKey(host string) string { return domainOf(host).key() }

// hostDomain is what domainKey is made of, without the key built: a
// host's last two labels, and whether the host has no others.
type hostDomain struct {
	name string
	bare bool
}

func domainOf(host string) hostDomain {
	last := strings.LastIndexByte(host, '.')
	if last < 0 {
		return hostDomain{host, true}
	}
	i := strings.LastIndexByte(host[:last], '.')
	return hostDomain{host[i+1:], i < 0}
}

func (d hostDomain) key() string {
	if d.bare {
		return d.name
	}
	return "*." + d.name
}

// familyDomain reports whether a wildcard key is the family's own domain,
// such as "*.wikivoyage.org" for wikivoyage, as opposed to a domain many
// families share ("*.wikimedia.org").
func familyDomain(key, fam string) bool {
	rest, ok := strings.CutPrefix(key, "*.")
	first, _, _ := strings.Cut(rest, ".")
	return ok && first == fam
}

// pyStr writes s as a single-quoted Python literal.
func pyStr(s string) string { return "'" + pyEscaper.Replace(s) + "'" }

var pyEscaper = strings.NewReplacer(`\`, `\\`, `'`, `\'`)

// authEntryFor returns the authenticate entry for key, if the file set one.
func authEntryFor(f *coverageFacts, key string) *model.Entry {
	for i := range f.cfg.Authenticate {
		if e := &f.cfg.Authenticate[i]; len(e.Path) == 2 && e.Path[1] == key {
			return e
		}
	}
	return nil
}

// isOAuthValue reports whether an entry holds four items, or a value of
// unknown length, which Pywikibot would most likely take for OAuth.
func isOAuthValue(e *model.Entry) bool {
	n, known := pywikibot.ValueLen(e.Value)
	return !known || n == 4
}
