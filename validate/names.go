package validate

import (
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// nameClass is what Pywikibot makes of a top-level name a file leaves
// bound. It decides which one rule speaks about the name, so that the
// variable rules never report one name twice.
type nameClass int

const (
	// silent: a hidden name ("_x") or one config.py imports itself.
	silent nameClass = iota
	// known: a variable or helper; its type is checked.
	known
	// deprecated: Pywikibot warns that the name is deprecated. A name both
	// deprecated and removed is this, since that is what Pywikibot says.
	deprecated
	// removed: once a variable, now unknown to Pywikibot.
	removed
	// unknown: anything else.
	unknown
)

// classify follows the order of Pywikibot's own check: known names first
// (whatever they look like), then hidden and imported names, then the
// deprecated table, then everything else.
func classify(name string) nameClass {
	switch {
	case pywikibot.IsKnown(name):
		return known
	case pywikibot.NotWarned(name):
		return silent
	}
	if _, ok := pywikibot.DeprecatedSince(name); ok {
		return deprecated
	}
	if _, ok := pywikibot.RemovedIn(name); ok {
		return removed
	}
	return unknown
}

// topLevel calls f for each top-level name the file left bound whose
// class is c.
func (p *pass) topLevel(c nameClass, f func(name string, e model.Entry)) {
	for _, e := range p.cfg.Settings {
		if len(e.Path) == 1 && classify(e.Path[0]) == c {
			f(e.Path[0], e)
		}
	}
}
