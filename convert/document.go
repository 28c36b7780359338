package convert

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// Version is the version of the format this package writes and reads.
const Version = 1

// Document is a configuration as the format carries it: the entries of a
// model that Pywikibot reads, with secrets replaced as asked.
type Document struct {
	// Config holds the entries. Family and mylang are settings, as in the
	// model; a value read from an unset variable is Unknown with Source
	// "env:NAME" ("env-or-none:NAME" for a read that gives None where
	// the variable is unset), and the default of such a read a str with
	// Source "env:NAME" (model.Value.EnvDefault).
	Config *model.Config
	// Source names the file the values came from in the YAML comments.
	Source string
	// Env holds the secrets Env mode took out, for a .env file.
	Env []EnvVar
	// Dropped lists what the format cannot carry and was left out.
	Dropped []Dropped
	// Computed lists the entries the file computed from environment
	// reads, which the document holds as values, not as expressions.
	Computed []Computed
}

// Computed is an entry whose value the file computed from a read of an
// environment variable the check could not answer, 'Bot' +
// os.getenv('S', 'One'), rather than took as the read gave it: the
// document can hold the read, not the expression, so the entry has the
// value the default gives, or none at all when the read had no default.
type Computed struct {
	Entry model.Entry
	Var   string
	// Unresolved is set when the document holds the entry as a value
	// unresolved from the variable, which Python output cannot write.
	Unresolved bool
}

// String says what was computed, for a message.
func (c Computed) String() string {
	how := "written with the value its default gives"
	if c.Unresolved {
		how = "written as unresolved"
	}
	return fmt.Sprintf("%s is computed from environment variable %s; %s", entryLabel(c.Entry), c.Var, how)
}

// Dropped is an entry left out of a document, and why.
type Dropped struct {
	Entry  model.Entry
	Reason string
}

// String says what was left out, for a message.
func (d Dropped) String() string {
	return fmt.Sprintf("%s (line %d) left out: %s", entryLabel(d.Entry), d.Entry.Pos.Line, d.Reason)
}

// New makes the document for an evaluated config. It keeps what Pywikibot
// reads: family, mylang, usernames, authenticate and every other name the
// file left bound, except names Pywikibot passes over (a leading "_", the
// modules its config imports) and Python objects that are not data, which
// it lists in Dropped. cfg is not changed.
func New(cfg *model.Config, secrets SecretMode) *Document {
	out := &model.Config{File: cfg.File}
	d := &Document{Config: out, Source: filepath.Base(cfg.File)}
	keep := func(e model.Entry) bool {
		if reason := unfit(e.Value); reason != "" {
			d.Dropped = append(d.Dropped, Dropped{e, reason})
			return false
		}
		return true
	}
	for _, e := range cfg.Settings {
		if len(e.Path) == 1 && !pywikibot.NotWarned(e.Name()) && keep(e) {
			out.Settings = append(out.Settings, cloneEntry(e))
		}
	}
	for _, e := range cfg.Usernames {
		if len(e.Path) == 3 && keep(e) {
			out.Usernames = append(out.Usernames, cloneEntry(e))
		}
	}
	for _, e := range cfg.Authenticate {
		if len(e.Path) == 2 && keep(e) {
			out.Authenticate = append(out.Authenticate, cloneEntry(e))
		}
	}
	d.Computed = computedEntries(cfg.EnvReads, out)
	d.Env = hideSecrets(out, secrets)
	return d
}

// computedEntries finds the entries computed from environment reads. A
// value the evaluator could not know is marked as computed
// ("computed:env:NAME"); a str that the default of a read went into is
// not, and is found by its statement: an entry set by a statement that
// read a variable the check did not answer, when no entry of that
// statement holds the read itself. Of the entries a statement set, those
// that are a read themselves are passed over, unless all are: in
// os.environ.get('A', os.environ.get('B', 'x')) the read of A holds what
// the read of B gave. A value carried to another statement (a helper
// variable, a function's result) is not found.
func computedEntries(reads []model.EnvRead, cfg *model.Config) []Computed {
	var out []Computed
	seen := map[string]bool{}
	add := func(e model.Entry, name string, unresolved bool) {
		if key := entryLabel(e) + "\x00" + name; !seen[key] {
			seen[key] = true
			out = append(out, Computed{e, name, unresolved})
		}
	}
	byPos := map[model.Pos][]model.Entry{}
	for _, list := range [][]model.Entry{cfg.Settings, cfg.Usernames, cfg.Authenticate} {
		for _, e := range list {
			if e.Pos.Line == 0 {
				continue
			}
			byPos[e.Pos] = append(byPos[e.Pos], e)
			walkValues(e.Value, func(v model.Value) {
				if name, ok := computedName(v); ok {
					add(e, name, true)
				}
			})
		}
	}
	for _, r := range reads {
		entries := byPos[r.Pos]
		if r.Resolved || slices.ContainsFunc(entries, func(e model.Entry) bool {
			return slices.Contains(readNames(e.Value), r.Name)
		}) {
			continue
		}
		computed := slices.DeleteFunc(slices.Clone(entries), func(e model.Entry) bool {
			return isReadValue(e.Value)
		})
		if len(computed) == 0 {
			computed = entries
		}
		for _, e := range computed {
			add(e, r.Name, false)
		}
	}
	return out
}

// readNames returns the variables whose reads v holds as they gave them,
// or computed from them, whether the format can write the name or not.
func readNames(v model.Value) []string {
	var names []string
	walkValues(v, func(v model.Value) {
		if name, ok := readName(v); ok {
			names = append(names, name)
		}
	})
	return names
}

// readName returns the variable v is a read of, or was computed from.
func readName(v model.Value) (string, bool) {
	if name, ok := v.EnvDefault(); ok {
		return name, true
	}
	if v.Kind != model.Unknown {
		return "", false
	}
	for _, prefix := range []string{envPrefix, orNonePrefix, redactedDefaultPrefix, computedPrefix} {
		if name, ok := strings.CutPrefix(v.Source, prefix); ok {
			return name, true
		}
	}
	return "", false
}

// isReadValue reports whether v is itself what a read gave.
func isReadValue(v model.Value) bool {
	_, ok := readName(v)
	_, computed := computedName(v)
	return ok && !computed
}

// unfit says why a value has no form in the format, or returns "".
func unfit(v model.Value) string {
	reason := ""
	walkValues(v, func(it model.Value) {
		if it.Kind == model.Other && reason == "" {
			reason = "a Python " + it.TypeName() + " is not data the format can hold"
		}
	})
	return reason
}

func cloneEntry(e model.Entry) model.Entry {
	e.Path = slices.Clone(e.Path)
	e.Earlier = nil
	e.Value = keepEnvDefaults(e.Value)
	return e
}

// keepEnvDefaults returns v with the mark of each str that is only the
// default of an environment read the check could not answer
// (model.Value.EnvDefault) kept where the format can write it, as
// {"$env": NAME, "$default": text}, and taken off where it cannot (a
// variable name that is no identifier, which "${NAME}" and .env files
// cannot hold either): that str is then the default, as Python gives it
// where the variable is unset.
func keepEnvDefaults(v model.Value) model.Value {
	if _, ok := v.EnvDefault(); ok {
		if _, valid := envDefaultName(v); !valid {
			v.Source = ""
		}
		return v
	}
	if len(v.Items) > 0 {
		items := make([]model.Value, len(v.Items))
		for i, it := range v.Items {
			items[i] = keepEnvDefaults(it)
		}
		v.Items = items
	}
	if len(v.Values) > 0 {
		values := make([]model.Value, len(v.Values))
		for i, it := range v.Values {
			values[i] = keepEnvDefaults(it)
		}
		v.Values = values
	}
	return v
}

// entryLabel names an entry as Python would write its target.
func entryLabel(e model.Entry) string {
	s := e.Path[0]
	for _, p := range e.Path[1:] {
		s += "[" + strconv.Quote(p) + "]"
	}
	return s
}

// HasSecrets reports whether the document holds a secret in the clear: a
// string of a secret entry, or one that holds such a string or a text
// that is a credential by its shape (model.Config.Secrets) anywhere else.
func (d *Document) HasSecrets() bool {
	h := &hider{secrets: secretTexts(d.Config)}
	for _, list := range [][]model.Entry{d.Config.Settings, d.Config.Usernames, d.Config.Authenticate} {
		for _, e := range list {
			if slices.ContainsFunc(e.Value.Strings(), h.leaky) {
				return true
			}
		}
	}
	return false
}

// Node builds the document as a YAML node tree, with a comment giving the
// line of the file that set each entry.
func (d *Document) Node() (*yaml.Node, error) {
	root := mapping()
	addPair(root, strNode("version"), scalar("!!int", strconv.Itoa(Version)))
	var settings []model.Entry
	for _, e := range d.Config.Settings {
		switch e.Name() {
		case "family", "mylang":
			n, err := valueNode(e.Value, model.List)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", e.Name(), err)
			}
			d.pair(root, e.Name(), n, e)
		default:
			settings = append(settings, e)
		}
	}
	sections := []struct {
		name  string
		build func() (*yaml.Node, error)
	}{
		{"usernames", d.usernamesNode},
		{"authenticate", d.authenticateNode},
		{"settings", func() (*yaml.Node, error) { return d.settingsNode(settings) }},
	}
	for _, s := range sections {
		n, err := s.build()
		if err != nil {
			return nil, err
		}
		if len(n.Content) > 0 {
			addPair(root, strNode(s.name), n)
		}
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	doc.HeadComment = d.header()
	return doc, nil
}

func (d *Document) header() string {
	from := ""
	if d.Source != "" && d.Source != "." {
		from = " from " + d.Source
	}
	return "Pywikibot configuration, converted by pwbconf" + from + ".\n" +
		"A value \"${NAME}\" is read from the environment variable NAME, and so is a value\n" +
		"{$env: NAME, $default: D}, which is the string D where NAME is unset.\n" +
		"The format is described by the JSON Schema that \"pwbconf schema\" prints."
}

// pair adds key: n to m with a comment saying where the entry was set,
// after the value when it shares the key's line (a scalar, or anything
// written in flow style) and after the key otherwise. The YAML encoder
// puts a key's comment after a flow value on the key's line, and before
// an empty one, which then moves to a line of its own.
func (d *Document) pair(m *yaml.Node, key string, n *yaml.Node, e model.Entry) {
	k := strNode(key)
	if e.Pos.Line > 0 && d.Source != "" {
		at := k
		if n.Kind == yaml.ScalarNode || n.Style&yaml.FlowStyle != 0 || len(n.Content) == 0 {
			at = n
		}
		at.LineComment = d.Source + ":" + strconv.Itoa(e.Pos.Line)
	}
	addPair(m, k, n)
}

func (d *Document) usernamesNode() (*yaml.Node, error) {
	out := mapping()
	families := map[string]*yaml.Node{}
	for _, e := range d.Config.Usernames {
		fam := families[e.Path[1]]
		if fam == nil {
			fam = mapping()
			families[e.Path[1]] = fam
			addPair(out, strNode(e.Path[1]), fam)
		}
		n, err := valueNode(e.Value, model.List)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", entryLabel(e), err)
		}
		d.pair(fam, e.Path[2], n, e)
	}
	return out, nil
}

func (d *Document) authenticateNode() (*yaml.Node, error) {
	out := mapping()
	for _, e := range d.Config.Authenticate {
		n, err := authNode(e.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", entryLabel(e), err)
		}
		d.pair(out, e.Name(), n, e)
	}
	return out, nil
}

func (d *Document) settingsNode(entries []model.Entry) (*yaml.Node, error) {
	out := mapping()
	for _, e := range entries {
		n, err := valueNode(e.Value, bareSeq(e.Name()))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", e.Name(), err)
		}
		d.pair(out, e.Name(), n, e)
	}
	return out, nil
}

// bareSeq is what a plain array means as the value of a setting: a tuple
// where Pywikibot's default is one (socket_timeout), a list elsewhere.
func bareSeq(name string) seqKind {
	if v, ok := pywikibot.LookupVariable(name); ok && v.Type == "tuple" {
		return model.Tuple
	}
	return model.List
}

// The shapes of an authenticate value.
type shape int

const (
	shapeRaw shape = iota
	shapeOAuth
	shapeBasic
)

// authShape tells an OAuth token set (a tuple of four strings) and basic
// auth (a tuple of two) from anything else, which the format keeps raw.
// A read of the environment or a redacted secret counts as a string.
func authShape(v model.Value) shape {
	if v.Kind != model.Tuple {
		return shapeRaw
	}
	for _, it := range v.Items {
		if it.Kind != model.Str && !isRead(it) && !IsRedacted(it) {
			return shapeRaw
		}
	}
	switch len(v.Items) {
	case 4:
		return shapeOAuth
	case 2:
		return shapeBasic
	}
	return shapeRaw
}

// authNode writes an authenticate value as named fields when it has the
// shape of OAuth or basic auth, and under "raw" otherwise, where a plain
// array stands for a tuple.
func authNode(v model.Value) (*yaml.Node, error) {
	var fields []string
	switch authShape(v) {
	case shapeOAuth:
		fields = oauthFields
	case shapeBasic:
		fields = basicFields
	default:
		n, err := valueNode(v, model.Tuple)
		if err != nil {
			return nil, err
		}
		return marker("raw", n), nil
	}
	out := mapping()
	for i, f := range fields {
		n, err := valueNode(v.Items[i], model.List)
		if err != nil {
			return nil, err
		}
		addPair(out, strNode(f), n)
	}
	return out, nil
}

// YAML returns the document as YAML, with comments.
func (d *Document) YAML() ([]byte, error) {
	doc, err := d.Node()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// JSON returns the document as indented JSON: the content of the YAML,
// without the comments.
func (d *Document) JSON() ([]byte, error) {
	doc, err := d.Node()
	if err != nil {
		return nil, err
	}
	var compact bytes.Buffer
	if err := writeJSON(&compact, doc.Content[0]); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// writeJSONString quotes s for JSON, escaping every character that is not
// printable: YAML readers refuse some that JSON allows raw, and a stray
// control character in a token should be visible.
func writeJSONString(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			buf.WriteByte('\\')
			buf.WriteRune(r)
		case r == '\n':
			buf.WriteString(`\n`)
		case r == '\t':
			buf.WriteString(`\t`)
		case r == ' ' || unicode.IsPrint(r):
			buf.WriteRune(r)
		case r > 0xFFFF && r != utf8.RuneError:
			// Written as is: a surrogate pair of \u escapes is valid JSON,
			// but the YAML reader that decodes it rejects one.
			buf.WriteRune(r)
		default:
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(buf, `\u%04x`, u)
			}
		}
	}
	buf.WriteByte('"')
}

// writeJSON prints a node tree this package built; its scalars other than
// strings are already valid JSON text.
func writeJSON(buf *bytes.Buffer, n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		if n.Tag != "!!str" {
			buf.WriteString(n.Value)
			return nil
		}
		writeJSONString(buf, n.Value)
		return nil
	}
	open, end := "[", "]"
	if n.Kind == yaml.MappingNode {
		open, end = "{", "}"
	}
	buf.WriteString(open)
	for i, c := range n.Content {
		switch {
		case i == 0:
		case n.Kind == yaml.MappingNode && i%2 == 1:
			buf.WriteByte(':')
		default:
			buf.WriteByte(',')
		}
		if err := writeJSON(buf, c); err != nil {
			return err
		}
	}
	buf.WriteString(end)
	return nil
}
