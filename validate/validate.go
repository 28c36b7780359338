// Package validate checks an evaluated config with coded rules.
//
// Every rule is declared once, as a [Rule] value: its code, name, default
// severity, explanation and examples. The rule list, the explain command
// and machine-readable reports all read that declaration. Findings the
// evaluator makes while running a file (syntax errors, limits) have rules
// here too, without a check of their own, so that they are documented,
// selected and re-graded like any other.
package validate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// Options selects and tunes rules. The zero value runs every rule at its
// default severity.
type Options struct {
	// Select, when not empty, keeps only the findings of rules matching
	// one of its entries. An entry matches a rule by name, by code, or as
	// a code prefix: "PWB1" matches every PWB1xx rule.
	Select []string
	// Ignore drops the findings of rules matching one of its entries, in
	// the same way; it wins over Select.
	Ignore []string
	// Severity re-grades rules, keyed by code or name.
	Severity map[string]diag.Severity
	// RequiredFamilies are the families the coverage rules hold a file
	// to: a username and OAuth on each of their sites but test wikis.
	// nil means the eleven families of Wikimedia's OAuth manual
	// (ManualFamilies), with OAuth on www.mediawiki.org too; AllWikimedia
	// stands for every Wikimedia family.
	RequiredFamilies []string
	// Coverage says when that requirement applies; see CoverageMode.
	Coverage CoverageMode
	// Source is the text of the checked file. When it is given, inline
	// "# pwbconf: ignore[CODE] reason" comments silence findings on their
	// line, and comments that give no reason or silence nothing are
	// reported themselves.
	Source []byte
}

// enabled reports whether r's findings are wanted.
func (o *Options) enabled(r *Rule) bool {
	if r.stopsPywikibot {
		return true
	}
	if len(o.Select) > 0 && !slices.ContainsFunc(o.Select, r.matches) {
		return false
	}
	return !slices.ContainsFunc(o.Ignore, r.matches)
}

// override returns the severity the options give r, if they give one.
func (o *Options) override(r *Rule) (diag.Severity, bool) {
	if s, ok := o.Severity[r.Code]; ok {
		return s, true
	}
	s, ok := o.Severity[r.Name]
	return s, ok
}

// severity returns the severity r's findings get.
func (o *Options) severity(r *Rule) diag.Severity {
	if s, ok := o.override(r); ok {
		return s
	}
	return r.Severity
}

// Check returns every finding for cfg, the evaluator's own diagnostics
// included, sorted. Options apply to both; an evaluator finding with a
// code no rule declares is kept as it is.
func Check(cfg *model.Config, opts Options) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range cfg.Diagnostics {
		if r, ok := byCode[d.Code]; ok {
			if !opts.enabled(r) {
				continue
			}
			if s, ok := opts.override(r); ok || d.Severity == 0 {
				d.Severity = cmp.Or(s, r.Severity)
			}
		}
		out = append(out, d)
	}
	p := &pass{facts: &facts{cfg: cfg, opts: &opts}, found: out}
	blank := Unevaluated(cfg)
	for _, r := range registry {
		if r.check == nil || !opts.enabled(r) || blank && !r.aboutFileOnDisk {
			continue
		}
		p.rule, p.severity = r, opts.severity(r)
		r.check(p)
	}
	if p.cov != nil {
		// Nothing of the report outlives the rules: findings hold copies.
		p.cov.report.Release()
	}
	return capPerRule(diag.Sort(suppress(cfg, &opts, p.found, !blank)))
}

// Stop returns the evaluator's finding that ended the evaluation of cfg
// early or kept it from starting (a syntax error, an exception, a limit,
// a file over the size limit), and whether there is one: the error at
// the line where it stopped, or one that means Pywikibot cannot load the
// file. A model built from a file that was never evaluated has no
// Stopped position, so the finding is the only sign of it.
func Stop(cfg *model.Config) (diag.Diagnostic, bool) {
	for _, d := range cfg.Diagnostics {
		r, ok := byCode[d.Code]
		atStop := cfg.Stopped != nil && d.Line == cfg.Stopped.Line && d.Severity == diag.Error
		if atStop || ok && r.stopsPywikibot {
			return d, true
		}
	}
	return diag.Diagnostic{}, false
}

// Unevaluated reports whether cfg holds nothing because its evaluation
// stopped, or never started, before the file set anything. Its settings
// are then unknown rather than absent, and no rule judges them.
func Unevaluated(cfg *model.Config) bool {
	_, stopped := Stop(cfg)
	return stopped && nothingSet(cfg)
}

// nothingSet reports whether evaluation recorded nothing the file set,
// imported, read or registered.
func nothingSet(cfg *model.Config) bool {
	return len(cfg.Settings) == 0 && len(cfg.Usernames) == 0 && len(cfg.Authenticate) == 0 &&
		len(cfg.Imports) == 0 && len(cfg.EnvReads) == 0 && len(cfg.FamilyFolders) == 0
}

// maxPerRule is how many findings of one code Check returns; in their
// place a last one counts the rest. A loop in a file can set thousands of
// entries that all break a rule the same way, and a list of them all
// helps no one and takes long to print.
const maxPerRule = 100

// capPerRule keeps the first maxPerRule findings of each code of sorted
// ds and puts, where the next would be, one finding that counts the rest.
func capPerRule(ds []diag.Diagnostic) []diag.Diagnostic {
	if len(ds) <= maxPerRule {
		return ds
	}
	total := map[string]int{}
	for _, d := range ds {
		total[d.Code]++
	}
	seen := map[string]int{}
	out := ds[:0]
	for _, d := range ds {
		seen[d.Code]++
		switch n := seen[d.Code]; {
		case n <= maxPerRule:
			out = append(out, d)
		case n == maxPerRule+1:
			d.Message = fmt.Sprintf("and %d more %s findings from here on, not shown",
				total[d.Code]-maxPerRule, d.Code)
			d.Variable, d.EndLine, d.EndCol = "", 0, 0
			out = append(out, d)
		}
	}
	return out
}

// Rules returns every rule, ordered by code.
func Rules() []Rule {
	rules := make([]Rule, len(registry))
	for i, r := range registry {
		rules[i] = *r
	}
	return rules
}

// Lookup returns the rule with the given code or name.
func Lookup(codeOrName string) (Rule, bool) {
	if r, ok := byCode[strings.ToUpper(codeOrName)]; ok {
		return *r, true
	}
	for _, r := range registry {
		if r.Name == codeOrName {
			return *r, true
		}
	}
	return Rule{}, false
}
