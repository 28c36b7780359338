package validate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/parser"
)

// sharedCaseRules are the rules about usernames, sites, tokens, keys and
// repeated settings that the shared cases exercise.
func sharedCaseRule(code string) bool {
	return strings.HasPrefix(code, "PWB2") && code < "PWB250" ||
		strings.HasPrefix(code, "PWB3") ||
		slices.Contains([]string{"PWB105", "PWB106", "PWB107", "PWB109", "PWB110", "PWB111"}, code)
}

// TestSharedCases lints the shared cases and compares what these rules
// find, as "line:CODE", with what each case's description asks for.
func TestSharedCases(t *testing.T) {
	cases := map[string][]string{
		"01": nil,
		"02": nil,
		"03": {"3:PWB210", "4:PWB210", "5:PWB303", "6:PWB303"},
		"05": {"5:PWB305", "7:PWB306", "7:PWB306"},
		"06": {"3:PWB208"},
		"13": {"4:PWB111", "4:PWB201", "4:PWB201"},
		"14": nil,
		"15": {"4:PWB320", "5:PWB320", "6:PWB320", "7:PWB320", "8:PWB323", "9:PWB320", "10:PWB320"},
		"16": {"4:PWB322", "5:PWB322"},
		"17": nil,
		"19": {"3:PWB203", "4:PWB204", "5:PWB202", "6:PWB202", "8:PWB206"},
		"20": {"4:PWB310", "5:PWB311"},
		"21": {"2:PWB205", "4:PWB205"},
		"22": {"5:PWB111", "6:PWB111"},
		"23": {"4:PWB309"},
		"24": nil,
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			file, src := sharedcase.Read(t, name)
			ds := Check(parser.Evaluate(file, src, parser.Options{}), Options{Source: src})
			var got []string
			for _, d := range ds {
				if sharedCaseRule(d.Code) {
					got = append(got, fmt.Sprintf("%d:%s", d.Line, d.Code))
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\nall findings:\n%s", diff, dump(ds))
			}
		})
	}
}

// TestSharedCaseMessages pins the wording of the findings the case
// descriptions spell out.
func TestSharedCaseMessages(t *testing.T) {
	tests := []struct{ name, want string }{
		{"05", `consumer secret and access token of "commons.wikimedia.org" are swapped`},
		{"05", `access token of "*.wikidata.org" ends with a line break`},
		{"05", `consumer key of "*.wikidata.org" starts with a space`},
		{"13", `usernames family "wikiboks" is unknown; did you mean "wikibooks"?`},
		{"13", `usernames family "wikimedia" is a domain, not a family. ` +
			`Its wikis are the families commons, foundation, incubator, meta and 5 more`},
		{"19", `"nb" is an old code; wikipedia:no reads usernames under "no"`},
		{"19", `wikidata has no site "en"; its codes are "beta", "test" and "wikidata"`},
		{"22", `usernames["wikipedia"]["*"] is set again here; line 3 set it first`},
		{"22", `authenticate["*.wikipedia.org"] is set again here; line 4 set it first`},
	}
	for _, tt := range tests {
		file, src := sharedcase.Read(t, tt.name)
		var msgs []string
		for _, d := range Check(parser.Evaluate(file, src, parser.Options{}), Options{}) {
			msgs = append(msgs, d.Message)
		}
		if !slices.Contains(msgs, tt.want) {
			t.Errorf("%s: no finding %q among\n%s", tt.name, tt.want, strings.Join(msgs, "\n"))
		}
	}
}
