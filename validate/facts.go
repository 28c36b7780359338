package validate

import (
	"github.com/pwbconf/pwbconf/model"
)

// facts are what several rules read off one config. Check works each out
// once, when the first rule asks for it, rather than once per rule.
type facts struct {
	cfg  *model.Config
	opts *Options

	auth     []model.Entry
	authDone bool
	tokens   []tokenEntry
	tokDone  bool
	fams     *familySet
	site     *siteRef
	siteOK   bool
	codes    []codeVerdict
	cov      *coverageFacts
}

// authEntries returns the file's authenticate entries, each with its key.
func (f *facts) authEntries() []model.Entry {
	if !f.authDone {
		f.auth, f.authDone = authEntries(f.cfg), true
	}
	return f.auth
}

// hasAuthKey reports whether the file sets authenticate[key].
func (f *facts) hasAuthKey(key string) bool {
	for _, e := range f.authEntries() {
		if e.Name() == key {
			return true
		}
	}
	return false
}

// tokenEntry is an authenticate entry with a four-item value, and its
// tokens examined.
type tokenEntry struct {
	entry *model.Entry
	slots [4]slot
}

// tokenEntries calls fn for each authenticate entry with a four-item value.
func (f *facts) tokenEntries(fn func(e model.Entry, slots []slot)) {
	if !f.tokDone {
		auth := f.authEntries()
		for i := range auth {
			if slots, ok := oauthSlots(auth[i]); ok {
				f.tokens = append(f.tokens, tokenEntry{&auth[i], slots})
			}
		}
		f.tokDone = true
	}
	for i := range f.tokens {
		fn(*f.tokens[i].entry, f.tokens[i].slots[:])
	}
}

// families returns what the file can name as a family.
func (f *facts) families() *familySet {
	if f.fams == nil {
		fs := families(f.cfg)
		f.fams = &fs
	}
	return f.fams
}

// defaultSite is [defaultSite] of the file.
func (f *facts) defaultSite() (siteRef, bool) {
	if f.site == nil {
		s, ok := defaultSite(f.cfg)
		f.site, f.siteOK = &s, ok
	}
	return *f.site, f.siteOK
}

// coverage returns what the coverage rules share.
func (f *facts) coverage() *coverageFacts {
	if f.cov == nil {
		f.cov = newCoverageFacts(f.cfg, f.opts)
	}
	return f.cov
}
