package pywikibot

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pwbconf/pwbconf/model"
)

func TestDataLoads(t *testing.T) {
	if Version() == "" || Version() != loadSites().Version {
		t.Errorf("Pywikibot version %q in the variables, %q in the sites: want one, the same",
			Version(), loadSites().Version)
	}
	if n := len(Families()); n < 20 {
		t.Errorf("%d families, want at least 20", n)
	}
	if n := len(Variables()); n < 80 {
		t.Errorf("%d variables, want at least 80", n)
	}
	wp, ok := LookupFamily("wikipedia")
	if !ok || len(wp.Sites) < 300 || !wp.Wikimedia {
		t.Fatalf("wikipedia family missing or too small: %v", ok)
	}
	if s, ok := wp.Site("en"); !ok || s.Hostname != "en.wikipedia.org" || s.Family != "wikipedia" {
		t.Errorf("wikipedia:en = %+v, %v", s, ok)
	}
	if v, _ := DeprecatedSince("absolute_import"); v != "10.0.0" {
		t.Errorf("deprecated version %q, want it trimmed to 10.0.0", v)
	}
	if r, ok := RemovedIn("sysopnames"); !ok || r.GoneSince == "" {
		t.Errorf("sysopnames removal = %+v, %v", r, ok)
	}
	if v, ok := LookupVariable("put_throttle"); !ok || v.Type != "int" {
		t.Errorf("put_throttle = %+v, %v", v, ok)
	}
	if !IsKnown("register_families_folder") || IsKnown("sysopnames") {
		t.Error("IsKnown disagrees with the data")
	}
	if !NotWarned("os") || !NotWarned("_helper") || NotWarned("glob") {
		t.Error("NotWarned disagrees with the data")
	}
}

func TestSitesByHost(t *testing.T) {
	sites := SitesByHost("commons.wikimedia.org")
	if len(sites) != 1 || sites[0].Family != "commons" || sites[0].Code != "commons" {
		t.Errorf("commons.wikimedia.org = %+v", sites)
	}
	if len(SitesByHost("no.wikipedia.org")) < 2 {
		t.Error("no.wikipedia.org should serve both no and its old code nb")
	}
}

func TestNormalizeCode(t *testing.T) {
	tests := []struct {
		family, code string
		want         Normalized
	}{
		{"wikipedia", "en", Normalized{"wikipedia", "en", 0, false}},
		{"wikipedia", "nb", Normalized{"wikipedia", "no", CodeReplaced, false}},
		{"wikipedia", "EN", Normalized{"wikipedia", "en", CodeLowered, false}},
		{"wikipedia", "NB", Normalized{"wikipedia", "no", CodeLowered | CodeReplaced, false}},
		{"mediawiki", "en", Normalized{"mediawiki", "mediawiki", CodeSingleSite, false}},
		{"mediawiki", "mediawiki", Normalized{"mediawiki", "mediawiki", 0, false}},
		{"wikipedia", "tlh", Normalized{"wikipedia", "tlh", CodeObsolete, true}},
		{"wikidata", "en", Normalized{"wikidata", "en", CodeUnknown, false}},
		{"wikiboks", "en", Normalized{"wikiboks", "en", CodeUnknownFamily, false}},
	}
	for _, tt := range tests {
		got := NormalizeCode(tt.family, tt.code)
		if got != tt.want {
			t.Errorf("NormalizeCode(%q, %q) = %+v, want %+v", tt.family, tt.code, got, tt.want)
		}
	}
}

func str(s string) model.Value { return model.Value{Kind: model.Str, Str: s} }

func userEntry(fam, code string, v model.Value, line int) model.Entry {
	return model.Entry{Path: []string{"usernames", fam, code}, Value: v, Pos: model.Pos{Line: line, Col: 1}}
}

func TestUsername(t *testing.T) {
	// The settings of the wildcard-precedence case.
	u := NewUsernames([]model.Entry{
		userEntry("wikipedia", "*", str("ExampleBot"), 3),
		userEntry("*", "en", str("ExampleAdmin"), 4),
		userEntry("*", "*", str("ExampleFallback"), 5),
		userEntry("wikidata", "test", str("ExampleTester"), 6),
	})
	type result struct{ Name, Fam, Code string }
	tests := []struct {
		family, code string
		site, login  result
	}{
		{"wikipedia", "en",
			result{"ExampleAdmin", "*", "en"}, result{"ExampleBot", "wikipedia", "*"}},
		{"wikipedia", "de",
			result{"ExampleBot", "wikipedia", "*"}, result{"ExampleBot", "wikipedia", "*"}},
		{"wikidata", "wikidata",
			result{"ExampleFallback", "*", "*"}, result{}},
		{"wikidata", "test",
			result{"ExampleTester", "wikidata", "test"}, result{"ExampleTester", "wikidata", "test"}},
		{"commons", "commons",
			result{"ExampleFallback", "*", "*"}, result{"ExampleFallback", "*", "*"}},
	}
	for _, tt := range tests {
		r := Username(u, tt.family, tt.code)
		if got := (result{r.Name, r.FamilyKey, r.CodeKey}); got != tt.site {
			t.Errorf("Username(%s:%s) = %+v, want %+v", tt.family, tt.code, got, tt.site)
		}
		r = LoginUsername(u, tt.family, tt.code)
		if got := (result{r.Name, r.FamilyKey, r.CodeKey}); got != tt.login {
			t.Errorf("LoginUsername(%s:%s) = %+v, want %+v", tt.family, tt.code, got, tt.login)
		}
	}
}

func TestUsernameValues(t *testing.T) {
	tuple := model.Value{Kind: model.Tuple, Items: []model.Value{str("ExampleBot")}}
	u := NewUsernames([]model.Entry{
		userEntry("wiktionary", "fr", tuple, 3),
		userEntry("wikipedia", "en", str(""), 4),
		userEntry("wikipedia", "*", str("  example__bot_ two "), 5),
		userEntry("wikidata", "*", model.Value{Kind: model.Unknown, Source: "env:BOT"}, 6),
	})
	r := Username(u, "wiktionary", "fr")
	if !r.Found() || !r.NotString() || r.Name != "" || r.Entry.Pos.Line != 3 {
		t.Errorf("a 1-tuple must be reported as not a string: %+v", r)
	}
	// An empty name is false in Python, so the '*' entry serves.
	r = Username(u, "wikipedia", "en")
	if r.Name != "Example bot two" || r.CodeKey != "*" {
		t.Errorf("wikipedia:en = %+v", r)
	}
	if r := Username(u, "wikidata", "wikidata"); !r.Unknown() || r.NotString() {
		t.Errorf("an unknown value must stay unknown: %+v", r)
	}
	if r := Username(u, "wikinews", "en"); r.Found() {
		t.Errorf("wikinews:en has no username, got %+v", r)
	}
}

func TestNormalizeUsername(t *testing.T) {
	for in, want := range map[string]string{
		"exampleBot":      "ExampleBot",
		"  example_bot ":  "Example bot",
		"a __ b":          "A b",
		"éclair":          "Éclair",
		"":                "",
		"ExampleBot@arch": "ExampleBot@arch",
	} {
		if got := NormalizeUsername(in); got != want {
			t.Errorf("NormalizeUsername(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAuthKeys(t *testing.T) {
	tests := map[string][]string{
		"en.wikipedia.org":                      {"en.wikipedia.org", "*.wikipedia.org", "*.org", "*"},
		"https://en.wikipedia.org/w/api.php":    {"en.wikipedia.org", "*.wikipedia.org", "*.org", "*"},
		"https://en.wiktionary.org:443/w/index": {"en.wiktionary.org:443", "*.wiktionary.org:443", "*.org:443", "*"},
		"localhost":                             {"localhost", "*"},
		"https://EN.Wikipedia.org":              {"EN.Wikipedia.org", "*.Wikipedia.org", "*.org", "*"},
	}
	for url, want := range tests {
		if diff := cmp.Diff(want, AuthKeys(url)); diff != "" {
			t.Errorf("AuthKeys(%q) mismatch (-want +got):\n%s", url, diff)
		}
	}
}

func authEntry(key string, items ...string) model.Entry {
	v := model.Value{Kind: model.Tuple}
	for _, s := range items {
		v.Items = append(v.Items, str(s))
	}
	return model.Entry{Path: []string{"authenticate", key}, Value: v, Secret: true}
}

func TestMatchAuth(t *testing.T) {
	entries := []model.Entry{
		authEntry("*", "a", "b", "c", "d"),
		authEntry("*.org", "user", "password"),
		authEntry("*.wikipedia.org", "a", "b", "c"),
		authEntry("en.wikipedia.org", "a", "b", "c", "d"),
	}
	m := MatchAuth(entries, "https://en.wikipedia.org/w/api.php")
	if m.Key != "en.wikipedia.org" || !m.OAuth() || len(m.Skipped) != 0 {
		t.Errorf("en.wikipedia.org matched %+v", m)
	}
	m = MatchAuth(entries, "de.wikipedia.org")
	if m.Key != "*.org" || m.OAuth() || len(m.Skipped) != 1 ||
		m.Skipped[0].Name() != "*.wikipedia.org" {
		t.Errorf("de.wikipedia.org matched %+v, want *.org after skipping *.wikipedia.org", m)
	}
	if m := MatchAuth(entries, "example.net"); m.Key != "*" {
		t.Errorf("example.net matched %q, want *", m.Key)
	}
	if m := MatchAuth(nil, "example.net"); m.Entry != nil || m.OAuth() {
		t.Errorf("nothing should match an empty dict: %+v", m)
	}
}

func TestNearest(t *testing.T) {
	for name, want := range map[string]string{
		"put_throtle":      "put_throttle",
		"user_script_path": "user_script_paths",
		"maxlagg":          "maxlag",
		"Put_Throttle":     "put_throttle",
		"home":             "",
		"glob":             "",
	} {
		if got := NearestVariable(name); got != want {
			t.Errorf("NearestVariable(%q) = %q, want %q", name, got, want)
		}
	}
	if got := NearestFamily("wikiboks"); got != "wikibooks" {
		t.Errorf("NearestFamily(wikiboks) = %q", got)
	}
}

func TestTypeAccepted(t *testing.T) {
	i := model.Value{Kind: model.Int}
	f := model.Value{Kind: model.Float}
	b := model.Value{Kind: model.Bool}
	none := model.Value{Kind: model.None}
	tuple := model.Value{Kind: model.Tuple}
	list := model.Value{Kind: model.List}
	fn := model.Value{Kind: model.Other, Source: "function"}
	tests := []struct {
		name string
		v    model.Value
		want bool
	}{
		{"log", str("interwiki"), false},
		{"log", list, true},
		{"put_throttle", str("10"), false},
		{"put_throttle", f, false},
		{"put_throttle", b, true},
		{"maxlag", f, false},
		{"minthrottle", i, true},
		{"minthrottle", b, true},
		{"noisysleep", none, true},
		{"socket_timeout", i, true},
		{"socket_timeout", f, true},
		{"socket_timeout", tuple, true},
		{"socket_timeout", str("30"), false},
		{"cosmetic_changes", i, false},
		{"editor", str("vim"), true},
		{"password_file", str("pw"), true},
		{"makepath", fn, true},
		{"makepath", str("x"), false},
		{"no_such_name", str("x"), true},
		{"family", model.Value{Kind: model.Unknown}, true},
	}
	for _, tt := range tests {
		if got := TypeAccepted(tt.name, tt.v); got != tt.want {
			t.Errorf("TypeAccepted(%q, %s) = %v, want %v", tt.name, tt.v.TypeName(), got, tt.want)
		}
	}
}
