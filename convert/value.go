package convert

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/model"
)

// The markers: one-key objects that stand for what JSON cannot say. A
// dict key of the file's own that starts with "$" is written with one
// more "$", so no dict is ever taken for a marker.
const (
	markTuple      = "$tuple"
	markList       = "$list"
	markFloat      = "$float"
	markUnresolved = "$unresolved"
	markRedacted   = "$redacted"
)

// The two keys of the one object that is not a one-key marker:
// {"$env": "NAME", "$default": "text"} is a read of the variable NAME with
// a default, os.environ.get('NAME', 'text'): what NAME holds where it is
// set, the text where it is not. The default is a plain string, never
// escaped nor taken for a reference, so any text has one form; it may
// also be {"$redacted": true}, a secret default left out, or null, for
// os.environ.get('NAME') and os.getenv('NAME'), which give None where
// NAME is unset.
const (
	markEnv     = "$env"
	markDefault = "$default"
)

// envRef matches a string that is a reference to an environment variable,
// and escapedRef one that only looks like it and carries extra "$".
var (
	envRef     = regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$`)
	escapedRef = regexp.MustCompile(`^\$\$+\{[A-Za-z_][A-Za-z0-9_]*\}$`)
	bigInt     = regexp.MustCompile(`^[-+]?[0-9]+$`)
)

// Sources of Unknown values that the format gives a meaning of its own.
const (
	envPrefix      = "env:"
	redactedSource = "redacted"
	// redactedDefaultPrefix starts the Source of a read of a variable
	// whose default, a secret, was left out: "redacted:env:NAME".
	redactedDefaultPrefix = redactedSource + ":" + envPrefix
	// orNonePrefix starts the Source of a read that gives None where the
	// variable is unset, as the evaluator writes it.
	orNonePrefix = "env-or-none:"
	// computedPrefix starts the Source of a value the file computed from
	// a read, "computed:env:NAME", which the format cannot write.
	computedPrefix = "computed:" + envPrefix
)

// EnvName returns the variable an Unknown value was read from, if it was.
func EnvName(v model.Value) (string, bool) {
	if v.Kind != model.Unknown {
		return "", false
	}
	name, ok := strings.CutPrefix(v.Source, envPrefix)
	return name, ok && envRef.MatchString("${"+name+"}")
}

// EnvValue is the Unknown value that stands for a read of the variable.
func EnvValue(name string) model.Value {
	return model.Value{Kind: model.Unknown, Source: envPrefix + name}
}

// orNoneName returns the variable of a read that gives None where the
// variable is unset: {"$env": NAME, "$default": null}.
func orNoneName(v model.Value) (string, bool) {
	if v.Kind != model.Unknown {
		return "", false
	}
	name, ok := strings.CutPrefix(v.Source, orNonePrefix)
	return name, ok && validEnvName(name)
}

// orNone is the value of os.environ.get(name) where name is unknown.
func orNone(name string) model.Value {
	return model.Value{Kind: model.Unknown, Source: orNonePrefix + name}
}

// computedName returns the variable a value was computed from.
func computedName(v model.Value) (string, bool) {
	if v.Kind != model.Unknown {
		return "", false
	}
	return strings.CutPrefix(v.Source, computedPrefix)
}

// validEnvName reports whether name can be written as "${NAME}" and in
// a .env file.
func validEnvName(name string) bool { return envRef.MatchString("${" + name + "}") }

// envDefaultName returns the variable whose default v is, when v is a str
// the format writes as {"$env": NAME, "$default": v.Str}.
func envDefaultName(v model.Value) (string, bool) {
	name, ok := v.EnvDefault()
	return name, ok && validEnvName(name)
}

// envDefault is the str default of a read of the variable name, as the
// evaluator marks one (model.Value.EnvDefault).
func envDefault(name, def string) model.Value {
	return model.Value{Kind: model.Str, Str: def, Source: envPrefix + name}
}

// Redacted is the value that stands for a secret left out on purpose.
func Redacted() model.Value { return model.Value{Kind: model.Unknown, Source: redactedSource} }

// redactedDefault stands for a read of the variable name whose default, a
// secret, was left out: {"$env": NAME, "$default": {"$redacted": true}}.
// It is [Redacted] for everything that does not look at the name.
func redactedDefault(name string) model.Value {
	return model.Value{Kind: model.Unknown, Source: redactedDefaultPrefix + name}
}

// redactedDefaultName returns the variable of a [redactedDefault] value.
func redactedDefaultName(v model.Value) (string, bool) {
	if v.Kind != model.Unknown {
		return "", false
	}
	name, ok := strings.CutPrefix(v.Source, redactedDefaultPrefix)
	return name, ok && validEnvName(name)
}

// IsRedacted reports whether v is [Redacted], or a read of a variable
// whose default was redacted.
func IsRedacted(v model.Value) bool {
	_, def := redactedDefaultName(v)
	return v.Kind == model.Unknown && v.Source == redactedSource || def
}

// seqKind is the kind a bare array stands for at some place: a tuple for
// values Pywikibot expects as tuples, a list everywhere else.
type seqKind = model.Kind

// valueNode writes v; bare says which of tuple and list a plain array
// means here. It fails only on a Python object the format cannot carry.
func valueNode(v model.Value, bare seqKind) (*yaml.Node, error) {
	switch v.Kind {
	case model.Str:
		if name, ok := envDefaultName(v); ok {
			return envDefaultNode(name, strNode(v.Str)), nil
		}
		return strNode(escapeStr(v.Str)), nil
	case model.Int:
		digits := "0"
		if v.Int != nil {
			digits = v.Int.String()
		}
		return scalar("!!int", digits), nil
	case model.Float:
		if math.IsInf(v.Float, 0) || math.IsNaN(v.Float) {
			return marker(markFloat, strNode(model.FloatRepr(v.Float))), nil
		}
		return scalar("!!float", model.FloatRepr(v.Float)), nil
	case model.Bool:
		return scalar("!!bool", strconv.FormatBool(v.Bool)), nil
	case model.None:
		return scalar("!!null", "null"), nil
	case model.Tuple, model.List:
		return seqNode(v, bare)
	case model.Dict:
		return dictNode(v)
	case model.Unknown:
		return unknownNode(v), nil
	}
	return nil, fmt.Errorf("a Python %s has no form in the format", v.TypeName())
}

func seqNode(v model.Value, bare seqKind) (*yaml.Node, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range v.Items {
		n, err := valueNode(it, model.List)
		if err != nil {
			return nil, err
		}
		seq.Content = append(seq.Content, n)
	}
	if v.Kind == bare {
		return seq, nil
	}
	if v.Kind == model.Tuple {
		return marker(markTuple, seq), nil
	}
	return marker(markList, seq), nil
}

func dictNode(v model.Value) (*yaml.Node, error) {
	m := mapping()
	for i, k := range v.Keys {
		n, err := valueNode(v.Values[i], model.List)
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(k, "$") {
			k = "$" + k
		}
		addPair(m, strNode(k), n)
	}
	return m, nil
}

func unknownNode(v model.Value) *yaml.Node {
	if name, ok := EnvName(v); ok {
		return strNode("${" + name + "}")
	}
	if name, ok := orNoneName(v); ok {
		return envDefaultNode(name, scalar("!!null", "null"))
	}
	if name, ok := redactedDefaultName(v); ok {
		return envDefaultNode(name, marker(markRedacted, scalar("!!bool", "true")))
	}
	if IsRedacted(v) {
		return marker(markRedacted, scalar("!!bool", "true"))
	}
	return marker(markUnresolved, strNode(v.Source))
}

// envDefaultNode writes {$env: name, $default: def}, on one line unless
// the default is a long text.
func envDefaultNode(name string, def *yaml.Node) *yaml.Node {
	m := mapping()
	addPair(m, strNode(markEnv), strNode(name))
	addPair(m, strNode(markDefault), def)
	if def.Kind != yaml.ScalarNode || len(def.Value) <= 60 {
		m.Style = yaml.FlowStyle
	}
	return m
}

// isEnvDefault reports whether a mapping has the keys $env and $default,
// in either order, and nothing else.
func isEnvDefault(n *yaml.Node) bool {
	if len(n.Content) != 4 {
		return false
	}
	a, b := n.Content[0].Value, n.Content[2].Value
	return a == markEnv && b == markDefault || a == markDefault && b == markEnv
}

// envDefaultValue reads {$env: NAME, $default: text} into the str the
// evaluator makes of os.environ.get('NAME', 'text'), {$env: NAME,
// $default: null} into the value it makes of os.environ.get('NAME'), or
// {$env: NAME, $default: {$redacted: true}} into a [redactedDefault].
func envDefaultValue(n *yaml.Node, where string) (model.Value, error) {
	var name, def *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == markEnv {
			name = resolveAlias(n.Content[i+1])
		} else {
			def = resolveAlias(n.Content[i+1])
		}
	}
	if name.Kind != yaml.ScalarNode || name.ShortTag() != "!!str" || !validEnvName(name.Value) {
		return model.Value{}, fmt.Errorf("%s: %s wants a variable name (letters, digits, \"_\")",
			where, markEnv)
	}
	if def.Kind == yaml.MappingNode && len(def.Content) == 2 && def.Content[0].Value == markRedacted {
		return redactedDefault(name.Value), nil
	}
	if def.Kind == yaml.ScalarNode && def.ShortTag() == "!!null" {
		return orNone(name.Value), nil
	}
	if def.Kind != yaml.ScalarNode || def.ShortTag() != "!!str" {
		return model.Value{}, fmt.Errorf("%s: %s wants a string, null or {%s: true}",
			where, markDefault, markRedacted)
	}
	return envDefault(name.Value, def.Value), nil
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// escapeStr gives a text that only looks like a reference one more "$".
func escapeStr(s string) string {
	if envRef.MatchString(s) || escapedRef.MatchString(s) {
		return "$" + s
	}
	return s
}

// nodeValue reads a value back; bare is as for valueNode and where names
// the place for error messages.
func nodeValue(n *yaml.Node, bare seqKind, where string) (model.Value, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return nodeValue(n.Alias, bare, where)
	case yaml.SequenceNode:
		return seqValue(n, bare, where)
	case yaml.MappingNode:
		return mapValue(n, where)
	case yaml.ScalarNode:
		return scalarValue(n, where)
	}
	return model.Value{}, fmt.Errorf("%s: unexpected YAML node", where)
}

func seqValue(n *yaml.Node, kind seqKind, where string) (model.Value, error) {
	v := model.Value{Kind: kind, Items: []model.Value{}}
	for i, c := range n.Content {
		it, err := nodeValue(c, model.List, fmt.Sprintf("%s[%d]", where, i))
		if err != nil {
			return model.Value{}, err
		}
		v.Items = append(v.Items, it)
	}
	return v, nil
}

func mapValue(n *yaml.Node, where string) (model.Value, error) {
	if isEnvDefault(n) {
		return envDefaultValue(n, where)
	}
	if len(n.Content) == 2 && isMarker(n.Content[0].Value) {
		return markerValue(n.Content[0].Value, n.Content[1], where)
	}
	v := model.Value{Kind: model.Dict, Keys: []string{}, Values: []model.Value{}}
	err := eachPair(n, where, func(key string, val *yaml.Node) error {
		if isMarker(key) {
			return fmt.Errorf("%s: key %q: a key starting with \"$\" is written with \"$$\"",
				where, key)
		}
		key = strings.TrimPrefix(key, "$")
		item, err := nodeValue(val, model.List, where+"["+strconv.Quote(key)+"]")
		v.Keys = append(v.Keys, key)
		v.Values = append(v.Values, item)
		return err
	})
	return v, err
}

// isMarker reports whether a key has the form of a marker: one "$" and a
// name after it.
func isMarker(key string) bool {
	return strings.HasPrefix(key, "$") && !strings.HasPrefix(key, "$$")
}

func markerValue(key string, n *yaml.Node, where string) (model.Value, error) {
	switch key {
	case markTuple, markList:
		if n.Kind != yaml.SequenceNode {
			return model.Value{}, fmt.Errorf("%s: %s wants a list", where, key)
		}
		kind := model.Tuple
		if key == markList {
			kind = model.List
		}
		return seqValue(n, kind, where)
	case markFloat:
		f, ok := specialFloat(n.Value)
		if n.Kind != yaml.ScalarNode || !ok {
			return model.Value{}, fmt.Errorf("%s: %s wants inf, -inf or nan", where, key)
		}
		return model.Value{Kind: model.Float, Float: f}, nil
	case markUnresolved:
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			return model.Value{}, fmt.Errorf("%s: %s wants a source such as \"import:NAME\"",
				where, key)
		}
		return model.Value{Kind: model.Unknown, Source: n.Value}, nil
	case markRedacted:
		return Redacted(), nil
	case markEnv, markDefault:
		return model.Value{}, fmt.Errorf("%s: %s and %s go together", where, markEnv, markDefault)
	}
	return model.Value{}, fmt.Errorf("%s: unknown marker %q (want %s, %s, %s, %s, %s or %s with %s)",
		where, key, markTuple, markList, markFloat, markUnresolved, markRedacted, markEnv, markDefault)
}

func scalarValue(n *yaml.Node, where string) (model.Value, error) {
	switch n.ShortTag() {
	case "!!str":
		return strValue(n.Value), nil
	case "!!null":
		return model.Value{Kind: model.None}, nil
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			return model.Value{}, fmt.Errorf("%s: %v", where, err)
		}
		return model.Value{Kind: model.Bool, Bool: b}, nil
	case "!!int":
		i, ok := new(big.Int).SetString(n.Value, 0)
		if !ok {
			return model.Value{}, fmt.Errorf("%s: %q is not an integer", where, n.Value)
		}
		return model.Value{Kind: model.Int, Int: i}, nil
	case "!!float":
		// YAML takes an integer too large for 64 bits for a float; Python
		// and JSON do not.
		if bigInt.MatchString(n.Value) {
			i, _ := new(big.Int).SetString(n.Value, 10)
			return model.Value{Kind: model.Int, Int: i}, nil
		}
		return floatValue(n.Value, where)
	}
	return model.Value{}, fmt.Errorf("%s: unsupported YAML tag %s", where, n.Tag)
}

func strValue(s string) model.Value {
	if m := envRef.FindStringSubmatch(s); m != nil {
		return EnvValue(m[1])
	}
	if escapedRef.MatchString(s) {
		s = s[1:]
	}
	return model.Value{Kind: model.Str, Str: s}
}

func floatValue(text, where string) (model.Value, error) {
	if f, ok := specialFloat(strings.ToLower(strings.TrimPrefix(text, "."))); ok {
		return model.Value{Kind: model.Float, Float: f}, nil
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
	if err != nil {
		return model.Value{}, fmt.Errorf("%s: %q is not a number", where, text)
	}
	return model.Value{Kind: model.Float, Float: f}, nil
}

func specialFloat(s string) (float64, bool) {
	switch strings.Replace(s, "-.", "-", 1) {
	case "inf", "+inf":
		return math.Inf(1), true
	case "-inf":
		return math.Inf(-1), true
	case "nan":
		return math.NaN(), true
	}
	return 0, false
}

// eachPair calls fn for each key and value of a mapping, refusing keys that
// are not plain strings and keys given twice.
func eachPair(n *yaml.Node, where string, fn func(key string, val *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: want a mapping", where)
	}
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" && k.ShortTag() != "!!int" {
			return fmt.Errorf("%s: line %d: keys must be strings", where, k.Line)
		}
		if seen[k.Value] {
			return fmt.Errorf("%s: line %d: key %q given twice", where, k.Line, k.Value)
		}
		seen[k.Value] = true
		if err := fn(k.Value, n.Content[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// marker wraps v in a one-key object, on one line when v is short.
func marker(key string, v *yaml.Node) *yaml.Node {
	m := mapping()
	addPair(m, strNode(key), v)
	if v.Kind == yaml.ScalarNode ||
		v.Kind == yaml.SequenceNode && !slices.ContainsFunc(v.Content, isCollection) {
		m.Style = yaml.FlowStyle
	}
	return m
}

func isCollection(n *yaml.Node) bool { return n.Kind != yaml.ScalarNode }

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func addPair(m, key, value *yaml.Node) { m.Content = append(m.Content, key, value) }

func scalar(tag, text string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text}
}

// strNode writes a str, in double quotes when it holds a line break, a tab
// or blanks at an end (a block scalar would hide a stray one in a token),
// in single quotes when a YAML 1.1 reader would read it plain as
// something else (see needsQuotes); plain otherwise.
func strNode(s string) *yaml.Node {
	n := scalar("!!str", s)
	switch {
	case strings.ContainsAny(s, "\n\r\t") || strings.TrimSpace(s) != s:
		n.Style = yaml.DoubleQuotedStyle
	case needsQuotes(s):
		n.Style = yaml.SingleQuotedStyle
	}
	return n
}
