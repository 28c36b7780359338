package validate

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/model"
)

func TestComments(t *testing.T) {
	src := "a = '#x'  # one\n" +
		"b = \"\"\"\n# not a comment\n\"\"\"  # two\n" +
		"c = 'it\\'s # no'\n" +
		"d = 'é' # three\n"
	want := []comment{
		{model.Pos{Line: 1, Col: 11}, "# one"},
		{model.Pos{Line: 4, Col: 6}, "# two"},
		{model.Pos{Line: 6, Col: 9}, "# three"},
	}
	if diff := cmp.Diff(want, comments([]byte(src)), cmp.AllowUnexported(comment{})); diff != "" {
		t.Errorf("comments mismatch (-want +got):\n%s", diff)
	}
}

func TestParseSuppression(t *testing.T) {
	tests := []struct {
		text    string
		entries []string
		reason  string
		bad     bool
	}{
		{"ignore[PWB101] our wrapper reads it", []string{"PWB101"}, "our wrapper reads it", false},
		{"ignore[PWB101, set-twice]: two reasons", []string{"PWB101", "set-twice"}, "two reasons", false},
		{"ignore[PWB101]", []string{"PWB101"}, "", false},
		{"ignore[PWB101] # want: PWB901", []string{"PWB101"}, "", false},
		{"ignore PWB101", nil, "", true},
		{"ignore[PWB101", nil, "", true},
		{"ignore[] why", nil, "", true},
		{"ignore-next-line[PWB101] long line", []string{"PWB101"}, "long line", false},
		{"ignore-file[unknown-variable] generated file", []string{"unknown-variable"}, "generated file", false},
		{"ignore-line[PWB101] why", nil, "", true},
	}
	for _, tt := range tests {
		s := parseSuppression(model.Pos{}, tt.text)
		if !cmp.Equal(s.entries, tt.entries) || s.reason != tt.reason || (s.malformed != "") != tt.bad {
			t.Errorf("parseSuppression(%q) = %q, %q, %q", tt.text, s.entries, s.reason, s.malformed)
		}
	}
}

func TestNearestRule(t *testing.T) {
	for in, want := range map[string]string{
		"PWB1O1": "PWB101", "pwb1o2": "PWB102", "unknown-varable": "unknown-variable",
		"PWB999": "", "nothing-like-it-at-all": "",
	} {
		if got := NearestRule(in); got != want {
			t.Errorf("NearestRule(%q) = %q, want %q", in, got, want)
		}
	}
}
