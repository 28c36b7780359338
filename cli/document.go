package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// The show document is built once as a YAML node tree, which keeps keys in
// the order they were added, and printed from it as YAML or as JSON.

// docBuilder turns a model into the show document.
type docBuilder struct {
	// mask hides secrets; nil prints them in full.
	mask *masker
}

// configNode builds the document show prints for cfg and its findings.
func configNode(cfg *model.Config, ds []diag.Diagnostic, mask *masker) *yaml.Node {
	b := docBuilder{mask}
	doc := mappingNode()
	addPair(doc, "file", strNode(cfg.File))
	addPair(doc, "family", b.setting(cfg, "family"))
	addPair(doc, "mylang", b.setting(cfg, "mylang"))
	addPair(doc, "usernames", b.usernames(cfg.Usernames))
	addPair(doc, "authenticate", b.entries(cfg.Authenticate))
	settings := mappingNode()
	for _, e := range cfg.Settings {
		if name := e.Name(); len(e.Path) == 1 && name != "family" && name != "mylang" {
			addPair(settings, name, b.settingValue(e))
		}
	}
	addPair(doc, "settings", settings)
	addPair(doc, "diagnostics", b.diagnostics(ds))
	return doc
}

// setting returns a top-level setting, or null when the file did not set it
// (Pywikibot then keeps its default).
func (b docBuilder) setting(cfg *model.Config, name string) *yaml.Node {
	if e, ok := cfg.Setting(name); ok {
		return b.value(e.Value, e.Secret)
	}
	return nullNode()
}

// settingValue converts a top-level setting. The credential headers of
// extra_headers are hidden whole, as secrets are: masking them only where
// they appear in text would leave a short one readable.
func (b docBuilder) settingValue(e model.Entry) *yaml.Node {
	v := e.Value
	if e.Path[0] != "extra_headers" || v.Kind != model.Dict || b.mask == nil {
		return b.value(v, e.Secret)
	}
	out := mappingNode()
	for i, k := range v.Keys {
		addPair(out, b.str(k, false), b.value(v.Values[i], e.Secret || model.SecretHeader(k)))
	}
	return out
}

// usernames nests entries ["usernames", family, code] as family -> code.
func (b docBuilder) usernames(entries []model.Entry) *yaml.Node {
	out := mappingNode()
	families := map[string]*yaml.Node{}
	for _, e := range entries {
		if len(e.Path) < 3 {
			addPair(out, e.Name(), b.value(e.Value, e.Secret))
			continue
		}
		fam := families[e.Path[1]]
		if fam == nil {
			fam = mappingNode()
			families[e.Path[1]] = fam
			addPair(out, e.Path[1], fam)
		}
		addPair(fam, e.Name(), b.value(e.Value, e.Secret))
	}
	return out
}

// entries maps each entry's last path element to its value.
func (b docBuilder) entries(entries []model.Entry) *yaml.Node {
	out := mappingNode()
	for _, e := range entries {
		addPair(out, e.Name(), b.entryValue(e))
	}
	return out
}

func (b docBuilder) diagnostics(ds []diag.Diagnostic) *yaml.Node {
	out := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, d := range ds {
		n := mappingNode()
		addPair(n, "code", strNode(d.Code))
		addPair(n, "severity", strNode(d.Severity.String()))
		addPair(n, "message", strNode(capText(b.str(d.Message, false))))
		addPair(n, "file", strNode(d.File))
		addPair(n, "line", intNode(strconv.Itoa(d.Line)))
		addPair(n, "column", intNode(strconv.Itoa(d.Column)))
		if d.EndLine > 0 {
			addPair(n, "end_line", intNode(strconv.Itoa(d.EndLine)))
			addPair(n, "end_column", intNode(strconv.Itoa(d.EndCol)))
		}
		if d.Variable != "" {
			addPair(n, "variable", strNode(capText(d.Variable)))
		}
		out.Content = append(out.Content, n)
	}
	return out
}

// value converts a Python value; secret marks every string in it as one.
func (b docBuilder) value(v model.Value, secret bool) *yaml.Node {
	switch v.Kind {
	case model.Str:
		return strNode(b.str(v.Str, secret))
	case model.Int:
		if v.Int == nil {
			return intNode("0")
		}
		return intNode(v.Int.String())
	case model.Float:
		return floatNode(v.Float)
	case model.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool)}
	case model.None:
		return nullNode()
	case model.Tuple, model.List:
		out := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, it := range v.Items {
			out.Content = append(out.Content, b.value(it, secret))
		}
		return out
	case model.Dict:
		out := mappingNode()
		for i, k := range v.Keys {
			addPair(out, b.str(k, false), b.value(v.Values[i], secret))
		}
		return out
	case model.Unknown:
		return tagged("unresolved", v.Source)
	}
	return tagged("python", v.TypeName())
}

// str hides a string: a secret's whole text, or any secret copied into
// another string.
func (b docBuilder) str(s string, secret bool) string {
	switch {
	case b.mask == nil:
		return s
	case secret:
		return model.Mask(s)
	}
	return b.mask.text(s)
}

// tagged is the one-key object that stands for a value with no plain form.
func tagged(key, value string) *yaml.Node {
	n := mappingNode()
	addPair(n, key, strNode(value))
	return n
}

func mappingNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }

func addPair(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, strNode(key), value)
}

func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r\t") {
		// A block scalar would hide a stray newline or tab inside a token.
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func intNode(digits string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: digits}
}

func nullNode() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

// floatNode writes f as Python's repr does. JSON has no infinity or NaN,
// so those become {"python": "float", "value": repr}.
func floatNode(f float64) *yaml.Node {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		n := tagged("python", "float")
		addPair(n, "value", strNode(model.FloatRepr(f)))
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: model.FloatRepr(f)}
}

// writeYAML prints the document as one YAML document.
func writeYAML(w io.Writer, doc *yaml.Node) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return enc.Close()
}

// writeNodeJSON prints the document as indented JSON.
func writeNodeJSON(w io.Writer, doc *yaml.Node) error {
	var compact bytes.Buffer
	if err := appendJSON(&compact, doc); err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact.Bytes(), "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

func appendJSON(buf *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		open, end := byte('['), byte(']')
		if n.Kind == yaml.MappingNode {
			open, end = '{', '}'
		}
		buf.WriteByte(open)
		for i, c := range n.Content {
			if i > 0 {
				// In a mapping, odd items are values and follow their key.
				sep := byte(',')
				if n.Kind == yaml.MappingNode && i%2 == 1 {
					sep = ':'
				}
				buf.WriteByte(sep)
			}
			if err := appendJSON(buf, c); err != nil {
				return err
			}
		}
		buf.WriteByte(end)
		return nil
	}
	if n.Tag != "!!str" {
		buf.WriteString(n.Value)
		return nil
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(n.Value); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode ends with a newline
	return nil
}
