package validate

import (
	"fmt"
	"strings"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// codeFault is why Pywikibot never reads usernames[family][code], or why
// reading it is of no use.
type codeFault int

const (
	codeFine codeFault = iota
	codeUpper
	codeOld
	codeNoSite
	codeClosed
	codeRemoved
)

// codeVerdict is a code's fault and the message that goes with it.
type codeVerdict struct {
	fault codeFault
	msg   string
}

// judgeCode follows pywikibot.Site: the code is lowered, an old code
// replaced, a single-site family takes any code. The username lookup uses
// the code as the script gives it, before any of these changes, and
// scripts name sites by the codes the family lists; so an entry under a
// code Pywikibot changes is read only when a script asks for the site by
// that very code (usernameCodes leaves out the one the default site names).
func judgeCode(f *pywikibot.Family, code string) codeVerdict {
	if code == "*" {
		return codeVerdict{}
	}
	if lower := strings.ToLower(code); lower != code {
		return codeVerdict{codeUpper, fmt.Sprintf("code %q is upper case; %s:%s reads "+
			"usernames under %q", code, f.Name, lower, lower)}
	}
	n := pywikibot.NormalizeCode(f.Name, code)
	site, isSite := f.Site(code)
	switch {
	case n.Removed:
		return codeVerdict{codeRemoved, fmt.Sprintf("%s:%s is a deleted wiki; "+
			"this entry is never used", f.Name, code)}
	case n.Change.Has(pywikibot.CodeReplaced):
		return codeVerdict{codeOld, fmt.Sprintf("%q is an old code; %s:%s reads usernames "+
			"under %q", code, f.Name, n.Code, n.Code)}
	case n.Change.Has(pywikibot.CodeObsolete) && isSite, isSite && site.Closed:
		return codeVerdict{codeClosed, fmt.Sprintf("%s:%s is a closed wiki; "+
			"its credentials are unused", f.Name, code)}
	case n.Change.Has(pywikibot.CodeSingleSite):
		return codeVerdict{codeNoSite, fmt.Sprintf("%s has one site, %q; code %q is never read",
			f.Name, n.Code, code)}
	case !n.Usable():
		return codeVerdict{codeNoSite, noSiteMessage(f, code)}
	}
	return codeVerdict{}
}

func noSiteMessage(f *pywikibot.Family, code string) string {
	codes := f.Codes()
	if len(codes) <= 6 {
		return fmt.Sprintf("%s has no site %q; its codes are %s", f.Name, code, andList(quoted(codes)))
	}
	if near := f.NearestCode(code); near != "" {
		return fmt.Sprintf("%s has no site %q; did you mean %q?", f.Name, code, near)
	}
	return fmt.Sprintf("%s has no site %q; Pywikibot cannot build it", f.Name, code)
}

// usernameCodes calls f with the verdict on each username entry's code,
// for the families Pywikibot ships. Other families are not known well
// enough to judge their codes.
func (p *pass) usernameCodes(want codeFault, f func(e model.Entry, msg string)) {
	site, siteOK := p.defaultSite()
	for i, v := range p.codeVerdicts() {
		e := p.cfg.Usernames[i]
		if v.fault != want || (want == codeUpper || want == codeOld) && siteOK &&
			site.family == e.Path[1] && site.code == e.Path[2] {
			// pywikibot.Site() asks for the default site by mylang as
			// written, so an entry for it is read there.
			continue
		}
		f(e, v.msg)
	}
}

// codeVerdicts judges the code of each username entry once for the five
// rules that report on them, by the entry's index; an entry of another
// shape, or of a family Pywikibot does not ship, is found fine.
func (f *facts) codeVerdicts() []codeVerdict {
	if f.codes == nil {
		f.codes = make([]codeVerdict, len(f.cfg.Usernames))
		for i, e := range f.cfg.Usernames {
			if len(e.Path) != 3 {
				continue
			}
			if fam, ok := pywikibot.LookupFamily(e.Path[1]); ok {
				f.codes[i] = judgeCode(fam, e.Path[2])
			}
		}
	}
	return f.codes
}
