package cli

import (
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/urfave/cli/v2"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/validate"
)

// ruleContext parses args with the rule flags alone.
func ruleContext(t *testing.T, args ...string) *cli.Context {
	t.Helper()
	set := flag.NewFlagSet("test", flag.ContinueOnError)
	for _, f := range ruleFlags() {
		if err := f.Apply(set); err != nil {
			t.Fatal(err)
		}
	}
	if err := set.Parse(args); err != nil {
		t.Fatal(err)
	}
	return cli.NewContext(nil, set, nil)
}

// TestRuleChoiceOver lays command lines over one project file's options.
func TestRuleChoiceOver(t *testing.T) {
	always := validate.CoverageAlways
	never := validate.CoverageNever
	project := validate.Options{
		Select:           []string{"PWB2"},
		Ignore:           []string{"PWB111", "PWB324"},
		Severity:         map[string]diag.Severity{"PWB101": diag.Error},
		RequiredFamilies: []string{"wikipedia"},
		Coverage:         always,
	}
	tests := []struct {
		args []string
		want validate.Options
	}{
		{nil, project},
		{
			[]string{"--select", "PWB1,PWB3", "--select", "wrong-type", "--ignore", "PWB301"},
			validate.Options{
				Select:           []string{"PWB1", "PWB3", "wrong-type"},
				Ignore:           []string{"PWB111", "PWB324", "PWB301"},
				Severity:         project.Severity,
				RequiredFamilies: []string{"wikipedia"},
				Coverage:         always,
			},
		},
		{
			// A severity takes back the rule the project file turned off.
			[]string{"--severity", "shadowed-key=warning,PWB101=off", "--coverage", "never",
				"--require-families", "all-wikimedia"},
			validate.Options{
				Select: []string{"PWB2"},
				Ignore: []string{"PWB111", "PWB101"},
				Severity: map[string]diag.Severity{
					"PWB101": diag.Error, "PWB324": diag.Warning,
				},
				RequiredFamilies: []string{"all-wikimedia"},
				Coverage:         never,
			},
		},
	}
	for _, tt := range tests {
		rc, err := parseRuleChoice(ruleContext(t, tt.args...))
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		got := rc.over(project)
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestRuleChoiceErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--select", "PWB99"},
		{"--select", "PW"},
		{"--ignore", "unknown-variabel"},
		{"--severity", "PWB1=error"}, // a prefix is no rule
		{"--severity", "PWB101"},
		{"--severity", "PWB101=fatal"},
		{"--require-families", "wikipedia,nowiki"},
		{"--coverage", ""},
	} {
		if _, err := parseRuleChoice(ruleContext(t, args...)); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
