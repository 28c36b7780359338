// Package pywikibot holds the facts pwbconf knows about Pywikibot (its
// families and sites, its configuration variables) and the rules
// Pywikibot itself follows to read a user-config.py: which code a site
// really gets, which username it logs in with, which authenticate key
// serves a host.
//
// The facts are embedded JSON read off Pywikibot; the version they
// describe is [Version]. The package reads nothing at run time.
package pywikibot

import (
	"embed"
	"encoding/json"
	"sync"
)

//go:embed data/pywikibot-sites.json data/pywikibot-config-vars.json
var dataFS embed.FS

// Version returns the Pywikibot release the embedded facts describe. Both
// files name it (a test checks they agree); it is read from the variables,
// a twelfth of the size of the sites, so that an evaluator, which needs
// the version for a default but no site, starts without decoding them.
func Version() string { return loadVars().Version }

// mustLoad decodes one embedded file. A failure is a broken build, not a
// condition callers could handle, so it panics; a test guards it.
func mustLoad(name string, into any) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		panic("pywikibot: " + err.Error())
	}
	if err := json.Unmarshal(b, into); err != nil {
		panic("pywikibot: " + name + ": " + err.Error())
	}
}

var loadSites = sync.OnceValue(func() *siteData {
	var d siteData
	mustLoad("pywikibot-sites.json", &d)
	d.index()
	return &d
})

var loadVars = sync.OnceValue(func() *varData {
	var d varData
	mustLoad("pywikibot-config-vars.json", &d)
	d.index()
	return &d
})
