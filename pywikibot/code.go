package pywikibot

import "strings"

// CodeChange says why Pywikibot builds a site with another code than the
// one it was given, or why it builds none.
type CodeChange int

// The outcomes of [NormalizeCode]. Several can apply at once (an upper-case
// old code is lowered, then replaced), so a CodeChange is a set of bits.
const (
	// CodeLowered: the code had upper-case letters.
	CodeLowered CodeChange = 1 << iota
	// CodeReplaced: the code is an old one and Pywikibot uses its
	// successor.
	CodeReplaced
	// CodeObsolete: the code is an old one with no successor; Pywikibot
	// builds the site but marks it obsolete and refuses to use it.
	CodeObsolete
	// CodeSingleSite: the family has one site, which takes any code.
	CodeSingleSite
	// CodeUnknown: the family has no such site; Pywikibot raises
	// UnknownSiteError.
	CodeUnknown
	// CodeUnknownFamily: there is no such family among those Pywikibot
	// ships (a family file of the user's own may still define it).
	CodeUnknownFamily
)

// Has reports whether every bit of what is set in c.
func (c CodeChange) Has(what CodeChange) bool { return c&what == what }

// Normalized is the site Pywikibot builds for a family and code.
type Normalized struct {
	Family string
	// Code is the code the site ends up with; for CodeUnknown and
	// CodeUnknownFamily it is the lower-cased code as given.
	Code   string
	Change CodeChange
	// Removed is set when the code names a deleted wiki.
	Removed bool
}

// Changed reports whether the site's code differs from the given one or
// Pywikibot builds no usable site for it.
func (n Normalized) Changed() bool { return n.Change != 0 }

// Usable reports whether Pywikibot builds a site it will work on.
func (n Normalized) Usable() bool {
	return n.Change&(CodeObsolete|CodeUnknown|CodeUnknownFamily) == 0
}

// NormalizeCode does to code what pywikibot.Site(code, family) does before
// it builds the site: lower the case, replace an old code by its successor,
// and let a single-site family take any code. The order of the checks is
// Pywikibot's: an old code is replaced before the single-site rule is
// tried, so that rule only sees codes that are neither known nor old.
func NormalizeCode(family, code string) Normalized {
	n := Normalized{Family: family, Code: code}
	if lower := strings.ToLower(code); lower != code {
		n.Code, n.Change = lower, CodeLowered
	}
	f, ok := LookupFamily(family)
	if !ok {
		n.Change |= CodeUnknownFamily
		return n
	}
	n.Removed = f.IsRemoved(n.Code)
	if next, old := f.Obsolete[n.Code]; old {
		if next == nil {
			n.Change |= CodeObsolete
		} else {
			n.Code = *next
			n.Change |= CodeReplaced
		}
		return n
	}
	if _, ok := f.Site(n.Code); ok {
		return n
	}
	if f.SingleSite() {
		n.Code = f.Sites[0].Code
		n.Change |= CodeSingleSite
		return n
	}
	n.Change |= CodeUnknown
	return n
}
