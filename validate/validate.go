// Package validate checks an evaluated config with coded rules.
//
// STUB: this file only fixes the API that other packages build against.
package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// Options selects and tunes rules.
type Options struct{}

// Check returns every finding for cfg, the evaluator's own diagnostics
// included, sorted.
func Check(cfg *model.Config, opts Options) []diag.Diagnostic {
	return diag.Sort(append([]diag.Diagnostic(nil), cfg.Diagnostics...))
}
