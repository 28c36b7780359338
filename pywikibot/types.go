package pywikibot

import (
	"slices"

	"github.com/pwbconf/pwbconf/model"
)

// functionType is the Python type of the helpers config.py defines.
const functionType = "function"

// subtypes lists, for a Python type, the types whose values isinstance()
// accepts for it among those a config file can make.
var subtypes = map[string][]string{
	"int":  {"bool"},
	"dict": {"defaultdict", "OrderedDict", "Counter"},
}

// ExpectedTypes returns the Python types Pywikibot accepts for the known
// variable or helper name; nil means any type, because the default is
// None. ok is false for a name Pywikibot does not know.
//
// Pywikibot compares against the type of the default it has, which for
// usernames and disambiguation_comment is defaultdict; the data records
// them as dict, so a plain dict rebinding them is not caught here.
func ExpectedTypes(name string) (types []string, ok bool) {
	if name == "socket_timeout" {
		return SocketTimeoutTypes(), true
	}
	if v, found := LookupVariable(name); found {
		if v.Type == "NoneType" {
			return nil, true
		}
		return []string{v.Type}, true
	}
	if IsFunction(name) {
		return []string{functionType}, true
	}
	return nil, false
}

// TypeAccepted applies Pywikibot's type check to the value a file gave the
// known variable name: None on either side passes, as does a value of
// one of [ExpectedTypes] or a subtype of it, and an int (or bool) where
// the default is a float, which Pywikibot converts. An unknown value
// passes, since nothing can be said of it. A name Pywikibot does not know
// passes too; other rules deal with it.
func TypeAccepted(name string, v model.Value) bool {
	want, known := ExpectedTypes(name)
	if !known || want == nil || v.Kind == model.None || v.Kind == model.Unknown {
		return true
	}
	got := v.TypeName()
	for _, w := range want {
		if got == w || slices.Contains(subtypes[w], got) {
			return true
		}
		if w == "float" && (got == "int" || got == "bool") {
			return true
		}
	}
	return false
}
