package coverage

import "slices"

// ManualFamilies are the families Wikimedia's OAuth manual sets up a
// username for.
var ManualFamilies = []string{"wikipedia", "meta", "commons", "wikidata", "wiktionary",
	"wikibooks", "wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage"}

// Requirement names the families whose sites a bot is expected to reach:
// Users those that need a username on every site, OAuth those that need
// an OAuth key too. Test wikis are never required: a bot is not expected
// to log into them, and the manual's keys do not reach most of them.
// Neither are deleted wikis. Closed ones are: the manual's layout covers
// them, and a bot logs into them to read.
//
// Lint's coverage rules and the coverage reports judge a config against
// the same Requirement, so that both count the same sites.
type Requirement struct {
	Users []string `json:"usernames"`
	OAuth []string `json:"oauth"`
}

// ManualRequirement is the requirement of Wikimedia's OAuth manual: a
// username on the eleven ManualFamilies, OAuth on those and on
// www.mediawiki.org.
func ManualRequirement() Requirement {
	return Requirement{Users: slices.Clone(ManualFamilies),
		OAuth: append(slices.Clone(ManualFamilies), "mediawiki")}
}

// FamiliesRequirement requires a username and OAuth on every site of
// the families named.
func FamiliesRequirement(families []string) Requirement {
	return Requirement{Users: slices.Clone(families), OAuth: slices.Clone(families)}
}

// Requires reports whether the requirement asks anything of the family.
func (q Requirement) Requires(family string) bool {
	return slices.Contains(q.Users, family) || slices.Contains(q.OAuth, family)
}

// Counts reports whether s is one of the sites the requirement counts: a
// site of a required family that is neither a test wiki nor deleted.
func (q Requirement) Counts(s *Site) bool { return askable(s) && q.Requires(s.Family) }

// NeedsUser reports whether the requirement asks for a username on s.
func (q Requirement) NeedsUser(s *Site) bool {
	return askable(s) && slices.Contains(q.Users, s.Family)
}

// NeedsOAuth reports whether the requirement asks for OAuth on s.
func (q Requirement) NeedsOAuth(s *Site) bool {
	return askable(s) && slices.Contains(q.OAuth, s.Family)
}

// askable reports whether a requirement may ask anything of s.
func askable(s *Site) bool { return s.Status != Test && s.Status != Removed }

// Need tallies the sites a requirement counts by what they lack.
type Need struct {
	Sites int `json:"sites"`
	// Met counts the sites that have all the requirement asks of them.
	Met int `json:"met"`
	// NoUser counts sites that need a username and have none, NoOAuth
	// those that need OAuth and no OAuth key reaches.
	NoUser  int `json:"no_username"`
	NoOAuth int `json:"no_oauth"`
	// OAuthNoUser counts sites that need a username, have none, and have
	// an OAuth key: the OAuth login fails there.
	OAuthNoUser int `json:"oauth_no_username"`
}

// sum adds the tallies of m to n.
func (n *Need) sum(m Need) {
	n.Sites += m.Sites
	n.Met += m.Met
	n.NoUser += m.NoUser
	n.NoOAuth += m.NoOAuth
	n.OAuthNoUser += m.OAuthNoUser
}

// add counts s, whose needs the report has set.
func (n *Need) add(s *Site) {
	n.Sites++
	noUser := s.needUser && !s.HasUser()
	noOAuth := s.needOAuth && s.AuthKind != AuthOAuth
	if noUser {
		n.NoUser++
		if s.AuthKind == AuthOAuth {
			n.OAuthNoUser++
		}
	}
	if noOAuth {
		n.NoOAuth++
	}
	if !s.Missing() {
		n.Met++
	}
}
