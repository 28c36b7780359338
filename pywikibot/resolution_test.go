package pywikibot

import (
	"encoding/json"
	"math/big"
	"os"
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// resolutionTables is the table of username and credential lookups that
// this package and the converter's runner API both must pass.
type resolutionTables struct {
	Tables []struct {
		Name         string
		Usernames    map[string]map[string]any
		Authenticate map[string]any
		Sites        []struct {
			Family, Code string
			Name         *string
			Error        string
		}
		URLs []struct {
			URL     string
			Key     *string
			OAuth   bool
			Skipped []string
		}
	}
}

func TestResolutionTable(t *testing.T) {
	b, err := os.ReadFile("../testdata/resolution/table.json")
	if err != nil {
		t.Fatal(err)
	}
	var rt resolutionTables
	if err := json.Unmarshal(b, &rt); err != nil {
		t.Fatal(err)
	}
	for _, tab := range rt.Tables {
		var users, auth []model.Entry
		for fam, codes := range tab.Usernames {
			for code, v := range codes {
				users = append(users, model.Entry{
					Path: []string{"usernames", fam, code}, Value: jsonValue(v)})
			}
		}
		for key, v := range tab.Authenticate {
			auth = append(auth, model.Entry{
				Path: []string{"authenticate", key}, Value: jsonValue(v), Secret: true})
		}
		u := NewUsernames(users)
		for _, s := range tab.Sites {
			r := Username(u, s.Family, s.Code)
			switch {
			case s.Error != "":
				if !r.Found() || r.Name != "" {
					t.Errorf("%s: %s:%s = %+v, want an entry that gives no usable name",
						tab.Name, s.Family, s.Code, r)
				}
			case s.Name == nil:
				if r.Found() {
					t.Errorf("%s: %s:%s = %q, want no username", tab.Name, s.Family, s.Code, r.Name)
				}
			case r.Name != *s.Name:
				t.Errorf("%s: %s:%s = %q, want %q", tab.Name, s.Family, s.Code, r.Name, *s.Name)
			}
		}
		for _, c := range tab.URLs {
			m := MatchAuth(auth, c.URL)
			var skipped []string
			for _, e := range m.Skipped {
				skipped = append(skipped, e.Name())
			}
			want := ""
			if c.Key != nil {
				want = *c.Key
			}
			if m.Key != want || m.OAuth() != c.OAuth || !slices.Equal(skipped, c.Skipped) {
				t.Errorf("%s: %s matched %q (oauth %v, skipped %v), want %q (oauth %v, skipped %v)",
					tab.Name, c.URL, m.Key, m.OAuth(), skipped, want, c.OAuth, c.Skipped)
			}
		}
	}
}

// jsonValue reads a JSON value as the Python value it stands for; an
// array is a tuple.
func jsonValue(v any) model.Value {
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
			out.Items = append(out.Items, jsonValue(it))
		}
		return out
	case map[string]any:
		out := model.Value{Kind: model.Dict}
		for k, it := range v {
			out.Keys = append(out.Keys, k)
			out.Values = append(out.Values, jsonValue(it))
		}
		return out
	}
	return model.Value{Kind: model.None}
}
