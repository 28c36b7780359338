package coverage

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/pwbconf/pwbconf/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func str(s string) model.Value { return model.Value{Kind: model.Str, Str: s} }

func tuple(items ...model.Value) model.Value {
	return model.Value{Kind: model.Tuple, Items: items}
}

func unknown(src string) model.Value { return model.Value{Kind: model.Unknown, Source: src} }

var oauthTokens = tuple(str("a4c123b1612dd272d1371c17149d4395"),
	str("36b3216fdaeeb975729fae923d5a4fd12aabfe22"), str("8f219e9cb0eb53f16947ccf25ec84d8d"),
	str("bc74254770f58904dba41ecccc3fc1626e53a130"))

// fixture builds a config whose entries sit on consecutive lines: pairs of
// a path ("usernames/wikipedia/en", "authenticate/*.org") and a value.
func fixture(pairs ...any) *model.Config {
	cfg := &model.Config{File: "fixture.py"}
	for i := 0; i < len(pairs); i += 2 {
		e := model.Entry{Path: strings.Split(pairs[i].(string), "/"),
			Value: pairs[i+1].(model.Value), Pos: model.Pos{Line: i/2 + 1, Col: 1}}
		if e.Path[0] == "usernames" {
			cfg.Usernames = append(cfg.Usernames, e)
		} else {
			e.Secret = true
			cfg.Authenticate = append(cfg.Authenticate, e)
		}
	}
	return cfg
}

// everyVerdict gives each verdict, and each odd state, to a known site.
func everyVerdict() *model.Config {
	return fixture(
		"usernames/wikipedia/*", str("example_bot"),
		"usernames/wikidata/wikidata", unknown("env:BOT_USER"),
		"usernames/wiktionary/fr", tuple(str("ExampleBot")),
		"authenticate/*.wikipedia.org", oauthTokens,
		"authenticate/en.wikipedia.org", tuple(str("a"), str("b"), str("c")),
		"authenticate/*.wikivoyage.org", oauthTokens,
		"authenticate/*.wikidata.org", tuple(unknown("env:CK"), unknown("env:CS"),
			unknown("env:AK"), unknown("env:AS")),
		"authenticate/wiki.openstreetmap.org", tuple(str("ExampleBot"), str("hunter2")),
		"authenticate/*.wikihow.com", str("abc"),
		"usernames/wikipedia/EN", str("ExampleAdmin"),
		"usernames/wikiboks/*", str("ExampleBot"),
		"usernames/wikibooks/en", str("ExampleBot"),
	)
}

func TestEveryVerdict(t *testing.T) {
	r := Compute(everyVerdict())
	for _, tc := range []struct {
		site    string
		verdict Verdict
		kind    AuthKind
		state   UserState
		skipped int
		unres   bool
	}{
		{"wikipedia:de", OAuth, AuthOAuth, UserOK, 0, false},
		{"wikipedia:en", OAuth, AuthOAuth, UserOK, 1, false},
		{"wikivoyage:de", OAuthNoUser, AuthOAuth, UserNone, 0, false},
		{"wikidata:wikidata", OAuth, AuthOAuth, UserUnresolved, 0, true},
		{"wikidata:test", OAuthNoUser, AuthOAuth, UserNone, 0, true},
		{"wiktionary:fr", None, AuthNone, UserInvalid, 0, false},
		{"osm:en", Basic, AuthBasic, UserNone, 0, false},
		{"wikihow:en", None, AuthInvalid, UserNone, 1, false},
		{"wikibooks:en", UserOnly, AuthNone, UserOK, 0, false},
		{"wikibooks:de", None, AuthNone, UserNone, 0, false},
	} {
		fam, code, _ := strings.Cut(tc.site, ":")
		s, ok := r.Lookup(fam, code)
		if !ok {
			t.Fatalf("no site %s", tc.site)
		}
		got := []any{s.Verdict, s.AuthKind, s.UserState, len(s.Skipped), s.Unresolved}
		want := []any{tc.verdict, tc.kind, tc.state, tc.skipped, tc.unres}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.site, diff)
		}
	}
	s, _ := r.Lookup("wikipedia", "de")
	if s.Username != "Example bot" {
		t.Errorf("normalised name %q, want \"Example bot\"", s.Username)
	}
	seen := map[Verdict]bool{}
	for _, s := range r.Sites {
		seen[s.Verdict] = true
	}
	for _, v := range Verdicts {
		if !seen[v] {
			t.Errorf("no site has verdict %s", v)
		}
	}
	r2 := Compute(fixture("usernames/*/*", str("ExampleBot")))
	if r2.Total.UserOnly != r2.Total.Sites {
		t.Errorf("usernames['*']['*'] alone: %+v", r2.Total)
	}
	wantUnread := []Unread{
		{Entry: "usernames['wikipedia']['EN']", Line: 10, Reason: "an upper-case code: read " +
			"only when a script asks for Site('EN', 'wikipedia'), which Pywikibot builds as wikipedia:en"},
	}
	if diff := cmp.Diff(wantUnread, r.Unread); diff != "" {
		t.Errorf("unread (-want +got):\n%s", diff)
	}
}

func TestSummary(t *testing.T) {
	c := Count{Sites: 1819, OAuth: 1365, OAuthNoUser: 12, UserOnly: 1, Unresolved: 3}
	want := "1,365 of 1,819 sites have OAuth and a username; " +
		"12 sites have OAuth but no username; " +
		"1 site has a username but no OAuth; 3 sites depend on unresolved values"
	if got := c.Summary(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestGolden renders the fixture and two cases in the text, Markdown and
// CSV formats and compares with testdata/*.golden; -update rewrites them.
func TestGolden(t *testing.T) {
	one := []*Report{Compute(everyVerdict())}
	several := []*Report{Compute(evalCase(t, "04")), Compute(evalCase(t, "07"))}
	several[0].File, several[1].File = "04/user-config.py", "07/user-config.py"
	for _, tc := range []struct {
		name    string
		reports []*Report
		view    View
		write   func(*bytes.Buffer, []*Report, View) error
	}{
		{"summary.txt", one, View{}, asBuf(WriteText)},
		{"sites-conflict.txt", one, View{Sites: true, Only: Conflict}, asBuf(WriteText)},
		{"matrix.txt", several, View{}, asBuf(WriteText)},
		{"summary.md", one, View{}, asBuf(WriteMarkdown)},
		{"matrix.md", several, View{}, asBuf(WriteMarkdown)},
		{"wikidata.csv", one, View{Family: "wikidata"}, asBuf(WriteCSV)},
		{"change.txt", nil, View{}, func(b *bytes.Buffer, _ []*Report, _ View) error {
			return WriteChangeText(b, Compare(several[0], Compute(evalCase(t, "01"))), true)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b, tc.reports, tc.view); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
}

func asBuf(f func(w io.Writer, r []*Report, v View) error) func(*bytes.Buffer, []*Report, View) error {
	return func(b *bytes.Buffer, r []*Report, v View) error { return f(b, r, v) }
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func TestHTML(t *testing.T) {
	var b bytes.Buffer
	reports := []*Report{Compute(everyVerdict()), Compute(evalCase(t, "01"))}
	reports[1].File = "<01>/user-config.py"
	if err := WriteHTML(&b, reports, View{Version: "11.8.0", Sites: true}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	withSites := 0
	for _, f := range reports[0].Families {
		if f.Count.Sites > 0 {
			withSites++
		}
	}
	for _, bad := range []string{"<link", "src=", "@import", "url(", "http://", "https://"} {
		if strings.Contains(page, bad) {
			t.Errorf("page loads something from outside: %q", bad)
		}
	}
	if strings.Contains(page, "<01>") || !strings.Contains(page, "&lt;01&gt;/user-config.py") {
		t.Error("the file name is not escaped")
	}
	count := func(re string) int { return len(regexp.MustCompile(re).FindAllString(page, -1)) }
	sites := count(`<button type="button" class="site v-[a-z-]+ s-(open|closed|test)[^"]*" title="[^"]+">[^<]+</button>`)
	if want := 2 * len(reports[0].Sites); sites != want {
		t.Errorf("%d site cells, want %d", sites, want)
	}
	if n := count(`<section class="family">`); n != 2*withSites {
		t.Errorf("%d family sections, want %d", n, 2*withSites)
	}
	if n := count(`<details class="config" id="config-\d">`); n != 2 {
		t.Errorf("%d config sections, want 2", n)
	}
	if n := count(`<tr><th class="file"><a href="#config-\d">`); n != 2 {
		t.Errorf("%d matrix rows, want 2", n)
	}
	for _, v := range Verdicts {
		if !strings.Contains(page, `<li><span class="v-`+string(v)+`"></span>`) {
			t.Errorf("legend lacks %s", v)
		}
	}
	for _, tag := range []string{"html", "head", "body", "style", "script", "table", "details", "section", "div"} {
		if open, end := count(`<`+tag+`[ >]`), count(`</`+tag+`>`); open != end {
			t.Errorf("<%s>: %d opened, %d closed", tag, open, end)
		}
	}
	if !strings.Contains(page, "username: Example bot from usernames[&#39;wikipedia&#39;][&#39;*&#39;] line 1") {
		t.Error("a site's title does not name its username and line")
	}
}

// TestHTMLSeveralCompact checks that several configs get no grid of sites
// unless asked, and that one config gets its grid.
func TestHTMLSeveralCompact(t *testing.T) {
	cfg := evalCase(t, "01")
	render := func(n int, v View) string {
		reports := make([]*Report, n)
		for i := range reports {
			reports[i] = Compute(cfg)
		}
		var b bytes.Buffer
		if err := WriteHTML(&b, reports, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	chip := `<button type="button" class="site`
	one, several := render(1, View{}), render(20, View{})
	if !strings.Contains(one, chip) {
		t.Error("one config: no grid of sites")
	}
	if strings.Contains(several, chip) {
		t.Error("several configs: a grid of sites without View.Sites")
	}
	// Twenty configs cost less than one grid each.
	if len(several) > 20*len(one)/10 {
		t.Errorf("20 configs make %d bytes, one makes %d", len(several), len(one))
	}
	if !strings.Contains(render(2, View{Sites: true}), chip) {
		t.Error("View.Sites: no grid of sites")
	}
}

// TestMatrixFollowsRequirement checks that the manual's own layout shows
// no failed login and no missing family in a matrix: test wikis and
// families the requirement leaves out do not colour it.
func TestMatrixFollowsRequirement(t *testing.T) {
	r := Compute(evalCase(t, "01"))
	reports := []*Report{r, r}
	tab := htmlMatrix(reports, View{})
	for i, name := range tab.Families {
		c := tab.Rows[0].Cells[i]
		required := slices.Contains(ManualRequirement().OAuth, name)
		switch {
		case required && name == "wikisource":
			if c.Class != "m-part" {
				t.Errorf("wikisource: %s %q, want m-part (wikisource.org has no OAuth)", c.Class, c.Text)
			}
		case required && (c.Class != "v-oauth" || c.Text != "all"):
			t.Errorf("%s: %s %q, want v-oauth all", name, c.Class, c.Text)
		case !required && c.Class != "m-other":
			t.Errorf("%s is not required but coloured %s", name, c.Class)
		}
	}
}
