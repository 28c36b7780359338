package cli

import (
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/validate"
)

func TestWrap(t *testing.T) {
	got := wrap("one two three four five six", 9)
	if want := "one two\nthree\nfour five\nsix\n"; got != want {
		t.Errorf("wrap = %q, want %q", got, want)
	}
}

func TestPythonBlock(t *testing.T) {
	got := pythonBlock("s = '```'\n")
	if want := "````python\ns = '```'\n````\n"; got != want {
		t.Errorf("pythonBlock = %q, want %q", got, want)
	}
}

// TestRulesDocumented checks what every page and report built from the
// declarations needs of each rule.
func TestRulesDocumented(t *testing.T) {
	for _, r := range validate.Rules() {
		if r.Name == "" || r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: a declaration field is empty: %+v", r.Code, r)
		}
		if strings.Contains(r.Summary, "\n") {
			t.Errorf("%s: summary spans lines", r.Code)
		}
		if got, ok := validate.Lookup(r.Name); !ok || got.Code != r.Code {
			t.Errorf("%s: its name %q does not find it", r.Code, r.Name)
		}
	}
}
