package pywikibot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/model"
)

// Usernames is a config's usernames dict as the file left it:
// usernames[family][code] -> the entry that set it. The family key "*"
// holds the entries every family falls back to.
type Usernames map[string]map[string]*model.Entry

// NewUsernames indexes the model's username entries. An entry whose path
// is not ["usernames", family, code] is not a username and is left out.
// The index and what it resolves point into entries.
func NewUsernames(entries []model.Entry) Usernames {
	u := make(Usernames)
	for i := range entries {
		e := &entries[i]
		if len(e.Path) != 3 || e.Path[0] != "usernames" {
			continue
		}
		fam, code := e.Path[1], e.Path[2]
		if u[fam] == nil {
			u[fam] = make(map[string]*model.Entry)
		}
		u[fam][code] = e
	}
	return u
}

// Resolved is the username a site gets, and the entry it came from.
type Resolved struct {
	// Entry is the usernames[FamilyKey][CodeKey] entry that served the
	// site, or nil when none did and the site has no username.
	Entry     *model.Entry
	FamilyKey string
	CodeKey   string
	// Name is the name after Pywikibot's normalisation. It is empty when
	// no entry served the site or the value is not a plain string.
	Name string
}

// Found reports whether some entry served the site.
func (r Resolved) Found() bool { return r.Entry != nil }

// Blank reports a string value that normalises to nothing, such as "_ _":
// Python holds it true, so no other entry is tried, but Pywikibot then
// has an empty name and every login fails.
func (r Resolved) Blank() bool {
	return r.Entry != nil && r.Entry.Value.Kind == model.Str && r.Name == ""
}

// NotString reports a value that is neither a str nor unknown, such as
// the 1-tuple a trailing comma makes. Pywikibot fails with TypeError when
// it normalises such a name, so the site cannot be built at all.
func (r Resolved) NotString() bool {
	return r.Entry != nil && r.Entry.Value.Kind != model.Str && r.Entry.Value.Kind != model.Unknown
}

// Unknown reports a value the evaluator could not know, such as one read
// from an unset environment variable.
func (r Resolved) Unknown() bool { return r.Entry != nil && r.Entry.Value.Kind == model.Unknown }

// Username resolves the username of the site family:code the way
// pywikibot.Site does: usernames['*'] overlaid with usernames[family],
// then the code's entry, then the '*' entry. An entry whose value Python
// holds false (an empty string, None, an empty tuple) is passed over.
// The code is used as given, before [NormalizeCode] would change it.
func Username(u Usernames, family, code string) Resolved {
	star, own := u["*"], u[family]
	for _, key := range [2]string{code, "*"} {
		// The overlay, looked up without building it.
		e, ok := own[key]
		if !ok {
			e, ok = star[key]
		}
		if ok && Truthy(e.Value) {
			return resolved(e, key)
		}
	}
	return Resolved{}
}

// LoginUsername resolves the username the way "login.py -all" does:
// usernames[family], or usernames['*'] only when the family has no entry
// at all, then the code's entry or the '*' entry. Unlike [Username] it
// does not mix the two dicts.
func LoginUsername(u Usernames, family, code string) Resolved {
	codes := u[family]
	if len(codes) == 0 {
		codes = u["*"]
	}
	return pick(codes, code)
}

func pick(codes map[string]*model.Entry, code string) Resolved {
	for _, key := range [2]string{code, "*"} {
		if e, ok := codes[key]; ok && Truthy(e.Value) {
			return resolved(e, key)
		}
	}
	return Resolved{}
}

// resolved is the outcome of the entry e found under the code key.
func resolved(e *model.Entry, key string) Resolved {
	r := Resolved{Entry: e, FamilyKey: e.Path[1], CodeKey: key}
	if e.Value.Kind == model.Str {
		r.Name = NormalizeUsername(e.Value.Str)
	}
	return r
}

// Truthy is Python's bool() for the values a model holds. An unknown
// value counts as true: it is most likely a non-empty string.
func Truthy(v model.Value) bool {
	switch v.Kind {
	case model.Str:
		return v.Str != ""
	case model.Int:
		return v.Int != nil && v.Int.Sign() != 0
	case model.Float:
		return v.Float != 0
	case model.Bool:
		return v.Bool
	case model.None:
		return false
	case model.Tuple, model.List:
		return len(v.Items) > 0
	case model.Dict:
		return len(v.Keys) > 0
	}
	return true
}

var spaceRun = regexp.MustCompile(`[_ ]+`)

// NormalizeUsername turns a name into the form Pywikibot logs in with:
// runs of underscores and spaces become one space, surrounding white
// space goes, and the first letter is upper-cased. MediaWiki's exceptions
// to upper-casing a few rare letters are not mirrored. A name of nothing
// but blanks comes out empty, which Pywikibot cannot log in with.
func NormalizeUsername(name string) string {
	if strings.Contains(name, "_") || strings.Contains(name, "  ") {
		// Most names have no run to fold, and are spared the regexp.
		name = spaceRun.ReplaceAllString(name, " ")
	}
	name = strings.TrimFunc(name, pythonSpace)
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return ""
	}
	if up := unicode.ToUpper(r); up != r || r == utf8.RuneError {
		// Writing the rune out turns an invalid first byte into U+FFFD.
		return string(up) + name[size:]
	}
	return name
}

// pythonSpace is Python's str.isspace for one character, which str.strip
// uses: Go's white space plus the four ASCII separators U+001C to U+001F.
func pythonSpace(r rune) bool {
	return unicode.IsSpace(r) || 0x1c <= r && r <= 0x1f
}
