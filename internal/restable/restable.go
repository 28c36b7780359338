// Package restable reads testdata/resolution/table.json: usernames and
// authenticate as a user-config.py would set them, and the username
// Pywikibot picks for each site and the credentials for each URL. The
// tests of pywikibot, convert and coverage each run it through their own
// lookups.
package restable

import (
	"encoding/json"
	"math/big"
	"os"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// Table is one set of settings with the lookups they must give.
type Table struct {
	Name         string
	Usernames    map[string]map[string]any
	Authenticate map[string]any
	Sites        []Site
	URLs         []URL
}

// Site is a username lookup: Name nil means no username; Error set means
// an entry that gives no usable name.
type Site struct {
	Family, Code string
	Name         *string
	Error        string
}

// URL is a credentials lookup: Key nil means no credentials; Skipped lists
// the keys passed over because their value has neither 4 items nor 2.
type URL struct {
	URL     string
	Key     *string
	OAuth   bool
	Skipped []string
}

// WantKey is the authenticate key u must match, "" for none.
func (u URL) WantKey() string {
	if u.Key == nil {
		return ""
	}
	return *u.Key
}

// Path is the table as a test of a top-level package sees it: tests run
// in their package's folder.
const Path = "../testdata/resolution/table.json"

// Load reads the tables at Path, failing t when it cannot.
func Load(t testing.TB) []Table {
	t.Helper()
	b, err := os.ReadFile(Path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Tables []Table }
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f.Tables
}

// Config returns a config that sets what t sets and nothing more.
func (t Table) Config() *model.Config {
	cfg := &model.Config{}
	cfg.Usernames, cfg.Authenticate = t.Entries()
	return cfg
}

// Entries returns the usernames and authenticate settings of t as the
// model holds them.
func (t Table) Entries() (usernames, authenticate []model.Entry) {
	for fam, codes := range t.Usernames {
		for code, v := range codes {
			usernames = append(usernames, model.Entry{
				Path: []string{"usernames", fam, code}, Value: value(v)})
		}
	}
	for key, v := range t.Authenticate {
		authenticate = append(authenticate, model.Entry{
			Path: []string{"authenticate", key}, Value: value(v), Secret: true})
	}
	return usernames, authenticate
}

// value reads a JSON value as the Python value it stands for; an array is
// a tuple.
func value(v any) model.Value {
	switch v := v.(type) {
	case string:
		return model.Value{Kind: model.Str, Str: v}
	case bool:
		return model.Value{Kind: model.Bool, Bool: v}
	case float64:
		if v == float64(int64(v)) {
			return model.Value{Kind: model.Int, Int: big.NewInt(int64(v))}
		}
		return model.Value{Kind: model.Float, Float: v}
	case []any:
		out := model.Value{Kind: model.Tuple}
		for _, it := range v {
			out.Items = append(out.Items, value(it))
		}
		return out
	case map[string]any:
		out := model.Value{Kind: model.Dict}
		for k, it := range v {
			out.Keys = append(out.Keys, k)
			out.Values = append(out.Values, value(it))
		}
		return out
	}
	return model.Value{Kind: model.None}
}
