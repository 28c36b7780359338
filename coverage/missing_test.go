package coverage

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestMissingAgreesWithRequired checks that the sites a family's summary
// lists as missing, and those --only missing keeps, are exactly the ones
// its "required ... met" total leaves out: www.mediawiki.org, which the
// manual asks OAuth of and no username, is met with OAuth alone and is
// not missing for want of a username.
func TestMissingAgreesWithRequired(t *testing.T) {
	for name, r := range map[string]*Report{
		"01":       Compute(evalCase(t, "01")),
		"04":       Compute(evalCase(t, "04")),
		"fixture":  Compute(everyVerdict()),
		"oauth-mw": Compute(fixture("authenticate/*.mediawiki.org", oauthTokens)),
	} {
		for i := range r.Families {
			f := &r.Families[i]
			missing := len(View{Only: Missing}.sites(r, f))
			want := 0
			if f.Required != nil {
				want = f.Required.Sites - f.Required.Met
			}
			if missing != want {
				t.Errorf("%s: %s: %d sites missing, required total leaves out %d",
					name, f.Name, missing, want)
			}
		}
	}

	r := Compute(fixture("authenticate/*.mediawiki.org", oauthTokens))
	mw, _ := r.Lookup("mediawiki", "mediawiki")
	if mw.Verdict != OAuthNoUser || !mw.NeedsOAuth() || mw.NeedsUser() || mw.Missing() {
		t.Errorf("mediawiki with OAuth alone: verdict %s, needs user %v, OAuth %v, missing %v",
			mw.Verdict, mw.NeedsUser(), mw.NeedsOAuth(), mw.Missing())
	}
	var text bytes.Buffer
	if err := WriteText(&text, []*Report{r}, View{Family: "mediawiki"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"required (test wikis aside): 1 of 1 met",
		"    optional  oauth-no-user: mediawiki\n"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, text.String())
		}
	}
	if strings.Contains(text.String(), "missing") {
		t.Errorf("mediawiki met, and listed as missing:\n%s", text.String())
	}

	// A username and no OAuth fails what the manual asks of it.
	r = Compute(fixture("usernames/mediawiki/mediawiki", str("ExampleBot")))
	text.Reset()
	if err := WriteText(&text, []*Report{r}, View{Family: "mediawiki"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"required (test wikis aside): 0 of 1 met",
		"    missing   user-only: mediawiki\n"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, text.String())
		}
	}
}

// TestOnlyMissingEveryFormat checks that every format keeps the same sites
// under --only missing: in case 01 only wikisource:mul, the one required
// site no OAuth key reaches; not mediawiki, not test wikis, not families
// the manual does not name.
func TestOnlyMissingEveryFormat(t *testing.T) {
	r := Compute(evalCase(t, "01"))
	v := View{Only: Missing}
	reports := []*Report{r}

	var b bytes.Buffer
	if err := WriteCSV(&b, reports, v); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, rec := range records[1:] {
		ids = append(ids, rec[1]+":"+rec[2])
	}
	if strings.Join(ids, " ") != "wikisource:mul" {
		t.Errorf("CSV --only missing: %v, want wikisource:mul", ids)
	}

	b.Reset()
	if err := WriteJSON(&b, reports, v); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Configs []struct {
			Families []struct{ Name string }
			Sites    []struct{ Family, Code string }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	c := doc.Configs[0]
	if len(c.Families) != 1 || c.Families[0].Name != "wikisource" || len(c.Sites) != 1 ||
		c.Sites[0].Code != "mul" {
		t.Errorf("JSON --only missing: families %v, sites %v", c.Families, c.Sites)
	}

	for name, write := range map[string]func() error{
		"text":     func() error { return WriteText(&b, reports, View{Only: Missing, Sites: true}) },
		"markdown": func() error { return WriteMarkdown(&b, reports, View{Only: Missing, Sites: true}) },
		"html":     func() error { return WriteHTML(&b, reports, v) },
	} {
		b.Reset()
		if err := write(); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "mul") || strings.Contains(out, "mediawiki:") ||
			strings.Contains(out, ">mediawiki<") || strings.Contains(out, "beta") {
			t.Errorf("%s --only missing shows other sites than wikisource:mul:\n%s", name, out)
		}
	}
}

// TestCompareView checks that a change report keeps to the family and
// the filter of the view, in every format that prints one.
func TestCompareView(t *testing.T) {
	old, new := Compute(evalCase(t, "04")), Compute(evalCase(t, "01"))
	all := Compare(old, new)
	if len(all.Families) < 2 {
		t.Fatalf("04 -> 01 changes %d families; the test needs several", len(all.Families))
	}

	ch := CompareView(old, new, View{Family: "wikinews"})
	if len(ch.Families) != 1 || ch.Families[0].Name != "wikinews" || ch.Family != "wikinews" {
		t.Fatalf("--family wikinews: %+v", ch.Families)
	}
	of, _ := old.Family("wikinews")
	nf, _ := new.Family("wikinews")
	if ch.OldTotal != of.Count || ch.NewTotal != nf.Count {
		t.Errorf("--family wikinews: totals %+v -> %+v, want the family's", ch.OldTotal, ch.NewTotal)
	}
	want := "sites with OAuth and a username 0 -> 36: 36 gained, 0 lost; 1 family changes"
	if got := ch.Summary(); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if ch := CompareView(old, new, View{Family: "commons"}); len(ch.Families) != 0 ||
		ch.Summary() != "no change in coverage" {
		t.Errorf("--family commons: %+v, %q", ch.Families, ch.Summary())
	}

	// mediawiki changes from user-only to oauth-no-user: missing before,
	// met after, so --only missing keeps it; --only covered does not.
	ch = CompareView(old, new, View{Only: Missing})
	var names []string
	for _, f := range ch.Families {
		names = append(names, f.Name)
		for _, s := range f.Sites {
			if !s.Old.Missing() && !s.New.Missing() {
				t.Errorf("--only missing keeps %s:%s, missing neither before nor after",
					s.Family, s.Code)
			}
		}
	}
	if !strings.Contains(strings.Join(names, " "), "mediawiki") {
		t.Errorf("--only missing: families %v lack mediawiki", names)
	}
	for _, f := range CompareView(old, new, View{Only: Covered, Family: "mediawiki"}).Families {
		t.Errorf("--only covered --family mediawiki keeps %s", f.Name)
	}

	ch = CompareView(old, new, View{Family: "wikivoyage"})
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return WriteChangeText(b, ch, true) },
		"markdown": func(b *bytes.Buffer) error { return WriteChangeMarkdown(b, ch, true) },
		"json":     func(b *bytes.Buffer) error { return WriteChangeJSON(b, ch) },
		"csv":      func(b *bytes.Buffer) error { return WriteChangeCSV(b, ch) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "wikivoyage") {
			t.Errorf("%s: no wikivoyage:\n%s", name, out)
		}
		for _, other := range []string{"wikinews", "wikiversity", "mediawiki"} {
			if strings.Contains(out, other) {
				t.Errorf("%s --family wikivoyage shows %s:\n%s", name, other, out)
			}
		}
	}
}

// TestTextListsRequiredFamilyWithNothing checks that the text summary
// lists the missing sites of a required family the file gives nothing
// at all, as the other formats do, rather than name it under "nothing
// for": case 04 has no username and no key for wikinews, 36 sites. Under
// --only missing it lists no other sites either.
func TestTextListsRequiredFamilyWithNothing(t *testing.T) {
	r := Compute(evalCase(t, "04"))
	for _, v := range []View{{}, {Only: Missing}} {
		var b bytes.Buffer
		if err := WriteText(&b, []*Report{r}, v); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{
			"\nwikinews           OAuth and username 0 of 36 sites; " +
				"required (test wikis aside): 0 of 36 met\n",
			"\n    missing   none: ar, bg, bs, ca, cs, de, el, en and 28 more\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("only %q: text lacks %q:\n%s", v.Only, want, out)
			}
		}
		if v.Only == Missing && strings.Contains(out, "optional") {
			t.Errorf("--only missing lists optional sites, which the other formats leave out:\n%s",
				out)
		}
		_, rest, listed := strings.Cut(out, "nothing for")
		if listed && strings.Contains(rest, "wikinews") {
			t.Errorf("only %q: wikinews is still under nothing for:\n%s", v.Only, out)
		}
	}
}

// TestLabelsSayWhatTheyCount checks the words of the text summary and of
// a change: the family total counts OAuth with a username, so a family
// whose key reaches its site but has no username is at 0 of it; a site
// that keeps its key and gains a username is gained "with OAuth and
// username", not "OAuth"; and a site whose lack the requirement does not
// count is "optional", not "uncovered" beside a requirement that is met.
func TestLabelsSayWhatTheyCount(t *testing.T) {
	noUser := Compute(fixture("authenticate/*.mediawiki.org", oauthTokens))
	both := Compute(fixture("authenticate/*.mediawiki.org", oauthTokens,
		"usernames/mediawiki/mediawiki", str("ExampleBot")))
	var b bytes.Buffer
	if err := WriteText(&b, []*Report{noUser}, View{Family: "mediawiki"}); err != nil {
		t.Fatal(err)
	}
	want := "mediawiki          OAuth and username 0 of 1 site; " +
		"required (test wikis aside): 1 of 1 met\n" +
		"    auth      authenticate['*.mediawiki.org'] line 1\n" +
		"    optional  oauth-no-user: mediawiki\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("summary:\n%s\nwant it to hold:\n%s", b.String(), want)
	}

	b.Reset()
	if err := WriteChangeText(&b, Compare(noUser, both), false); err != nil {
		t.Fatal(err)
	}
	want = "\nmediawiki          +1 -0 with OAuth and username, 1 site changed\n"
	if !strings.Contains(b.String(), want) {
		t.Errorf("change:\n%s\nwant it to hold %q", b.String(), want)
	}
}

// TestViewSuggestsFamily checks that a misspelt --family gets the nearest
// family, as a misspelt family elsewhere does.
func TestViewSuggestsFamily(t *testing.T) {
	err := View{Family: "wikipedai"}.Check()
	want := `unknown family "wikipedai"; did you mean "wikipedia"?`
	if err == nil || err.Error() != want {
		t.Errorf("Check() = %v, want %s", err, want)
	}
	err = View{Family: "zzzzzzzzzz"}.Check()
	if err == nil || strings.Contains(err.Error(), "mean") {
		t.Errorf("Check() of a name near no family = %v", err)
	}
}
