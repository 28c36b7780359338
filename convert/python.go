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
// variable is unset, and a read with a default os.environ.get(NAME,
// default). A value unresolved for another reason, or redacted,
// has no Python form; the error names every such entry.
func (d *Document) Python() ([]byte, error) {
	w := &pyWriter{}
	w.section(d.Config.Settings, func(e model.Entry) bool { return isTop(e) })
	w.section(d.Config.Usernames, nil)
	w.section(d.Config.Authenticate, nil)
	w.section(d.Config.Settings, func(e model.Entry) bool { return !isTop(e) })
	if len(w.problems) > 0 {
		return nil, fmt.Errorf("cannot write Python for %s", strings.Join(w.problems, "; "))
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
	body     strings.Builder
	usesOS   bool
	problems []string
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
		w.problems = append(w.problems, fmt.Sprintf("%q: not a name Python can assign to", e.Name()))
		return
	}
	var bad []string
	walkValues(e.Value, func(v model.Value) {
		if _, env := EnvName(v); v.Kind == model.Unknown && !env {
			bad = append(bad, describeUnknown(v))
		}
	})
	if len(bad) > 0 {
		w.problems = append(w.problems, entryLabel(e)+": "+strings.Join(bad, ", "))
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
	if IsRedacted(v) {
		return "a redacted secret"
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
		name, _ := EnvName(v)
		w.usesOS = true
		return "os.environ[" + pyString(name) + "]"
	}
	w.problems = append(w.problems, "a Python "+v.TypeName())
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
