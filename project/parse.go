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

// Parse reads a project file's text; file names it in errors.
func Parse(file string, src []byte) (*Config, error) {
	c := &Config{Path: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, syntaxError(file, err)
	}
	if len(doc.Content) == 0 {
		return c, nil
	}
	p := parser{file: file}
	top := doc.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return c, nil
	}
	if err := p.settings(top, &c.Settings, func(k, v *yaml.Node) error {
		if k.Value != "overrides" {
			return p.unknownKey(k)
		}
		return p.overrides(v, &c.Overrides)
	}); err != nil {
		return nil, err
	}
	return c, nil
}

// yamlLine finds the line in the YAML library's syntax errors, which
// give no column.
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

type parser struct{ file string }

// twice reports a key a mapping already had; YAML leaves the choice
// between the two to the reader, so the file must not rely on either.
func (p parser) twice(seen map[string]int, key string, k *yaml.Node) error {
	if first, ok := seen[key]; ok {
		return p.errorf(k, "%q is set twice; first at line %d", k.Value, first)
	}
	seen[key] = k.Line
	return nil
}

func (p parser) errorf(n *yaml.Node, format string, args ...any) error {
	return &Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// settingKeys are the keys a Settings mapping takes, for error messages.
var settingKeys = []string{"require-families", "coverage", "select", "ignore", "severity"}

// settings reads a mapping of settings; other keys go to extra.
func (p parser) settings(n *yaml.Node, s *Settings, extra func(k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "want a mapping of settings")
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := p.twice(seen, k.Value, k); err != nil {
			return err
		}
		var err error
		switch k.Value {
		case "require-families":
			err = p.families(v, s)
		case "coverage":
			err = p.coverage(v, s)
		case "select":
			s.Select, err = p.rules(v)
		case "ignore":
			s.Ignore, err = p.rules(v)
		case "severity":
			s.Severity, err = p.severity(v)
		default:
			err = extra(k, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p parser) unknownKey(k *yaml.Node) error {
	return p.errorf(k, "unknown key %q (want %s or overrides)", k.Value,
		strings.Join(settingKeys, ", "))
}

func (p parser) strings(n *yaml.Node) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "want a list")
	}
	out := []string{}
	for _, it := range n.Content {
		if it.Kind != yaml.ScalarNode {
			return nil, p.errorf(it, "want a plain value in the list")
		}
		out = append(out, it.Value)
	}
	return out, nil
}

func (p parser) families(n *yaml.Node, s *Settings) error {
	names, err := p.strings(n)
	if err != nil {
		return err
	}
	if _, err := validate.ExpandFamilies(names); err != nil {
		return p.errorf(n, "%v", err)
	}
	s.RequireFamilies, s.requireSet = names, true
	return nil
}

func (p parser) coverage(n *yaml.Node, s *Settings) error {
	mode, err := validate.ParseCoverageMode(n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		return p.errorf(n, "coverage %q: want auto, always or never", n.Value)
	}
	s.Coverage = &mode
	return nil
}

// rules reads a list of rule codes, code prefixes or names.
func (p parser) rules(n *yaml.Node) ([]string, error) {
	list, err := p.strings(n)
	if err != nil {
		return nil, err
	}
	items := n.Content
	if n.Kind == yaml.ScalarNode {
		items = []*yaml.Node{n}
	}
	for i, entry := range list {
		if !namesRule(entry) {
			return nil, p.errorf(items[i], "%q is no rule code, code prefix or rule name", entry)
		}
	}
	return list, nil
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

func (p parser) severity(n *yaml.Node) (map[string]Level, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "want a mapping of rule to severity")
	}
	out := map[string]Level{}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		r, ok := validate.Lookup(k.Value)
		if !ok {
			return nil, p.errorf(k, "%q is no rule code or rule name", k.Value)
		}
		if err := p.twice(seen, r.Code, k); err != nil {
			return nil, err
		}
		if v.Value == "off" {
			out[r.Code] = Off
			continue
		}
		s, ok := diag.ParseSeverity(v.Value)
		if !ok || v.Kind != yaml.ScalarNode {
			return nil, p.errorf(v, "severity %q: want info, warning, error or off", v.Value)
		}
		out[r.Code] = Level(s)
	}
	return out, nil
}

func (p parser) overrides(n *yaml.Node, out *[]Override) error {
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "overrides: want a list")
	}
	for _, it := range n.Content {
		var o Override
		var paths *yaml.Node
		err := p.settings(it, &o.Settings, func(k, v *yaml.Node) error {
			if k.Value != "paths" {
				return p.errorf(k, "unknown key %q in an override (want paths, %s)", k.Value,
					strings.Join(settingKeys, ", "))
			}
			paths = v
			return nil
		})
		if err != nil {
			return err
		}
		if paths == nil {
			return p.errorf(it, "an override needs paths")
		}
		if o.Paths, err = p.strings(paths); err != nil {
			return err
		}
		*out = append(*out, o)
	}
	return nil
}
