package validate

import (
	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
)

var passwordFileUnused = &Rule{
	Code:     "PWB256",
	Name:     "password-file-unused",
	Severity: diag.Warning,
	Summary:  "password_file is set but every login is made with OAuth",
	Doc: "Pywikibot reads password_file only for password logins. When OAuth reaches " +
		"every wiki the file gives a username (test, closed and deleted wikis aside), " +
		"and every required site where the coverage requirement applies, the file " +
		"is never used, and Pywikibot warns that the password is unnecessary. " +
		"Remove the setting, and the password file with it.",
	Bad: "usernames['wikipedia']['en'] = 'ExampleBot'\n" +
		"authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n" +
		"password_file = 'user-password.py'\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n" +
		"authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: checkPasswordFileUnused,
}

func checkPasswordFileUnused(p *pass) {
	f := p.coverage()
	e, ok := f.passwordFile()
	if !ok {
		return
	}
	logins := false
	for i := range f.report.Sites {
		s := &f.report.Sites[i]
		oauth := s.AuthKind == coverage.AuthOAuth
		if f.needsOAuth(s) && !oauth {
			return
		}
		if s.HasUser() && loginSite(s) {
			if !oauth {
				return
			}
			logins = true
		}
	}
	if logins {
		p.report(e.Pos, "password_file",
			"password_file is unused: OAuth reaches every site with a username. Remove it")
	}
}
