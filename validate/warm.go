package validate

import (
	"github.com/pwbconf/pwbconf/coverage"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// Warm builds the tables that Check otherwise builds on its first call:
// Pywikibot's sites and variables, the coverage site table, and what
// each authenticate key reaches. They take a few milliseconds, which a
// command can spend in a goroutine while it starts other work, such as
// the worker processes that evaluate files, so that its first Check
// costs no more than the next. Warm is safe to call at any time from any
// goroutine, also while Check runs; Check works without it.
func Warm() {
	pywikibot.Hosts()
	pywikibot.Variables()
	coverage.Warm()
	reaches()
	wildcardKeys()
}
