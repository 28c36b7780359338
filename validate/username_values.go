package validate

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var usernameNotString = &Rule{
	Code:     "PWB208",
	Name:     "username-not-string",
	Severity: diag.Error,
	Summary:  "a username that is not a string",
	Doc: "A username must be a string. A trailing comma after the name, as in " +
		"usernames['wikipedia']['en'] = 'ExampleBot',  makes it a tuple of one " +
		"string; Pywikibot then fails with TypeError when it builds the site, " +
		"and no script runs there. The same happens with a number or a list. " +
		"Remove the comma or brackets. A family entry that is not a dict of " +
		"codes, such as usernames['wikipedia'] = 'ExampleBot', breaks every " +
		"site of the family.",
	Bad:  "usernames['wiktionary']['fr'] = 'ExampleBot',\n",
	Good: "usernames['wiktionary']['fr'] = 'ExampleBot'\n",
	check: func(p *pass) {
		for _, e := range p.cfg.Usernames {
			v := e.Value
			switch {
			case v.IsUnknown():
			case len(e.Path) == 2:
				p.report(e.Pos, "usernames", "usernames[%q] is %s, not a dict of codes. "+
					"Write usernames[%q]['*'] = ...", e.Path[1], describeType(v), e.Path[1])
			case v.Kind == model.Tuple && len(v.Items) == 1:
				p.report(e.Pos, "usernames", "username for %s is a tuple (a trailing comma?). "+
					"Pywikibot fails with TypeError", siteName(e))
			case v.Kind != model.Str && pywikibot.Truthy(v):
				p.report(e.Pos, "usernames", "username for %s is %s, not a string. "+
					"Pywikibot fails with TypeError", siteName(e), describeType(v))
			}
		}
	},
}

var emptyUsername = &Rule{
	Code:     "PWB209",
	Name:     "empty-username",
	Severity: diag.Warning,
	Summary:  "a username that is empty, blank or None",
	Doc: "Pywikibot passes over a username that Python holds false, such as " +
		"an empty string or None, and falls back to the family's '*' entry, " +
		"then to the '*' family's. When none is set, the site has no username " +
		"and the bot cannot log in. A name of only spaces or underscores is " +
		"not passed over but normalised to nothing, and every login fails. " +
		"Give the name, or delete the entry.",
	Bad:  "usernames['wikipedia']['en'] = ''\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: func(p *pass) {
		for _, e := range p.cfg.Usernames {
			if len(e.Path) == 3 && !e.Value.IsUnknown() && !pywikibot.Truthy(e.Value) {
				p.report(e.Pos, "usernames", "username for %s is empty; Pywikibot passes it over",
					siteName(e))
			}
			if len(e.Path) == 3 && e.Value.Kind == model.Str && e.Value.Str != "" &&
				pywikibot.NormalizeUsername(e.Value.Str) == "" {
				p.report(e.Pos, "usernames", "username for %s is blank, so no login works there",
					siteName(e))
			}
		}
	},
}

var placeholderUsername = &Rule{
	Code:     "PWB210",
	Name:     "placeholder-username",
	Severity: diag.Warning,
	Summary:  "a username copied from the documentation's examples",
	Doc: "ExampleUser is the name the OAuth manual writes where the bot's " +
		"account goes, and Pywikibot's own comments use names such as " +
		"myEnglishUsername. Left in, the bot logs in as an account that is " +
		"not its own, or that does not exist. Write the bot account's name.",
	Bad:  "usernames['wikipedia']['*'] = 'ExampleUser'\n",
	Good: "usernames['wikipedia']['*'] = 'ExampleBot'\n",
	check: func(p *pass) {
		for _, e := range p.cfg.Usernames {
			if len(e.Path) == 3 && e.Value.Kind == model.Str && placeholderName(e.Value.Str) {
				p.report(e.Pos, "usernames", "username %q for %s is the docs' example",
					e.Value.Str, siteName(e))
			}
		}
	},
}

var botPasswordUsername = &Rule{
	Code:     "PWB211",
	Name:     "botpassword-username",
	Severity: diag.Warning,
	Summary:  "a BotPassword login name (Bot@suffix) in usernames",
	Doc: "A BotPassword logs in as the account name, an @ and the password's " +
		"suffix, the name Special:BotPasswords shows. Pywikibot wants it in " +
		"two parts: the account name alone in usernames, and the suffix with " +
		"the password in the password file, as ('ExampleBot', " +
		"BotPassword('archiver', '...')). With the whole login name in " +
		"usernames, that entry no longer matches, since Pywikibot looks the " +
		"password up under the name usernames gives; it then warns that " +
		"BotPassword credentials belong in a password_file and asks for the " +
		"password on the terminal, which stops a bot that runs unattended. " +
		"An entry under the whole login name, ('ExampleBot@archiver', '...'), " +
		"still works, but is the form Pywikibot advises against.",
	Bad:  "usernames['wikipedia']['en'] = 'ExampleBot@archiver'\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
	check: func(p *pass) {
		logins := map[*model.Entry]bool{}
		for i := range p.cfg.Usernames {
			e := &p.cfg.Usernames[i]
			if len(e.Path) == 3 && e.Value.Kind == model.Str && strings.Contains(e.Value.Str, "@") {
				logins[e] = true
			}
		}
		if len(logins) == 0 {
			return
		}
		// Where OAuth reaches the site, botpassword-with-oauth says more.
		f := p.coverage()
		for i := range f.report.Sites {
			if s := &f.report.Sites[i]; s.Verdict == coverage.OAuth {
				delete(logins, s.UserEntry())
			}
		}
		for i := range p.cfg.Usernames {
			e := &p.cfg.Usernames[i]
			if !logins[e] {
				continue
			}
			// MediaWiki names have no @, so a name, one @ and a suffix is
			// the only shape of a login name; anything else is some other
			// mistake that advice on BotPassword would not fix.
			if name, suffix, ok := strings.Cut(e.Value.Str, "@"); ok && name != "" && suffix != "" &&
				!strings.Contains(suffix, "@") {
				p.report(e.Pos, "usernames", "%q for %s is a BotPassword login name. "+
					"Write %q here, and BotPassword(%q, ...) in the password file",
					e.Value.Str, siteName(*e), name, suffix)
			}
		}
	},
}

// placeholderNames are example account names from the OAuth manual and
// from config.py's comments, folded as in placeholderName.
var placeholderNames = map[string]bool{
	"exampleuser": true, "mygermanusername": true, "myenglishusername": true,
	"mysingleusername": true, "yourusername": true, "yourbotname": true, "username": true,
}

func placeholderName(s string) bool {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		return true
	}
	return placeholderNames[strings.Map(func(r rune) rune {
		if r == '_' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, t)]
}

// siteName writes a username entry's keys as "family:code", quoted.
func siteName(e model.Entry) string {
	return fmt.Sprintf("%q", e.Path[1]+":"+e.Path[2])
}
