package validate

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// TestExamples runs every rule's examples through the evaluator: the bad
// one must produce the rule's finding, the good one must not.
func TestExamples(t *testing.T) {
	opts := parser.Options{Timeout: 300 * time.Millisecond}
	for _, r := range registry {
		t.Run(r.Code+"-"+r.Name, func(t *testing.T) {
			if r.exampleUntestable != "" {
				t.Skip(r.exampleUntestable)
			}
			bad := parser.Evaluate("bad.py", []byte(r.Bad), opts)
			if isEmpty(bad) {
				t.Skip("the evaluator returns an empty model")
			}
			badOpts := Options{Source: []byte(r.Bad)}
			if !hasCode(Check(bad, badOpts), r.Code) {
				t.Errorf("bad example gives no %s finding:\n%s\ngot %+v", r.Code, r.Bad,
					Check(bad, badOpts))
			}
			good := parser.Evaluate("good.py", []byte(r.Good), opts)
			if ds := Check(good, Options{Source: []byte(r.Good)}); hasCode(ds, r.Code) {
				t.Errorf("good example gives a %s finding:\n%s\ngot %+v", r.Code, r.Good, ds)
			}
		})
	}
}

func isEmpty(cfg *model.Config) bool {
	return len(cfg.Settings) == 0 && len(cfg.Usernames) == 0 && len(cfg.Authenticate) == 0 &&
		len(cfg.Diagnostics) == 0 && len(cfg.Imports) == 0 && len(cfg.EnvReads) == 0 &&
		cfg.Stopped == nil
}

func hasCode(ds []diag.Diagnostic, code string) bool {
	return slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Code == code })
}

// TestExamplesDiffer checks that no rule shows the same snippet as its
// bad and its good example.
func TestExamplesDiffer(t *testing.T) {
	for _, r := range registry {
		if r.Bad != "" && strings.TrimSpace(r.Bad) == strings.TrimSpace(r.Good) {
			t.Errorf("%s: the bad and the good example are the same", r.Code)
		}
	}
}
