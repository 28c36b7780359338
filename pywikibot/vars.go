package pywikibot

import (
	"slices"
	"strings"
)

// Variable is one public configuration variable of Pywikibot's config.
type Variable struct {
	Name string `json:"name"`
	// Type is the Python type name of the default value, the type a
	// user's value is checked against.
	Type string `json:"type"`
	// Annotation is the type config.py declares, when it declares one.
	Annotation string `json:"annotation,omitempty"`
	// Private marks values never to be printed.
	Private bool `json:"private,omitempty"`
	// Default is the default as JSON decodes it; absent for defaults that
	// depend on the machine and for ones JSON cannot show.
	Default any `json:"default,omitempty"`
	// MachineDependent marks defaults that depend on the machine or the
	// command line.
	MachineDependent bool   `json:"machine_dependent,omitempty"`
	Note             string `json:"note,omitempty"`
}

// Removal tells when a variable left Pywikibot.
type Removal struct {
	LastRelease string `json:"last_release_with_it"`
	GoneSince   string `json:"gone_since"`
}

type varData struct {
	Version            string             `json:"pywikibot"`
	Variables          []Variable         `json:"variables"`
	Functions          []string           `json:"functions"`
	Deprecated         map[string]string  `json:"deprecated"`
	Removed            map[string]Removal `json:"removed"`
	SocketTimeoutTypes []string           `json:"socket_timeout_types"`
	ImportsNotWarned   []string           `json:"imports_not_warned"`

	byName map[string]int
	known  []string
}

func (d *varData) index() {
	slices.SortFunc(d.Variables, func(a, b Variable) int { return strings.Compare(a.Name, b.Name) })
	d.byName = make(map[string]int, len(d.Variables))
	for i, v := range d.Variables {
		d.byName[v.Name] = i
		d.known = append(d.known, v.Name)
	}
	d.known = append(d.known, d.Functions...)
	slices.Sort(d.known)
	// One version in the data carries a trailing space, as Pywikibot's
	// own table does; it must not reach messages.
	for name, v := range d.Deprecated {
		d.Deprecated[name] = strings.TrimSpace(v)
	}
}

// Variables returns every public configuration variable, sorted by name.
// The result is shared: do not modify it.
func Variables() []Variable { return loadVars().Variables }

// LookupVariable returns the variable called name.
func LookupVariable(name string) (Variable, bool) {
	d := loadVars()
	if i, ok := d.byName[name]; ok {
		return d.Variables[i], true
	}
	return Variable{}, false
}

// Functions returns the helper functions config.py offers a
// user-config.py, such as register_families_folder.
func Functions() []string { return slices.Clone(loadVars().Functions) }

// IsFunction reports whether name is one of [Functions].
func IsFunction(name string) bool { return slices.Contains(loadVars().Functions, name) }

// KnownNames returns every top-level name Pywikibot does not call unknown
// for what it is: the variables and the helper functions, sorted.
func KnownNames() []string { return slices.Clone(loadVars().known) }

// IsKnown reports whether name is a variable or a helper function.
func IsKnown(name string) bool {
	_, ok := slices.BinarySearch(loadVars().known, name)
	return ok
}

// DeprecatedSince returns the release that deprecated the variable name.
func DeprecatedSince(name string) (version string, ok bool) {
	version, ok = loadVars().Deprecated[name]
	return version, ok
}

// RemovedIn tells when the variable name left Pywikibot.
func RemovedIn(name string) (Removal, bool) {
	r, ok := loadVars().Removed[name]
	return r, ok
}

// SocketTimeoutTypes returns the Python types socket_timeout accepts.
func SocketTimeoutTypes() []string { return slices.Clone(loadVars().SocketTimeoutTypes) }

// NotWarned reports whether Pywikibot never warns about a top-level name
// whatever its value: a name it hides (leading "_") or one of the names
// its config module imports itself, such as os.
func NotWarned(name string) bool {
	return strings.HasPrefix(name, "_") || slices.Contains(loadVars().ImportsNotWarned, name)
}
