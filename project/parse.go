package project

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/validate"
)

// Parse reads a project file's text; file names it in errors. It reports
// every mistake it finds, as an ErrorList, except that a YAML syntax
// error ends the reading.
func Parse(file string, src []byte) (*Config, error) {
	c := &Config{Path: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, ErrorList{syntaxError(file, err)}
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	p := &parser{file: file}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return c, nil
	}
	p.settings(top, &c.Settings, func(k, v *yaml.Node) {
		if k.Value != "overrides" {
			p.unknownKey(k)
			return
		}
		p.overrides(v, &c.Overrides)
	})
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return c, nil
}

// yamlLine finds the line in the YAML library's syntax errors, which
// give no column: the parser keeps it to itself.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

func syntaxError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return &Error{File: file, Msg: msg}
	}
	line, _ := strconv.Atoi(m[1])
	return &Error{File: file, Line: line, Msg: strings.TrimPrefix(err.Error(), m[0])}
}

// parser reads the document tree, gathering every mistake in errs.
type parser struct {
	file string
	errs ErrorList
}

// twice reports a key a mapping already had; YAML leaves the choice
// between the two to the reader, so the file must not rely on either.
func (p *parser) twice(seen map[string]int, key string, k *yaml.Node) bool {
	if first, ok := seen[key]; ok {
		p.errorf(k, "%q is set twice; first at line %d", k.Value, first)
		return true
	}
	seen[key] = k.Line
	return false
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Col: n.Column,
		Msg: fmt.Sprintf(format, args...)})
}

// settingKeys are the keys a Settings mapping takes, for error messages.
var settingKeys = []string{"require-families", "coverage", "select", "ignore", "severity"}

// settings reads a mapping of settings; other keys go to extra.
func (p *parser) settings(n *yaml.Node, s *Settings, extra func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "want a mapping of settings")
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if p.twice(seen, k.Value, k) {
			continue
		}
		switch k.Value {
		case "require-families":
			p.families(v, s)
		case "coverage":
			p.coverage(v, s)
		case "select":
			s.Select = p.rules(v)
		case "ignore":
			s.Ignore = p.rules(v)
		case "severity":
			s.Severity = p.severity(v)
		default:
			extra(k, v)
		}
	}
}

func (p *parser) unknownKey(k *yaml.Node) {
	p.errorf(k, "unknown key %q (want %s or overrides)", k.Value,
		strings.Join(settingKeys, ", "))
}

// strings reads a list of plain values, or one value; ok is false when n
// is neither, which has been reported.
func (p *parser) strings(n *yaml.Node) (list []*yaml.Node, ok bool) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []*yaml.Node{n}, true
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "want a list")
		return nil, false
	}
	ok = true
	for _, it := range n.Content {
		if it.Kind != yaml.ScalarNode {
			p.errorf(it, "want a plain value in the list")
			ok = false
		}
	}
	return n.Content, ok
}

func values(nodes []*yaml.Node) []string {
	out := []string{}
	for _, n := range nodes {
		out = append(out, n.Value)
	}
	return out
}

func (p *parser) families(n *yaml.Node, s *Settings) {
	items, ok := p.strings(n)
	if !ok {
		return
	}
	names := values(items)
	if _, err := validate.ExpandFamilies(names); err != nil {
		p.errorf(n, "%v", err)
		return
	}
	s.RequireFamilies, s.requireSet = names, true
}

func (p *parser) coverage(n *yaml.Node, s *Settings) {
	mode, err := validate.ParseCoverageMode(n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		p.errorf(n, "coverage %q: want auto, always or never", n.Value)
		return
	}
	s.Coverage = &mode
}

// rules reads a list of rule codes, code prefixes or names.
func (p *parser) rules(n *yaml.Node) []string {
	items, ok := p.strings(n)
	if !ok {
		return nil
	}
	for _, it := range items {
		if !namesRule(it.Value) {
			p.errorf(it, "%q is no rule code, code prefix or rule name%s", it.Value,
				didYouMean(it.Value))
		}
	}
	return values(items)
}

// didYouMean suggests the rule name nearest to a misspelt one, as the
// command line's flags do, or is empty when none is near.
func didYouMean(entry string) string {
	if near := validate.NearestRule(entry); near != "" {
		return fmt.Sprintf("; did you mean %q?", near)
	}
	return ""
}

// namesRule reports whether entry selects some rule, as validate.Options
// reads it.
func namesRule(entry string) bool {
	if _, ok := validate.Lookup(entry); ok {
		return true
	}
	up := strings.ToUpper(entry)
	for _, r := range validate.Rules() {
		if len(up) >= 3 && strings.HasPrefix(r.Code, up) {
			return true
		}
	}
	return false
}

func (p *parser) severity(n *yaml.Node) map[string]Level {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "want a mapping of rule to severity")
		return nil
	}
	out := map[string]Level{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		r, ok := validate.Lookup(k.Value)
		if !ok {
			p.errorf(k, "%q is no rule code or rule name%s", k.Value, didYouMean(k.Value))
			continue
		}
		if p.twice(seen, r.Code, k) {
			continue
		}
		if v.Value == "off" {
			out[r.Code] = Off
			continue
		}
		s, ok := diag.ParseSeverity(v.Value)
		if !ok || v.Kind != yaml.ScalarNode {
			p.errorf(v, "severity %q: want info, warning, error or off", v.Value)
			continue
		}
		out[r.Code] = Level(s)
	}
	return out
}

func (p *parser) overrides(n *yaml.Node, out *[]Override) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "overrides: want a list")
		return
	}
	for _, it := range n.Content {
		var o Override
		var paths *yaml.Node
		p.settings(it, &o.Settings, func(k, v *yaml.Node) {
			if k.Value != "paths" {
				p.errorf(k, "unknown key %q in an override (want paths, %s)", k.Value,
					strings.Join(settingKeys, ", "))
				return
			}
			paths = v
		})
		if it.Kind != yaml.MappingNode {
			continue
		}
		if paths == nil {
			p.errorf(it, "an override needs paths")
			continue
		}
		items, _ := p.strings(paths)
		o.Paths = values(items)
		*out = append(*out, o)
	}
}
