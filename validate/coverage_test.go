package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/parser"
)

// coverageFindings evaluates a shared case and returns its coverage
// findings as "line code message-prefix".
func coverageFindings(t *testing.T, dir string, opts Options) []string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "user-config.py"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := parser.Evaluate("user-config.py", src, parser.Options{})
	var out []string
	for _, d := range Check(cfg, opts) {
		if d.Code >= "PWB250" && d.Code <= "PWB259" {
			msg, _, _ := strings.Cut(d.Message, ". ")
			out = append(out, strings.Join([]string{itoa(d.Line), d.Code, d.Severity.String(), msg}, " "))
		}
	}
	return out
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

// The coverage findings each case must give, and no others.
var coverageCases = map[string][]string{
	"01": {`14 PWB253 info "*.wikisource.org" does not reach wikisource:mul at "wikisource.org"`},
	"02": {`21 PWB253 info "*.wikisource.org" does not reach wikisource:mul at "wikisource.org"`},
	// Every wikinews wiki is closed, and the manual's layout covers closed
	// wikis too. Nothing in the file belongs to wikinews or wikivoyage, so
	// those findings are about the whole file.
	"04": {
		`00 PWB251 warning no username for the wikinews family`,
		`00 PWB251 warning no username for the wikivoyage family`,
		`19 PWB253 info "*.wikisource.org" does not reach wikisource:mul at "wikisource.org"`,
		`20 PWB250 error OAuth for "*.wikivoyage.org" but no wikivoyage wiki has a username`,
		`20 PWB252 warning no OAuth for 1 site under "*.mediawiki.org"`,
		`20 PWB252 warning no OAuth for 17 sites under "*.wikiversity.org"`,
		`20 PWB252 warning no OAuth for 36 sites under "*.wikinews.org"`,
	},
	"07": {`03 PWB250 error OAuth for "en.wikipedia.org" but no username for wikipedia:en`},
	"08": {
		`03 PWB255 error "ExampleBot@archiver" is a BotPassword login name, but OAuth reaches wikipedia:en`,
		`05 PWB256 warning password_file is unused: OAuth reaches every site with a username`,
	},
}

func TestCoverageCases(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(sharedcase.Dir, "[0-2]*"))
	if len(dirs) < 24 {
		t.Fatalf("found %d cases", len(dirs))
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		if n := name[:2]; n >= "25" {
			continue // hostile files stop early; the sandbox tests cover them
		}
		t.Run(name, func(t *testing.T) {
			got := coverageFindings(t, dir, Options{})
			if diff := cmp.Diff(coverageCases[name[:2]], got); diff != "" {
				t.Errorf("coverage findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCoverageOptions(t *testing.T) {
	dir := filepath.Join(sharedcase.Dir, "07-oauth-without-username")
	// Forced on, case 07 lacks a username for all but wikidata.
	got := coverageFindings(t, dir, Options{Coverage: CoverageAlways})
	if n := countCode(got, "PWB251"); n != 10 {
		t.Errorf("%d missing-username findings with coverage always, want 10: %v", n, got)
	}
	// Required families of its own: wikidata is complete, wikipedia is not.
	got = coverageFindings(t, dir, Options{RequiredFamilies: []string{"wikidata", "wikipedia"}})
	if countCode(got, "PWB251") != 1 || countCode(got, "PWB252") != 1 {
		t.Errorf("with wikidata and wikipedia required: %v", got)
	}
	// Off: no requirement, so usernames without OAuth are what is left.
	got = coverageFindings(t, filepath.Join(sharedcase.Dir, "04-gaps-in-coverage"),
		Options{Coverage: CoverageNever})
	if len(got) != 3 || countCode(got, "PWB250") != 1 || countCode(got, "PWB254") != 2 {
		t.Errorf("coverage never on case 04: %v", got)
	}
}

func countCode(findings []string, code string) int {
	return len(slices.DeleteFunc(slices.Clone(findings), func(f string) bool {
		return !strings.Contains(f, " "+code+" ")
	}))
}

func TestExpandFamilies(t *testing.T) {
	all, err := ExpandFamilies([]string{AllWikimedia, "osm"})
	if err != nil || !slices.Contains(all, "species") || !slices.Contains(all, "osm") ||
		slices.Contains(all, "wikihow") {
		t.Errorf("all-wikimedia = %v, %v", all, err)
	}
	if _, err := ExpandFamilies([]string{"wikiboks"}); err == nil ||
		!strings.Contains(err.Error(), `"wikibooks"`) {
		t.Errorf("a misspelled family: %v", err)
	}
	if _, err := ParseCoverageMode("sometimes"); err == nil {
		t.Error("an unknown mode is accepted")
	}
}

// TestMissingUsernamePosition checks where missing-username points: at
// the entry whose reach falls short, or at the whole file when nothing in
// it belongs to the family.
func TestMissingUsernamePosition(t *testing.T) {
	src := "usernames['wikidata']['wikidata'] = 'ExampleBot'\n" +
		"usernames['wikipedia']['en'] = 'ExampleBot'\n"
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	lines := map[string]int{}
	for _, d := range Check(cfg, Options{Coverage: CoverageAlways}) {
		if d.Code == "PWB251" {
			lines[strings.Fields(d.Message)[4]] = d.Line
		}
	}
	// "usernames for wikipedia cover 1 of ..." and "no username for the meta family".
	if lines["1"] != 2 {
		t.Errorf("partial wikipedia finding at line %d, want 2: %v", lines["1"], lines)
	}
	if line, ok := lines["meta"]; !ok || line != 0 {
		t.Errorf("meta finding at line %d (found %v), want 0", line, ok)
	}
}

// TestCoverageCountsAgree checks that lint's coverage rules count the
// sites the coverage report counts.
func TestCoverageCountsAgree(t *testing.T) {
	src := "usernames['wikisource']['de'] = 'ExampleBot'\n"
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	want := ""
	r := coverage.ComputeFor(cfg, Requirement([]string{"wikisource"}))
	if f, _ := r.Family("wikisource"); f.Required != nil {
		want = fmt.Sprintf("usernames for wikisource cover 1 of %d sites", f.Required.Sites)
	}
	for _, d := range Check(cfg, Options{Coverage: CoverageAlways, RequiredFamilies: []string{"wikisource"}}) {
		if d.Code == "PWB251" {
			if got, _, _ := strings.Cut(d.Message, ". "); got != want || want == "" {
				t.Errorf("lint says %q, the report %q", got, want)
			}
			return
		}
	}
	t.Error("no missing-username finding")
}
