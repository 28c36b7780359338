package convert

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/model"
)

// topFields are the fields of a document, in the order they are written.
var topFields = []string{"version", "family", "mylang", "usernames", "authenticate", "settings"}

// Decode reads a document, YAML or JSON, into the entries of a model.
// References to the environment stay Unknown values with Source
// "env:NAME" and redacted secrets stay [Redacted]; nothing is resolved.
// name becomes the model's File.
func Decode(data []byte, name string) (*model.Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("%s: empty document", name)
	}
	if err := checkAliases(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cfg := &model.Config{File: name}
	d := decoder{cfg: cfg}
	err := eachPair(doc.Content[0], "document", d.field)
	if err == nil && !d.versioned {
		err = errors.New("no version: the first line of a converted file is \"version: 1\"")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cfg.Settings = append(d.top, cfg.Settings...)
	return cfg, nil
}

type decoder struct {
	cfg       *model.Config
	top       []model.Entry // family and mylang
	versioned bool
}

func (d *decoder) field(key string, n *yaml.Node) error {
	switch key {
	case "version":
		if n.Kind != yaml.ScalarNode || n.Value != strconv.Itoa(Version) {
			return fmt.Errorf("version %q: this pwbconf reads version %d", n.Value, Version)
		}
		d.versioned = true
		return nil
	case "family", "mylang":
		v, err := nodeValue(n, model.List, key)
		d.top = append(d.top, model.Entry{Path: []string{key}, Value: v})
		return err
	case "usernames":
		return eachPair(n, key, d.family)
	case "authenticate":
		return eachPair(n, key, d.auth)
	case "settings":
		return eachPair(n, key, d.setting)
	}
	return fmt.Errorf("unknown field %q (want one of %s)", key, strings.Join(topFields, ", "))
}

func (d *decoder) family(family string, n *yaml.Node) error {
	where := "usernames[" + strconv.Quote(family) + "]"
	return eachPair(n, where, func(code string, val *yaml.Node) error {
		v, err := nodeValue(val, model.List, where+"["+strconv.Quote(code)+"]")
		d.cfg.Usernames = append(d.cfg.Usernames, model.Entry{
			Path: []string{"usernames", family, code}, Value: v,
		})
		return err
	})
}

func (d *decoder) auth(key string, n *yaml.Node) error {
	where := "authenticate[" + strconv.Quote(key) + "]"
	v, err := authValue(n, where)
	d.cfg.Authenticate = append(d.cfg.Authenticate, model.Entry{
		Path: []string{"authenticate", key}, Value: v, Secret: true,
	})
	return err
}

func (d *decoder) setting(name string, n *yaml.Node) error {
	if name == "family" || name == "mylang" {
		return fmt.Errorf("settings: %s is a field of its own, not a setting", name)
	}
	v, err := nodeValue(n, bareSeq(name), "settings."+name)
	e := model.Entry{Path: []string{name}, Value: v}
	e.Secret = isSecret(e)
	d.cfg.Settings = append(d.cfg.Settings, e)
	return err
}

// authValue reads the OAuth fields, the basic auth fields or raw.
func authValue(n *yaml.Node, where string) (model.Value, error) {
	fields := map[string]*yaml.Node{}
	if err := eachPair(n, where, func(k string, v *yaml.Node) error {
		fields[k] = v
		return nil
	}); err != nil {
		return model.Value{}, err
	}
	if raw, ok := fields["raw"]; ok && len(fields) == 1 {
		return nodeValue(raw, model.Tuple, where+".raw")
	}
	for _, want := range [][]string{oauthFields, basicFields} {
		if len(fields) == len(want) && hasAll(fields, want) {
			return authTuple(fields, want, where)
		}
	}
	return model.Value{}, fmt.Errorf("%s: want the fields %s, or %s, or raw", where,
		strings.Join(oauthFields, ", "), strings.Join(basicFields, ", "))
}

func hasAll(fields map[string]*yaml.Node, want []string) bool {
	for _, w := range want {
		if fields[w] == nil {
			return false
		}
	}
	return true
}

func authTuple(fields map[string]*yaml.Node, names []string, where string) (model.Value, error) {
	v := model.Value{Kind: model.Tuple}
	for _, name := range names {
		it, err := nodeValue(fields[name], model.List, where+"."+name)
		if err != nil {
			return model.Value{}, err
		}
		if it.Kind != model.Str && !isRead(it) && !IsRedacted(it) {
			return model.Value{}, fmt.Errorf("%s.%s: want a string (use raw for other values)",
				where, name)
		}
		v.Items = append(v.Items, it)
	}
	return v, nil
}
