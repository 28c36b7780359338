package validate

import (
	"strings"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
)

var botPasswordWithOAuth = &Rule{
	Code:     "PWB255",
	Name:     "botpassword-with-oauth",
	Severity: diag.Error,
	Summary:  "a BotPassword login name on a wiki reached by OAuth",
	Doc: "A name such as \"ExampleBot@archiver\" is a BotPassword login: the account " +
		"name, \"@\", the BotPassword's name. An OAuth login is made as the account " +
		"itself, and Pywikibot compares the name the wiki reports with the configured " +
		"one, so the check fails. Under OAuth, give the plain account name.",
	Bad: "usernames['wikipedia']['en'] = 'ExampleBot@archiver'\n" +
		"authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n" +
		"authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: checkBotPasswordWithOAuth,
}

func checkBotPasswordWithOAuth(p *pass) {
	f := p.coverage()
	seen := map[*coverage.Source]bool{}
	for i := range f.report.Sites {
		s := &f.report.Sites[i]
		if s.Verdict != coverage.OAuth || !strings.Contains(s.Username, "@") || seen[s.UserSource] {
			continue
		}
		seen[s.UserSource] = true
		account, _, _ := strings.Cut(s.Username, "@")
		p.report(s.UserEntry().Pos, "usernames",
			"%q is a BotPassword login name, but OAuth reaches %s. Write %q",
			s.Username, s.ID(), account)
	}
}
