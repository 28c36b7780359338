package validate

import (
	"slices"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var oauthWithoutUsername = &Rule{
	Code:     "PWB250",
	Name:     "oauth-without-username",
	Severity: diag.Error,
	Summary:  "OAuth for a wiki that has no username",
	Doc: "Pywikibot checks an OAuth login against the site's username, and with no " +
		"username it stops with \"no username defined\". The finding is made where " +
		"a key is clearly meant for the site: a key naming the site's host, or the " +
		"family's own domain (\"*.wikivoyage.org\" for wikivoyage) when the family is " +
		"required and has no username at all. A shared domain such as " +
		"\"*.wikimedia.org\" reaches dozens of wikis a bot never visits; " +
		"\"pwbconf coverage\" shows those. Test, closed and deleted wikis are left " +
		"out. Add a usernames entry for the family or the site.",
	Bad: "authenticate['en.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n" +
		"authenticate['en.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: checkOAuthWithoutUsername,
}

func checkOAuthWithoutUsername(p *pass) {
	f := p.coverage()
	// Sites reached through each key, in the order of the table.
	byKey := map[*model.Entry][]*coverage.Site{}
	var keys []*model.Entry
	for i := range f.report.Sites {
		s := &f.report.Sites[i]
		if s.Verdict != coverage.OAuthNoUser || s.UserState != coverage.UserNone || !loginSite(s) {
			continue
		}
		if s.AuthKey != s.Host && !(familyDomain(s.AuthKey, s.Family) &&
			slices.Contains(f.need.Users, s.Family) && !familyHasUser(f, s.Family)) {
			continue
		}
		e := s.AuthEntry()
		if byKey[e] == nil {
			keys = append(keys, e)
		}
		byKey[e] = append(byKey[e], s)
	}
	for _, e := range keys {
		sites := byKey[e]
		s := sites[0]
		if s.AuthKey == s.Host {
			p.report(e.Pos, "authenticate", "OAuth for %q but no username for %s. %s",
				s.AuthKey, s.ID(), f.suggestUser(s.Family, s.Code))
			continue
		}
		p.report(e.Pos, "authenticate", "OAuth for %q but no %s wiki has a username. %s",
			s.AuthKey, s.Family, f.suggestUser(s.Family, "*"))
	}
}

// familyHasUser reports whether some non-test site of fam has a username.
func familyHasUser(f *coverageFacts, fam string) bool {
	has, ok := f.famUser[fam]
	if !ok {
		for s := range f.sites(fam) {
			if has = s.HasUser(); has {
				break
			}
		}
		if f.famUser == nil {
			f.famUser = map[string]bool{}
		}
		f.famUser[fam] = has
	}
	return has
}
