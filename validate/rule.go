package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// Rule is the one declaration of a check.
type Rule struct {
	// Code identifies the rule for good: it never changes and is never
	// given to another rule.
	Code string
	// Name is a short kebab-case name, usable wherever a code is.
	Name     string
	Severity diag.Severity
	// Summary is one line for rule lists.
	Summary string
	// Doc is one paragraph: what is wrong, what Pywikibot does with it,
	// how to fix it.
	Doc string
	// Bad and Good are user-config.py snippets; Bad produces the finding,
	// Good is the fix and does not.
	Bad, Good string
	// Pywikibot names the warning Pywikibot prints for the same problem
	// ("unknown", "type", "deprecated"), or is empty when it prints none.
	Pywikibot string

	// check makes the findings; nil for the evaluator's rules.
	check func(*pass)
	// stopsPywikibot marks the evaluator's findings that mean Pywikibot
	// cannot load the file at all. --select and --ignore never hide them:
	// a run that selects the token rules must still fail on a file that
	// does not parse.
	stopsPywikibot bool
	// aboutFileOnDisk marks a check that looks at the file as it lies on
	// disk, not at what evaluating it set; it runs on a file that was not
	// evaluated too.
	aboutFileOnDisk bool
	// exampleUntestable says why Bad cannot be shown to produce the
	// finding by evaluating it alone; empty for most rules.
	exampleUntestable string
}

// matches reports whether a --select or --ignore entry names r.
func (r *Rule) matches(entry string) bool {
	if entry == "" {
		return false
	}
	return entry == r.Name || strings.HasPrefix(r.Code, strings.ToUpper(entry))
}

// registry holds every rule, ordered by code; byCode indexes it.
var registry, byCode = index(
	// Evaluation.
	unreadable,
	syntaxError, exception, removedName, refused, timeLimit, memoryLimit,
	recursionLimit, internalError, unknownImport, unresolvedEnv, unsupportedSyntax,
	fileSystem,
	// Top-level variables.
	unknownVariable, wrongType, deprecatedVariable, removedVariable,
	userAgentDeprecated, userAgentUnknown, privatePermission, unsafeFile,
	defaultSiteUnset, unknownDefaultSite, setTwice,
	// Usernames and sites.
	unknownFamily, unknownSiteCode, oldSiteCode, uppercaseSiteCode, closedWiki,
	removedWiki, missingFamilyFolder, usernameNotString, emptyUsername,
	placeholderUsername, botPasswordUsername,
	// Coverage of the required families.
	oauthWithoutUsername, missingUsername, missingOAuth, bareDomainGapRule,
	usernameWithoutOAuth, botPasswordWithOAuth, passwordFileUnused, mixedIdentities,
	// Authenticate and tokens.
	authValueShape, tokenNotString, placeholderTokenRule, tokenShape, swappedTokens,
	tokenWhitespace, uppercaseToken, repeatedToken, oauth2Token, basicAuthOnWikimedia,
	clearTextPassword, keyNeverMatches, keyMatchesNoWiki, catchAllKey, bareDomainKey,
	shadowedKey,
	// Suppression comments.
	suppressionNoReason, unusedSuppression, badSuppression,
)

func index(rules ...*Rule) ([]*Rule, map[string]*Rule) {
	slices.SortFunc(rules, func(a, b *Rule) int { return strings.Compare(a.Code, b.Code) })
	m := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		if m[r.Code] != nil {
			panic("validate: two rules with code " + r.Code)
		}
		m[r.Code] = r
	}
	return rules, m
}

// pass is one rule's run over one config: the base every check builds
// on. It supplies the config, the facts the rules share, and the report
// helper, which fills in what every finding of the rule shares.
type pass struct {
	*facts
	rule     *Rule
	severity diag.Severity
	// found collects the findings of every rule run so far.
	found []diag.Diagnostic
}

// report records a finding at pos about the top-level name variable
// (empty when the finding is about no one name).
func (p *pass) report(pos model.Pos, variable, format string, args ...any) {
	p.found = append(p.found, diag.Diagnostic{
		Code:     p.rule.Code,
		Severity: p.severity,
		Message:  fmt.Sprintf(format, args...),
		File:     p.cfg.File,
		Line:     pos.Line,
		Column:   pos.Col,
		Variable: variable,
	})
}

// NearestRule suggests the rule a misspelt entry of a suppression, a flag
// or the project file meant: the code an entry spells with a letter for a
// digit (PWB1O1), or else the nearest name, or nothing when none is near.
// Codes are not suggested by distance: PWB999 is as near to PWB099 as to
// PWB009, and neither is a likely meaning.
func NearestRule(entry string) string {
	if r, ok := byCode[codeLookalikes.Replace(strings.ToUpper(entry))]; ok {
		return r.Code
	}
	names := make([]string, 0, len(registry))
	for _, r := range registry {
		names = append(names, r.Name)
	}
	return pywikibot.Nearest(entry, names)
}

// codeLookalikes are the letters typed for the digits they resemble.
var codeLookalikes = strings.NewReplacer("O", "0", "I", "1", "L", "1")
