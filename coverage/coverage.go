// Package coverage works out, for one evaluated config, which of the sites
// Pywikibot knows a bot can log into, as whom, and by which line of the
// file: the username pywikibot.Site would give each site and the
// authenticate key its HTTP layer would pick for the site's host.
//
// The sites are those of the embedded site table, less its alias rows.
// A family's `obsolete` map holds two kinds of old code. One with a
// successor is an alias, listed next to the site that replaced it, often
// with that site's host: 299 Wikisource codes such as aa point at
// mul.wikisource.org, and wikipedia:nb stands for wikipedia:no.
// pywikibot.Site swaps an alias for its successor before it talks to any
// host, so a row for one would count the successor's wiki twice, under a
// host it never uses. Coverage leaves aliases out; a usernames entry under
// one is listed apart (see Report.Unread) with the site it reaches. An old
// code with no successor is a wiki that was closed, such as all of
// wikinews and wikipedia:aa: Pywikibot still builds the site, logs in
// and reads there, and refuses only writes. Those stay, with the status
// closed (or removed for a deleted wiki). For the eleven families of
// Wikimedia's OAuth manual and mediawiki that makes 963 sites, 144 of
// them closed, of the table's 1,503 rows.
//
// A family the file
// registers through family_files or a families folder is named in the
// report but has no sites here: its sites are only known to the family
// file, which pwbconf does not read.
package coverage

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// Verdict is what a bot gets on a site.
type Verdict string

// The verdicts, from best to worst.
const (
	// OAuth: an OAuth 1.0a key reaches the host and a username resolves.
	OAuth Verdict = "oauth"
	// OAuthNoUser: an OAuth key reaches the host but no username resolves,
	// so Pywikibot refuses the login ("no username defined").
	OAuthNoUser Verdict = "oauth-no-user"
	// UserOnly: a username but no OAuth: a password or cookie login.
	UserOnly Verdict = "user-only"
	// Basic: a 2-item authenticate value, HTTP basic auth.
	Basic Verdict = "basic"
	// None: neither a username nor credentials.
	None Verdict = "none"
)

// Verdicts lists every verdict, best first, in the order reports use.
var Verdicts = []Verdict{OAuth, OAuthNoUser, UserOnly, Basic, None}

// Status is the state of a wiki, as the site table records it.
type Status string

// The statuses of a site.
const (
	Open   Status = "open"
	Closed Status = "closed" // read-only
	Test   Status = "test"
	// Removed: a deleted wiki that the site table still lists under a
	// code Pywikibot marks obsolete; no bot can log in there.
	Removed Status = "removed"
)

// AuthKind is what the authenticate value serving a host is.
type AuthKind string

// The kinds of authenticate value.
const (
	// AuthOAuth is a 4-item value. A value whose length the evaluator could
	// not know counts as OAuth too, as it almost always is one.
	AuthOAuth AuthKind = "oauth"
	// AuthBasic is a 2-item value: user and password for HTTP basic auth.
	AuthBasic AuthKind = "basic"
	// AuthInvalid means keys for the host are present but every one has a
	// value of another length, which Pywikibot skips with a warning.
	AuthInvalid AuthKind = "invalid"
	// AuthNone means no key serves the host.
	AuthNone AuthKind = "none"
)

// UserState is what became of the username lookup for a site.
type UserState string

// The states of a username.
const (
	UserOK UserState = "ok"
	// UserUnresolved: the value comes from the environment or an import
	// the sandbox could not follow; it is taken to be a name.
	UserUnresolved UserState = "unresolved"
	// UserInvalid: the value is not a string (a 1-tuple, say), and
	// Pywikibot fails with TypeError when it builds the site; or it is a
	// string of blanks that normalises to an empty name.
	UserInvalid UserState = "invalid"
	UserNone    UserState = "none"
)

// Source is an entry of the config that decided something about a site.
type Source struct {
	// Text is the entry as the file would write it, e.g.
	// usernames['*']['en'] or authenticate['*.wikipedia.org'].
	Text string `json:"entry"`
	Line int    `json:"line"`
}

// Site is the coverage of one site.
type Site struct {
	Family string `json:"family"`
	Code   string `json:"code"`
	Host   string `json:"host"`
	Status Status `json:"status"`

	// Username is the normalised name; empty unless UserState is ok.
	Username   string    `json:"username"`
	UserState  UserState `json:"username_state"`
	UserSource *Source   `json:"username_source"`

	AuthKey    string   `json:"auth_key"`
	AuthKind   AuthKind `json:"auth_kind"`
	AuthSource *Source  `json:"auth_source"`
	// Skipped lists the keys tried before AuthKey whose value has neither
	// 2 nor 4 items.
	Skipped []Source `json:"skipped,omitempty"`
	// Unresolved is set when the username or the credentials hold a value
	// the sandbox could not know.
	Unresolved bool    `json:"unresolved,omitempty"`
	Verdict    Verdict `json:"verdict"`

	userEntry, authEntry *model.Entry
	// needUser and needOAuth are what the report's requirement asks of
	// the site.
	needUser, needOAuth bool
}

// HasUser reports whether a username resolves, known or not.
func (s *Site) HasUser() bool { return s.UserState == UserOK || s.UserState == UserUnresolved }

// Conflict reports a site where the config contradicts itself: OAuth with
// no username, a username Pywikibot cannot use, or skipped keys.
func (s *Site) Conflict() bool {
	return s.Verdict == OAuthNoUser || s.UserState == UserInvalid || len(s.Skipped) > 0
}

// NeedsUser reports whether the requirement the report was judged
// against asks for a username on s, as [Requirement.NeedsUser] does
// without looking the family up. Only [ComputeFor] sets it: a site read
// back from JSON does not know.
func (s *Site) NeedsUser() bool { return s.needUser }

// NeedsOAuth is [Site.NeedsUser] for OAuth.
func (s *Site) NeedsOAuth() bool { return s.needOAuth }

// Missing reports whether s lacks what the report's requirement asks of
// it: a username where it asks for one, an OAuth key where it asks for
// OAuth. A site asked for OAuth alone (www.mediawiki.org under the
// manual's requirement) is not missing for want of a username, and a
// site the requirement does not count (a test wiki, a family it does not
// name) is never missing. These are the sites a family's "required ...
// met" total leaves out.
func (s *Site) Missing() bool {
	return s.needUser && !s.HasUser() || s.needOAuth && s.AuthKind != AuthOAuth
}

// UserEntry returns the usernames entry that served the site, if any.
func (s *Site) UserEntry() *model.Entry { return s.userEntry }

// AuthEntry returns the authenticate entry that served the site, if any.
func (s *Site) AuthEntry() *model.Entry { return s.authEntry }

// ID is the site as Pywikibot writes it, family:code.
func (s *Site) ID() string { return s.Family + ":" + s.Code }

// Compute works out the coverage of every site of the site table for cfg,
// judged against the manual's requirement.
func Compute(cfg *model.Config) *Report { return ComputeFor(cfg, ManualRequirement()) }

// ComputeFor works out the coverage of every site of the site table for
// cfg, and tallies apart the sites that q counts.
func ComputeFor(cfg *model.Config, q Requirement) *Report {
	t := table()
	users := newUserIndex(cfg.Usernames)
	auth := newAuthIndex(cfg.Authenticate, t.tails)
	secret := newSecretNames(cfg.Secrets())
	r := newReport(len(t.sites))
	r.File, r.Requirement = cfg.File, q
	for i := range t.sites {
		r.Sites[i].resolve(&t.sites[i], users, auth, secret)
	}
	r.tally()
	r.Unread = unread(cfg)
	r.Unlisted = unlisted(cfg)
	return r
}

// reportPool holds released reports for their lists of sites and
// families, the sites some 1,500 long and a third of a megabyte large: a
// program that checks many files reuses them rather than leave them to
// the garbage collector.
var reportPool sync.Pool

// newReport returns an empty report with room for n sites, reusing a
// released one when it can. The sites are stale: [Site.resolve]
// overwrites every field.
func newReport(n int) *Report {
	r, _ := reportPool.Get().(*Report)
	if r == nil || cap(r.Sites) < n {
		return &Report{Sites: make([]Site, n)}
	}
	*r = Report{Sites: r.Sites[:n], Families: r.Families[:0]}
	return r
}

// Release hands r back for a later [ComputeFor] to reuse its memory.
// Neither r nor any site or family read from it may be used afterwards;
// strings read from it stay good.
func (r *Report) Release() { reportPool.Put(r) }

// secretNames tells usernames that repeat a secret, as the file wrote it
// or as Pywikibot normalizes a name; a long secret counts anywhere in a
// name and in any case. The forms are worked out once per file, and each
// distinct name is judged once: the site table repeats a few names
// across some 1,500 sites.
type secretNames struct {
	exact  map[string]bool
	inside []string // lower case
	seen   map[string]bool
}

func newSecretNames(secrets []string) *secretNames {
	sn := &secretNames{exact: map[string]bool{}, seen: map[string]bool{}}
	for _, s := range secrets {
		norm := pywikibot.NormalizeUsername(s)
		sn.exact[s], sn.exact[norm] = true, true
		if utf8.RuneCountInString(s) >= 12 {
			sn.inside = append(sn.inside, strings.ToLower(s), strings.ToLower(norm))
		}
	}
	return sn
}

func (sn *secretNames) is(name string) bool {
	if v, ok := sn.seen[name]; ok {
		return v
	}
	v := sn.exact[name]
	lower := strings.ToLower(name)
	for _, s := range sn.inside {
		v = v || strings.Contains(lower, s)
	}
	sn.seen[name] = v
	return v
}

// resolve fills s in for the table's site t. s may hold a site of an
// earlier report: every field is written, one by one, since copying a
// whole Site into the list costs more than the rest of the work.
func (s *Site) resolve(t *tableSite, users *userIndex, auth *authIndex, secret *secretNames) {
	s.Family, s.Code, s.Host, s.Status = t.site.Family, t.site.Code, t.site.Hostname, t.status
	s.Unresolved = false
	s.setUser(users.lookup(s.Family, s.Code), secret)
	s.setAuth(auth.site(t))
	s.Verdict = verdict(s.AuthKind, s.HasUser())
	// The report's tally sets what the requirement asks.
	s.needUser, s.needOAuth = false, false
}

func (s *Site) setUser(u *resolvedUser, secret *secretNames) {
	s.Username, s.userEntry, s.UserSource = "", u.Entry, u.source
	switch {
	case !u.Found():
		s.UserState = UserNone
	case u.Unknown():
		s.UserState, s.Unresolved = UserUnresolved, true
	case u.NotString(), u.Blank():
		s.UserState = UserInvalid
	default:
		if !u.judged {
			u.shown, u.judged = u.Name, true
			if secret.is(u.Name) {
				u.shown = model.Mask(u.Name)
			}
		}
		s.UserState, s.Username = UserOK, u.shown
	}
}

func (s *Site) setAuth(m authMatch) {
	s.Skipped = nil
	for _, a := range m.skipped {
		s.Skipped = append(s.Skipped, *a.source)
	}
	s.authEntry, s.AuthKey, s.AuthSource = nil, "", nil
	switch {
	case m.found == nil && len(m.skipped) > 0:
		s.AuthKind = AuthInvalid
		return
	case m.found == nil:
		s.AuthKind = AuthNone
		return
	}
	e := m.found.entry
	s.authEntry, s.AuthKey, s.AuthSource = e, e.Path[1], m.found.source
	s.AuthKind = AuthOAuth
	if n, known := pywikibot.ValueLen(e.Value); known && n == 2 {
		s.AuthKind = AuthBasic
	}
	if m.found.unknown {
		s.Unresolved = true
	}
}

func authSource(e *model.Entry) *Source {
	return &Source{Text: "authenticate[" + pyQuote(e.Path[1]) + "]", Line: e.Pos.Line}
}

func verdict(kind AuthKind, user bool) Verdict {
	switch {
	case kind == AuthOAuth && user:
		return OAuth
	case kind == AuthOAuth:
		return OAuthNoUser
	case kind == AuthBasic:
		return Basic
	case user:
		return UserOnly
	}
	return None
}

// pyQuote writes s as a Python string literal in single quotes, the way
// the manual writes keys.
func pyQuote(s string) string {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '\'' && c != '\\' && c != '"'
	}
	if plain {
		// Keys are nearly always plain, and a report quotes some for
		// every family.
		return "'" + s + "'"
	}
	q := fmt.Sprintf("%q", s)
	q = q[1 : len(q)-1]
	return "'" + replaceQuotes(q) + "'"
}

func replaceQuotes(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '"':
			out = append(out, '"')
			i++
		case s[i] == '\'':
			out = append(out, '\\', '\'')
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}
