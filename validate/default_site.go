package validate

import (
	"fmt"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// siteRef is the default site a file gives Pywikibot, and where.
type siteRef struct {
	family, code string
	// familySet and codeSet tell whether the file set the names itself.
	familySet, codeSet bool
	// pos and variable are the last of the two the file set;
	// familyPos is where it set family.
	pos, familyPos model.Pos
	variable       string
	closed         bool
}

// defaultSite reads family and mylang, with config.py's defaults for
// what the file leaves alone. ok is false when either is not a known
// string, or is missing from a file whose evaluation stopped early.
func defaultSite(cfg *model.Config) (s siteRef, ok bool) {
	s.family, s.code = "wikipedia", "language"
	for _, name := range []string{"family", "mylang"} {
		e, set := cfg.Setting(name)
		if !set {
			continue
		}
		if e.Value.Kind != model.Str {
			return s, false
		}
		if name == "family" {
			s.family, s.familySet, s.familyPos = e.Value.Str, true, e.Pos
		} else {
			s.code, s.codeSet = e.Value.Str, true
		}
		s.pos, s.variable = e.Pos, name
	}
	if cfg.Stopped != nil && !(s.familySet && s.codeSet) {
		// What evaluation never reached may well be set further down.
		return s, false
	}
	if f, ok := pywikibot.LookupFamily(s.family); ok {
		site, isSite := f.Site(pywikibot.NormalizeCode(s.family, s.code).Code)
		s.closed = isSite && site.Closed
	}
	return s, true
}

// fallsBackToTest is config.py's own test: family and mylang both left
// as they come, so Pywikibot picks wikipedia:test.
func (s siteRef) fallsBackToTest() bool {
	return s.family == "wikipedia" && s.code == "language"
}

var defaultSiteUnset = &Rule{
	Code:     "PWB109",
	Name:     "default-site-unset",
	Severity: diag.Warning,
	Summary:  "family and mylang are not set",
	Doc: "family and mylang name the site scripts work on when not told " +
		"otherwise. When the file leaves mylang alone and family is " +
		"wikipedia, Pywikibot warns that they are not set and uses the test " +
		"wiki, test.wikipedia.org, so edits meant for a real wiki go there. " +
		"Set both, such as family = 'wikipedia' and mylang = 'en'.",
	Bad:  "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	Good: "family = 'wikipedia'\nmylang = 'en'\nusernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: func(p *pass) {
		s, ok := p.defaultSite()
		if !ok || !s.fallsBackToTest() {
			return
		}
		if s.familySet {
			p.report(s.pos, "mylang", "mylang is not set, so Pywikibot works on wikipedia:test. "+
				"Set mylang")
			return
		}
		p.report(model.Pos{}, "", "family and mylang are not set; Pywikibot uses wikipedia:test")
	},
}

var unknownDefaultSite = &Rule{
	Code:     "PWB110",
	Name:     "unknown-default-site",
	Severity: diag.Error,
	Summary:  "family and mylang name no site Pywikibot can build",
	Doc: "Every script starts from the default site that family and mylang " +
		"name. When family is no family Pywikibot knows, or mylang is no site " +
		"of it (a deleted wiki, a code that does not exist, or mylang left at " +
		"its placeholder default \"language\"), each script stops with an " +
		"error before it does anything. Old codes are fine: Pywikibot replaces " +
		"them.",
	Bad:  "family = 'wiktionary'\nmylang = 'xx'\n",
	Good: "family = 'wiktionary'\nmylang = 'fr'\n",
	check: func(p *pass) {
		s, ok := p.defaultSite()
		if !ok || s.fallsBackToTest() || !s.familySet && !s.codeSet {
			return
		}
		msg := defaultSiteProblem(p.families(), s)
		switch {
		case msg == "":
		case s.familySet && !builtinFamily(s.family):
			p.report(s.familyPos, "family", "%s", msg)
		default:
			p.report(s.pos, s.variable, "%s", msg)
		}
	},
}

func defaultSiteProblem(fams *familySet, s siteRef) string {
	f, ok := pywikibot.LookupFamily(s.family)
	if !ok {
		if fams.known(s.family) {
			return ""
		}
		if near := pywikibot.NearestFamily(s.family); near != "" {
			return fmt.Sprintf("family %q is unknown; did you mean %q?", s.family, near)
		}
		return fmt.Sprintf("family %q is no family Pywikibot knows", s.family)
	}
	n := pywikibot.NormalizeCode(s.family, s.code)
	switch {
	case !s.codeSet && n.Change.Has(pywikibot.CodeUnknown):
		return fmt.Sprintf("mylang is not set and %s has no site %q. Set mylang", f.Name, s.code)
	case n.Removed:
		return fmt.Sprintf("mylang %q names a deleted wiki of %s", s.code, f.Name)
	case n.Change.Has(pywikibot.CodeUnknown):
		return noSiteMessage(f, s.code)
	}
	return ""
}

func builtinFamily(name string) bool {
	_, ok := pywikibot.LookupFamily(name)
	return ok
}
