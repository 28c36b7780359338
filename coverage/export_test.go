package coverage

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// A spreadsheet runs a cell that starts with =, +, - or @ as a formula,
// so text from the config must never start a CSV field that way.
func TestCSVDefusesFormulas(t *testing.T) {
	cfg := &model.Config{File: "=HYPERLINK(\"x\").py", Usernames: []model.Entry{
		{Path: []string{"usernames", "wikipedia", "de"}, Value: model.Value{Kind: model.Str, Str: `=cmd|" /C calc"!A0`}},
		{Path: []string{"usernames", "wikipedia", "*"}, Value: model.Value{Kind: model.Str, Str: "@SUM(1)"}},
	}, Authenticate: []model.Entry{
		{Path: []string{"authenticate", "+de.wikipedia.org"}, Value: model.Value{Kind: model.Tuple,
			Items: []model.Value{{Kind: model.Str, Str: "u"}, {Kind: model.Str, Str: "p"}}}},
	}}
	old := Compute(&model.Config{File: "old.py"})
	r := Compute(cfg)
	var all, change bytes.Buffer
	if err := WriteCSV(&all, []*Report{r}, View{Family: "wikipedia"}); err != nil {
		t.Fatal(err)
	}
	if err := WriteChangeCSV(&change, Compare(old, r)); err != nil {
		t.Fatal(err)
	}
	text := all.String()
	for name, out := range map[string]string{"coverage": text, "change": change.String()} {
		records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range records {
			for _, field := range rec {
				if field != "" && strings.ContainsRune("=+-@\t\r", rune(field[0])) {
					t.Errorf("%s CSV field %q starts a formula", name, field)
				}
			}
		}
	}
	if !strings.Contains(text, `'=cmd|`) {
		t.Errorf("username lost:\n%s", text)
	}
}

// TestJSONSeveralTotalsOnly checks that several configs get per-family
// totals and no per-site records unless the view asks for sites.
func TestJSONSeveralTotalsOnly(t *testing.T) {
	r := Compute(&model.Config{File: "a.py"})
	decode := func(reports []*Report, v View) []map[string]any {
		var b bytes.Buffer
		if err := WriteJSON(&b, reports, v); err != nil {
			t.Fatal(err)
		}
		var doc struct{ Configs []map[string]any }
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Configs
	}
	if c := decode([]*Report{r}, View{}); c[0]["sites"] == nil {
		t.Error("one config: no sites")
	}
	for _, c := range decode([]*Report{r, r}, View{}) {
		if _, ok := c["sites"]; ok || c["families"] == nil {
			t.Errorf("several configs: sites %v, families %v", ok, c["families"] != nil)
		}
	}
	if c := decode([]*Report{r, r}, View{Sites: true}); c[1]["sites"] == nil {
		t.Error("several configs with View.Sites: no sites")
	}
}
