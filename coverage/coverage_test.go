package coverage

import (
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// evalCase evaluates the user-config.py of one of the shared cases.
func evalCase(t *testing.T, name string) *model.Config {
	t.Helper()
	_, src := sharedcase.Read(t, name)
	cfg := parser.Evaluate("user-config.py", src, parser.Options{})
	if cfg.Stopped != nil {
		t.Fatalf("case %s stopped at %+v: %+v", name, cfg.Stopped, cfg.Diagnostics)
	}
	return cfg
}

// manualFamilies are the eleven families of the OAuth manual and mediawiki.
var manualFamilies = []string{"wikipedia", "meta", "commons", "wikidata", "wiktionary",
	"wikibooks", "wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage", "mediawiki"}

func TestCaseManualEleven(t *testing.T) {
	r := Compute(evalCase(t, "01"))
	var total, reached int
	var unreached []string
	for _, name := range manualFamilies {
		f, _ := r.Family(name)
		for _, s := range r.FamilySites(f) {
			total++
			if s.AuthKind == AuthOAuth {
				reached++
			} else {
				unreached = append(unreached, s.ID())
			}
		}
	}
	// 963 sites, 144 of them closed; the table's 1,503 rows count aliases
	// too.
	if total != 963 || reached != 958 {
		t.Errorf("OAuth reaches %d of %d sites, want 958 of 963", reached, total)
	}
	want := []string{"commons:beta", "meta:beta", "wikidata:beta", "wikisource:beta", "wikisource:mul"}
	slices.Sort(unreached)
	if !slices.Equal(unreached, want) {
		t.Errorf("unreached = %v, want %v", unreached, want)
	}
	for _, tc := range []struct {
		family, code, key string
		verdict           Verdict
		status            Status
	}{
		{"wikipedia", "en", "*.wikipedia.org", OAuth, Open},
		{"wikipedia", "test", "*.wikipedia.org", OAuth, Test},
		{"wikipedia", "no", "*.wikipedia.org", OAuth, Open},
		{"commons", "commons", "*.wikimedia.org", OAuth, Open},
		{"commons", "test", "*.wikimedia.org", OAuth, Test},
		{"commons", "beta", "", UserOnly, Test},
		{"wikidata", "wikidata", "*.wikidata.org", OAuth, Open},
		{"wikisource", "mul", "", UserOnly, Open},
		{"wikisource", "de", "*.wikisource.org", OAuth, Open},
		{"wiktionary", "en", "*.wiktionary.org", OAuth, Open},
		{"mediawiki", "mediawiki", "*.mediawiki.org", OAuthNoUser, Open},
		{"species", "species", "*.wikimedia.org", OAuthNoUser, Open},
		{"wikihow", "en", "", None, Open},
		{"wikinews", "en", "*.wikinews.org", OAuth, Closed},
		{"wikipedia", "aa", "*.wikipedia.org", OAuth, Closed},
	} {
		s, ok := r.Lookup(tc.family, tc.code)
		if !ok {
			t.Errorf("%s:%s not in the report", tc.family, tc.code)
			continue
		}
		if s.AuthKey != tc.key || s.Verdict != tc.verdict || s.Status != tc.status {
			t.Errorf("%s: key %q verdict %s status %s, want %q %s %s", s.ID(), s.AuthKey,
				s.Verdict, s.Status, tc.key, tc.verdict, tc.status)
		}
	}
	if s, _ := r.Lookup("wikipedia", "de"); s.Username != "ExampleBot" ||
		s.UserSource.Text != "usernames['wikipedia']['*']" || s.UserSource.Line != 8 ||
		s.AuthSource.Line != 14 {
		t.Errorf("wikipedia:de sources = %+v, %+v", s.UserSource, s.AuthSource)
	}
}

func TestCaseGaps(t *testing.T) {
	r := Compute(evalCase(t, "04"))
	byFamily := map[string]Count{}
	for _, f := range r.Families {
		byFamily[f.Name] = f.Count
	}
	want := map[string]Count{
		// No username, no OAuth, on 36 closed wikis.
		"wikinews": {Sites: 36, None: 36},
		// OAuth, no username: every login fails.
		"wikivoyage": {Sites: 27, OAuthNoUser: 27},
		// A username, no OAuth.
		"wikiversity": {Sites: 18, UserOnly: 18, Users: 18},
		"mediawiki":   {Sites: 1, UserOnly: 1, Users: 1},
		"wikipedia":   {Sites: 367, OAuth: 367, Users: 367},
		// mul at wikisource.org, and the beta test wiki.
		"wikisource": {Sites: 86, OAuth: 84, UserOnly: 2, Users: 86},
	}
	for name, c := range want {
		if byFamily[name] != c {
			t.Errorf("%s: %+v, want %+v", name, byFamily[name], c)
		}
	}
	s, _ := r.Lookup("wikivoyage", "de")
	if s.Verdict != OAuthNoUser || s.AuthSource.Text != "authenticate['*.wikivoyage.org']" ||
		s.UserState != UserNone || !s.Conflict() {
		t.Errorf("wikivoyage:de = %+v", s)
	}
}

func TestCasePrecedence(t *testing.T) {
	r := Compute(evalCase(t, "14"))
	for _, tc := range []struct{ family, code, user, entry string }{
		{"wikipedia", "en", "ExampleAdmin", "usernames['*']['en']"},
		{"wikipedia", "de", "ExampleBot", "usernames['wikipedia']['*']"},
		{"wikidata", "wikidata", "ExampleFallback", "usernames['*']['*']"},
		{"wikidata", "test", "ExampleTester", "usernames['wikidata']['test']"},
		{"wiktionary", "en", "ExampleAdmin", "usernames['*']['en']"},
	} {
		s, _ := r.Lookup(tc.family, tc.code)
		if s.Username != tc.user || s.UserSource.Text != tc.entry || s.Verdict != UserOnly {
			t.Errorf("%s: %q from %s (%s), want %q from %s", s.ID(), s.Username,
				s.UserSource.Text, s.Verdict, tc.user, tc.entry)
		}
	}
	if r.Total.UserOnly != r.Total.Sites {
		t.Errorf("every site should have a username and no OAuth: %+v", r.Total)
	}
}

// TestAliasesAreNotSites checks that an old code with a successor is no
// site of the report, and that a usernames entry under one is listed
// apart with the site it reaches, whose own verdict it does not change.
// An old code with no successor is a closed wiki, a site like any other.
func TestAliasesAreNotSites(t *testing.T) {
	src := "usernames['wikisource']['aa'] = 'ExampleBot'\n" +
		"usernames['wikipedia']['nb'] = 'ExampleBot'\n" +
		"usernames['wikipedia']['aa'] = 'ExampleBot'\n" +
		"authenticate['*.wikisource.org'] = ('a', 'b', 'c', 'd')\n"
	r := Compute(parser.Evaluate("user-config.py", []byte(src), parser.Options{}))
	for _, id := range [][2]string{{"wikisource", "aa"}, {"wikipedia", "nb"}} {
		if s, ok := r.Lookup(id[0], id[1]); ok {
			t.Errorf("%s is in the report: %+v", s.ID(), s)
		}
	}
	for _, id := range [][2]string{{"wikipedia", "aa"}, {"wikinews", "en"}} {
		if s, ok := r.Lookup(id[0], id[1]); !ok || s.Status != Closed {
			t.Errorf("%s:%s = %+v (found %v), want a closed site", id[0], id[1], s, ok)
		}
	}
	if aa, _ := r.Lookup("wikipedia", "aa"); aa.Username != "ExampleBot" || aa.UserSource.Line != 3 {
		t.Errorf("wikipedia:aa = %+v, want the username of line 3", aa)
	}
	mul, _ := r.Lookup("wikisource", "mul")
	if mul.Host != "wikisource.org" || mul.Verdict != None || mul.UserSource != nil {
		t.Errorf("wikisource:mul = %+v, want no username and no OAuth", mul)
	}
	var reaches []string
	for _, u := range r.Unread {
		reaches = append(reaches, u.Reaches)
	}
	if want := []string{"wikisource:mul", "wikipedia:no"}; !slices.Equal(reaches, want) {
		t.Errorf("unread entries reach %v, want %v: %+v", reaches, want, r.Unread)
	}
	if f, _ := r.Family("wikisource"); f.Count.Sites != 86 || f.Count.OAuthNoUser != 84 {
		t.Errorf("wikisource = %+v", f.Count)
	}
}

// TestRequiredCount checks the tally of required sites: test wikis left
// out, families the requirement does not name not tallied.
func TestRequiredCount(t *testing.T) {
	r := Compute(evalCase(t, "01"))
	// 963 sites less 9 test wikis, closed wikis included; wikisource.org
	// alone lacks OAuth. The manual asks no username of mediawiki, so its
	// OAuth is enough.
	if want := (Need{Sites: 954, Met: 953, NoOAuth: 1}); r.Required != want {
		t.Errorf("required = %+v, want %+v", r.Required, want)
	}
	if f, _ := r.Family("commons"); f.Required == nil || *f.Required != (Need{Sites: 1, Met: 1}) {
		t.Errorf("commons required = %+v", f.Required)
	}
	if f, _ := r.Family("mediawiki"); cell(f) != "all" || matrixClass(f) != "v-oauth" {
		t.Errorf("mediawiki cell %q %s, want all, green", cell(f), matrixClass(f))
	}
	if f, _ := r.Family("species"); f.Required != nil {
		t.Errorf("species is not required, got %+v", f.Required)
	}
}

func TestSiteStatus(t *testing.T) {
	f := &pywikibot.Family{TestCodes: []string{"test"}, Removed: []string{"gone", "both"}}
	for _, tc := range []struct {
		code    string
		closed  bool
		deadEnd bool
		want    Status
	}{
		{"en", false, false, Open},
		{"test", false, false, Test},
		{"ro", true, false, Closed},
		{"aa", true, true, Closed},
		// Pywikibot marks the site obsolete and refuses writes.
		{"xx", false, true, Closed},
		{"gone", false, true, Removed},
		// Pywikibot asks about closed wikis before removed ones.
		{"both", true, true, Closed},
	} {
		s := pywikibot.Site{Code: tc.code, Closed: tc.closed}
		if got := siteStatus(f, s, tc.deadEnd); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.code, got, tc.want)
		}
	}
	q := ManualRequirement()
	if s := (&Site{Family: "wikinews", Status: Removed}); q.Counts(s) || q.NeedsUser(s) {
		t.Error("a deleted wiki is required")
	}
	if s := (&Site{Family: "wikinews", Status: Closed}); !q.NeedsUser(s) || !q.NeedsOAuth(s) {
		t.Error("a closed wiki of a required family is not required")
	}
}
