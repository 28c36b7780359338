package cli

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/model"
)

// The model knows which values are secrets, but a file may hold a password
// or token the model never sees as one: in a password file, in a setting
// pwbconf does not track, or in a variable nothing reads. Source lines are
// therefore also screened for literals that look like credentials.

// lit is a Python string literal on one line, with its prefix.
const lit = `(?i:[rbuf]{0,2})(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`

// pyLiteral matches a string literal; group 1 is the literal without its
// prefix.
var pyLiteral = regexp.MustCompile(`(?i:[rbuf]{0,2})('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`)

// pairEnd matches the last item of a 2-tuple of literals, in group 1.
var pairEnd = regexp.MustCompile(`\(\s*` + lit + `\s*,\s*(` + lit + `)\s*,?\s*\)`)

// assignedLiteral matches a literal that is the whole value of an
// assignment, in group 1.
var assignedLiteral = regexp.MustCompile(`[^=!<>]=\s*(` + lit + `)\s*(?:#.*)?$`)

// masked is what model.Mask makes of a secret.
var masked = regexp.MustCompile(`^\*\*\*\*\(\d+\)$`)

// passwordContext is a line where a pair is likely (user, password), or
// a literal assigned is likely a password; a pair given to authenticate
// is (user, password) too.
var passwordContext = regexp.MustCompile(`(?i)pass(?:word|wd)|botpassword|authenticate\s*\[`)

// guard decides which literals of a source line to mask although the
// model does not know them as secrets.
type guard struct {
	// public holds the values the model knows to be no secret: usernames,
	// family names, site codes, authenticate host keys and basic-auth
	// users (model.Config.PublicTexts).
	public map[string]bool
	// stored holds the public values that are also the text of a secret,
	// db_password = 'wikipedia': masked where a line stores a password,
	// shown everywhere else.
	stored map[string]bool
	// passwordFile is set for a file named like Pywikibot's password file,
	// whose pairs are (user, password).
	passwordFile bool
}

// newGuard returns the guard for the source lines of cfg's file, given
// cfg's PublicTexts, which it keeps and adds to.
func newGuard(cfg *model.Config, public map[string]bool) *guard {
	g := &guard{public: public, stored: map[string]bool{}, passwordFile: isPasswordFile(cfg.File)}
	for _, e := range cfg.Authenticate {
		g.public[e.Name()] = true
	}
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Authenticate} {
		for _, e := range list {
			if !e.Secret {
				continue
			}
			v := e.Value
			if _, ok := model.BasicAuthUser(e); ok {
				v = v.Items[1]
			}
			for _, s := range v.Strings() {
				g.stored[s] = g.public[s]
			}
		}
	}
	return g
}

func isPasswordFile(file string) bool {
	return strings.Contains(strings.ToLower(filepath.Base(file)), "password")
}

// suspects returns the byte spans of the literal bodies on line that look
// like credentials: the arguments of BotPassword(...) after the first, the
// second item of a pair on a line about passwords (or in a password file),
// and any literal holding a word that model.LooksLikeToken, but never a value
// the model knows to be public unless a secret has the same text and the
// line stores a password. Of any other literal, the passwords of its URLs.
func (g *guard) suspects(line string) [][2]int {
	if g == nil || !strings.ContainsAny(line, `'"`) {
		// Every suspect is a literal.
		return nil
	}
	mark := map[int]bool{} // by the end of the literal, which no prefix moves
	if i := strings.Index(line, "BotPassword("); i >= 0 {
		for n, loc := range pyLiteral.FindAllStringIndex(line[i:], -1) {
			mark[i+loc[1]] = n > 0
		}
	}
	// The code around the literals tells; password_file names a path.
	code := strings.ReplaceAll(pyLiteral.ReplaceAllString(line, "''"), "password_file", "")
	if g.passwordFile || passwordContext.MatchString(code) {
		for _, m := range pairEnd.FindAllStringSubmatchIndex(line, -1) {
			mark[m[3]] = true
		}
		// passwords['wikipedia']['en'] = 'x' and the like.
		if m := assignedLiteral.FindStringSubmatchIndex(line); m != nil {
			mark[m[3]] = true
		}
	}
	var spans [][2]int
	for _, loc := range pyLiteral.FindAllStringSubmatchIndex(line, -1) {
		body := [2]int{loc[2] + 1, loc[3] - 1}
		text := line[body[0]:body[1]]
		if g.public[text] && !(g.stored[text] && mark[loc[1]]) || body[0] == body[1] || masked.MatchString(text) {
			// A mask already in the line, put there for a secret the model
			// knows, keeps the secret's length; masking it again would not.
			continue
		}
		if mark[loc[1]] || slices.ContainsFunc(strings.Fields(text), model.LooksLikeToken) {
			spans = append(spans, body)
			continue
		}
		for _, sp := range model.URLPasswords(text) {
			if pw := text[sp[0]:sp[1]]; !masked.MatchString(pw) {
				spans = append(spans, [2]int{body[0] + sp[0], body[0] + sp[1]})
			}
		}
	}
	return spans
}

// fileMasker returns the masker for everything printed about cfg's file:
// its secrets, the credentials in its extra_headers, and, in source lines,
// the literals its guard suspects.
func fileMasker(cfg *model.Config) *masker {
	public := cfg.PublicTexts()
	m := newMasker(cfg.SecretsBeside(public))
	m.guard = newGuard(cfg, public)
	return m
}
