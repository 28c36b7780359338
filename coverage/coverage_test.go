package coverage

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// evalCase evaluates the user-config.py of one of the shared cases.
func evalCase(t *testing.T, name string) *model.Config {
	t.Helper()
	dirs, _ := filepath.Glob("../testdata/cases/" + name + "-*")
	if len(dirs) != 1 {
		t.Fatalf("case %s: found %v", name, dirs)
	}
	src, err := os.ReadFile(filepath.Join(dirs[0], "user-config.py"))
	if err != nil {
		t.Fatal(err)
	}
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
	if total != 1370 || reached != 1365 {
		t.Errorf("OAuth reaches %d of %d sites, want 1365 of 1370", reached, total)
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
		{"wikipedia", "nb", "*.wikipedia.org", OAuth, Open},
		{"commons", "commons", "*.wikimedia.org", OAuth, Open},
		{"commons", "test", "*.wikimedia.org", OAuth, Test},
		{"commons", "beta", "", UserOnly, Test},
		{"wikidata", "wikidata", "*.wikidata.org", OAuth, Open},
		{"wikisource", "mul", "", UserOnly, Open},
		{"wikisource", "de", "*.wikisource.org", OAuth, Open},
		{"wikinews", "en", "*.wikinews.org", OAuth, Closed},
		{"mediawiki", "mediawiki", "*.mediawiki.org", OAuthNoUser, Open},
		{"species", "species", "*.wikimedia.org", OAuthNoUser, Open},
		{"wikihow", "en", "", None, Open},
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
		// No username, no OAuth.
		"wikinews": {Sites: 51, None: 51},
		// OAuth, no username: every login fails.
		"wikivoyage": {Sites: 42, OAuthNoUser: 42},
		// A username, no OAuth.
		"wikiversity": {Sites: 34, UserOnly: 34},
		"mediawiki":   {Sites: 1, UserOnly: 1},
		"wikipedia":   {Sites: 383, OAuth: 383},
		"wikisource":  {Sites: 385, OAuth: 383, UserOnly: 2},
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
