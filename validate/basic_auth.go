package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var basicAuthOnWikimedia = &Rule{
	Code:     "PWB310",
	Name:     "basic-auth-on-wikimedia",
	Severity: diag.Warning,
	Summary:  "a user name and password for a Wikimedia wiki",
	Doc: "An authenticate value of two items is a user name and password " +
		"that Pywikibot sends as HTTP basic auth with every request to the " +
		"matching hosts. Wikimedia wikis do not use HTTP basic auth: the " +
		"password is sent for nothing and the bot still logs in the usual " +
		"way. For OAuth, give the four tokens of an owner-only consumer; for " +
		"a password login, delete the entry and use a BotPassword in " +
		"password_file.",
	Bad:  "authenticate['*.wikipedia.org'] = ('ExampleBot', 'correct horse battery staple')\n",
	Good: "authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n",
	check: func(p *pass) {
		for _, e := range p.basicAuthEntries() {
			if onWikimedia(e.Name()) && !catchAll(e.Name()) {
				p.report(e.Pos, "authenticate", "password for %q, but Wikimedia wikis use no "+
					"HTTP basic auth. Use OAuth tokens or password_file", e.Name())
			}
		}
	},
}

var clearTextPassword = &Rule{
	Code:     "PWB311",
	Name:     "clear-text-password",
	Severity: diag.Info,
	Summary:  "a password written in the config file",
	Doc: "A two-item authenticate value is a user name and a password for " +
		"HTTP basic auth, which a private wiki behind a web server login may " +
		"need. The password then sits in user-config.py in clear text, is sent " +
		"with every request to the matching hosts, and travels with every " +
		"copy of the file. Consider reading it from an environment variable.",
	Bad:  "authenticate['wiki.example.org'] = ('ExampleBot', 'tr0ub4dor')\n",
	Good: "import os\nauthenticate['wiki.example.org'] = ('ExampleBot', os.environ['WIKI_PASSWORD'])\n",
	check: func(p *pass) {
		for _, e := range p.basicAuthEntries() {
			if !onWikimedia(e.Name()) && !catchAll(e.Name()) && !e.Value.IsUnknown() {
				p.report(e.Pos, "authenticate",
					"password for %q is written in clear text", e.Name())
			}
		}
	},
}

// basicAuthEntries returns the authenticate entries with two items.
func (f *facts) basicAuthEntries() []model.Entry {
	var out []model.Entry
	for _, e := range f.authEntries() {
		if (e.Value.Kind == model.Tuple || e.Value.Kind == model.List) && len(e.Value.Items) == 2 {
			out = append(out, e)
		}
	}
	return out
}
