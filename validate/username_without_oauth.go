package validate

import (
	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
)

var usernameWithoutOAuth = &Rule{
	Code:     "PWB254",
	Name:     "username-without-oauth",
	Severity: diag.Warning,
	Summary:  "a username for wikis no OAuth key reaches, in a file using OAuth",
	Doc: "In a file that logs in with OAuth elsewhere and sets no password_file, a " +
		"username on a wiki no OAuth key reaches means a password login there, and " +
		"Pywikibot stops to ask for the password. Entries of the usernames['*'] " +
		"family are left alone, since they serve every family by design, and so are " +
		"test, closed and deleted wikis, and a bare domain that bare-domain-gap " +
		"notes. Add an authenticate key for the host, or " +
		"set password_file if the bot logs in with a password there.",
	Bad: "usernames['wikipedia']['*'] = 'ExampleBot'\n" +
		"authenticate['en.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "usernames['wikipedia']['*'] = 'ExampleBot'\n" +
		"authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: checkUsernameWithoutOAuth,
}

func checkUsernameWithoutOAuth(p *pass) {
	f := p.coverage()
	if _, ok := f.passwordFile(); ok || !f.usesOAuth() {
		return
	}
	bySource := map[*coverage.Source][]*coverage.Site{}
	var order []*coverage.Source
	for i := range f.report.Sites {
		s := &f.report.Sites[i]
		if s.Verdict != coverage.UserOnly || !loginSite(s) || f.needsOAuth(s) ||
			s.UserEntry().Path[1] == "*" || bareDomainGap(f, s) {
			continue
		}
		if bySource[s.UserSource] == nil {
			order = append(order, s.UserSource)
		}
		bySource[s.UserSource] = append(bySource[s.UserSource], s)
	}
	for _, src := range order {
		sites := bySource[src]
		p.report(sites[0].UserEntry().Pos, "usernames",
			"%s serves %s no OAuth key reaches%s. Pywikibot will ask for a password there",
			src.Text, plural(len(sites), "site"), siteExamples(sites))
	}
}

// siteExamples names a few sites, in parentheses.
func siteExamples(sites []*coverage.Site) string {
	ids := make([]string, len(sites))
	for i, s := range sites {
		ids[i] = s.ID()
	}
	return " (" + examples(ids, 3) + ")"
}
