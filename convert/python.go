package convert

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pwbconf/pwbconf/model"
)

// pyKeywords are the names Python does not let a file assign to.
var pyKeywords = strings.Fields(`False None True and as assert async await break class
	continue def del elif else except finally for from global if import in is lambda
	nonlocal not or pass raise return try while with yield`)

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// Python returns a user-config.py that Pywikibot loads into the values of
// the document: references to the environment become os.environ reads,
// which fail in Pywikibot as they would have in the original when the
// variable is unset, a read with a default os.environ.get(NAME,
// default), and one with a null default os.environ.get(NAME). A value
// unresolved for another reason, or redacted, has no Python form; the
// error is a *PythonError naming every such entry.
func (d *Document) Python() ([]byte, error) {
	w := &pyWriter{}
	w.section(d.Config.Settings, func(e model.Entry) bool { return isTop(e) })
	w.section(d.Config.Usernames, nil)
	w.section(d.Config.Authenticate, nil)
	w.section(d.Config.Settings, func(e model.Entry) bool { return !isTop(e) })
	if len(w.err.Redacted)+len(w.err.Problems) > 0 {
		return nil, &w.err
	}
	var b strings.Builder
	b.WriteString("# Pywikibot configuration, written by pwbconf")
	if d.Source != "" && d.Source != "." {
		b.WriteString(" from " + d.Source)
	}
	b.WriteString(".\n")
	b.WriteString("# Pywikibot runs this file; os.environ[...] reads a value from the environment.\n")
	if w.usesOS {
		b.WriteString("import os\n")
	}
	b.WriteString(w.body.String())
	return []byte(b.String()), nil
}

func isTop(e model.Entry) bool { return e.Name() == "family" || e.Name() == "mylang" }

type pyWriter struct {
	body   strings.Builder
	usesOS bool
	err    PythonError
}

// PythonError lists what kept [Document.Python] from writing a document.
type PythonError struct {
	// Redacted names the entries that hold redacted secrets, and Secrets
	// counts those secrets.
	Redacted []string
	Secrets  int
	// Problems says, for each other entry, why it has no Python form.
	Problems []string
}

// Error names the first few entries of each kind: a config that gives
// one token set to many domains redacts dozens of secrets.
func (e *PythonError) Error() string {
	var parts []string
	if len(e.Redacted) > 0 {
		noun := "secrets"
		if e.Secrets == 1 {
			noun = "secret"
		}
		parts = append(parts, fmt.Sprintf("%d redacted %s, in %s", e.Secrets, noun,
			listNames(e.Redacted, 3)))
	}
	if len(e.Problems) > 0 {
		parts = append(parts, listNames(e.Problems, 3))
	}
	return "cannot write Python for " + strings.Join(parts, "; ")
}

// listNames lists up to n names and counts the rest: a, b, c and 2 more.
func listNames(names []string, n int) string {
	if len(names) <= n {
		if len(names) < 2 {
			return strings.Join(names, "")
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}

// section writes the entries keep accepts, after a blank line.
func (w *pyWriter) section(entries []model.Entry, keep func(model.Entry) bool) {
	first := true
	for _, e := range entries {
		if keep != nil && !keep(e) {
			continue
		}
		if first {
			w.body.WriteString("\n")
			first = false
		}
		w.entry(e)
	}
}

func (w *pyWriter) entry(e model.Entry) {
	target, ok := pyTarget(e)
	if !ok {
		w.err.Problems = append(w.err.Problems, fmt.Sprintf("%q: not a name Python can assign to", e.Name()))
		return
	}
	var bad []string
	redacted := 0
	walkValues(e.Value, func(v model.Value) {
		_, env := EnvName(v)
		_, orNone := orNoneName(v)
		switch {
		case v.Kind != model.Unknown || env || orNone:
		case IsRedacted(v):
			redacted++
		default:
			bad = append(bad, describeUnknown(v))
		}
	})
	if redacted > 0 {
		w.err.Redacted = append(w.err.Redacted, entryLabel(e))
		w.err.Secrets += redacted
	}
	if len(bad) > 0 {
		w.err.Problems = append(w.err.Problems, entryLabel(e)+": "+strings.Join(bad, ", "))
	}
	if redacted+len(bad) > 0 {
		return
	}
	w.body.WriteString(target + " = ")
	if authShape(e.Value) != shapeRaw && e.Path[0] == "authenticate" {
		w.body.WriteString("(\n")
		for _, it := range e.Value.Items {
			w.body.WriteString("    " + w.literal(it) + ",\n")
		}
		w.body.WriteString(")\n")
		return
	}
	w.body.WriteString(w.literal(e.Value) + "\n")
}

func describeUnknown(v model.Value) string {
	if name, ok := computedName(v); ok {
		return "a value computed from environment variable " + name
	}
	return "a value unresolved from " + strconv.Quote(v.Source)
}

// pyTarget writes the assignment target of an entry.
func pyTarget(e model.Entry) (string, bool) {
	name := e.Path[0]
	if len(e.Path) == 1 && (!identifier.MatchString(name) || isKeyword(name)) {
		return "", false
	}
	for _, key := range e.Path[1:] {
		name += "[" + pyString(key) + "]"
	}
	return name, true
}

func isKeyword(name string) bool { return slices.Contains(pyKeywords, name) }

// literal writes v as a Python expression.
func (w *pyWriter) literal(v model.Value) string {
	switch v.Kind {
	case model.Str:
		if name, ok := envDefaultName(v); ok {
			w.usesOS = true
			return "os.environ.get(" + pyString(name) + ", " + pyString(v.Str) + ")"
		}
		return pyString(v.Str)
	case model.Int:
		if v.Int == nil {
			return "0"
		}
		return v.Int.String()
	case model.Float:
		if math.IsInf(v.Float, 0) || math.IsNaN(v.Float) {
			return "float('" + model.FloatRepr(v.Float) + "')"
		}
		return model.FloatRepr(v.Float)
	case model.Bool:
		if v.Bool {
			return "True"
		}
		return "False"
	case model.None:
		return "None"
	case model.Tuple:
		if len(v.Items) == 1 {
			return "(" + w.literal(v.Items[0]) + ",)"
		}
		return "(" + w.items(v.Items) + ")"
	case model.List:
		return "[" + w.items(v.Items) + "]"
	case model.Dict:
		parts := make([]string, len(v.Keys))
		for i, k := range v.Keys {
			parts[i] = pyString(k) + ": " + w.literal(v.Values[i])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case model.Unknown:
		w.usesOS = true
		if name, ok := orNoneName(v); ok {
			return "os.environ.get(" + pyString(name) + ")"
		}
		name, _ := EnvName(v)
		return "os.environ[" + pyString(name) + "]"
	}
	w.err.Problems = append(w.err.Problems, "a Python "+v.TypeName())
	return "None"
}

func (w *pyWriter) items(items []model.Value) string {
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = w.literal(it)
	}
	return strings.Join(parts, ", ")
}

// pyString writes s as Python's repr does: single quotes unless the text
// holds one and no double quote, escapes for what is not printable.
func pyString(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch {
		case r == quote || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}
