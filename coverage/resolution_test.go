package coverage

import (
	"encoding/json"
	"math/big"
	"os"
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// The table is shared with packages pywikibot and convert. Here each
// lookup is checked on the site of the report it names; URLs count when
// their host is the host of known sites.
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
		cfg := &model.Config{}
		for fam, codes := range tab.Usernames {
			for code, v := range codes {
				cfg.Usernames = append(cfg.Usernames, model.Entry{
					Path: []string{"usernames", fam, code}, Value: tableValue(v)})
			}
		}
		for key, v := range tab.Authenticate {
			cfg.Authenticate = append(cfg.Authenticate, model.Entry{
				Path: []string{"authenticate", key}, Value: tableValue(v), Secret: true})
		}
		r := Compute(cfg)
		for _, want := range tab.Sites {
			s, ok := r.Lookup(want.Family, want.Code)
			if !ok || s.Code != want.Code {
				continue // the report lists only the codes Pywikibot builds
			}
			switch {
			case want.Error != "":
				if s.UserState != UserInvalid {
					t.Errorf("%s: %s = %s %q, want invalid", tab.Name, s.ID(), s.UserState, s.Username)
				}
			case want.Name == nil:
				if s.UserState != UserNone {
					t.Errorf("%s: %s = %s %q, want none", tab.Name, s.ID(), s.UserState, s.Username)
				}
			case s.UserState != UserOK || s.Username != *want.Name:
				t.Errorf("%s: %s = %s %q, want %q", tab.Name, s.ID(), s.UserState, s.Username, *want.Name)
			}
		}
		for _, want := range tab.URLs {
			host := pywikibot.NetLoc(want.URL)
			for _, site := range pywikibot.SitesByHost(host) {
				if site.Hostname != host {
					continue
				}
				s, ok := r.Lookup(site.Family, site.Code)
				if !ok {
					t.Fatalf("%s: no site %s:%s", tab.Name, site.Family, site.Code)
				}
				key := ""
				if want.Key != nil {
					key = *want.Key
				}
				var skipped []string
				for _, src := range s.Skipped {
					skipped = append(skipped, src.Text)
				}
				var wantSkipped []string
				for _, k := range want.Skipped {
					wantSkipped = append(wantSkipped, "authenticate["+pyQuote(k)+"]")
				}
				if s.AuthKey != key || (s.AuthKind == AuthOAuth) != want.OAuth ||
					!slices.Equal(skipped, wantSkipped) {
					t.Errorf("%s: %s matched %q (%s, skipped %v), want %q (oauth %v, skipped %v)",
						tab.Name, s.ID(), s.AuthKey, s.AuthKind, skipped, key, want.OAuth, wantSkipped)
				}
			}
		}
	}
}

// tableValue reads a JSON value as the Python value it stands for; an
// array is a tuple.
func tableValue(v any) model.Value {
	switch v := v.(type) {
	case string:
		return model.Value{Kind: model.Str, Str: v}
	case float64:
		return model.Value{Kind: model.Int, Int: big.NewInt(int64(v))}
	case []any:
		out := model.Value{Kind: model.Tuple}
		for _, it := range v {
			out.Items = append(out.Items, tableValue(it))
		}
		return out
	}
	return model.Value{Kind: model.None}
}
