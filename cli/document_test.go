package cli

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// TestValueFormats checks that each kind of value prints the same in JSON
// and YAML, and that a string that looks like a number stays a string.
func TestValueFormats(t *testing.T) {
	v := model.Value{Kind: model.Dict, Keys: []string{"s", "n", "i", "f", "b", "none", "t", "env", "fn"},
		Values: []model.Value{
			{Kind: model.Str, Str: "10"},
			{Kind: model.Str, Str: "a<b>\n"},
			{Kind: model.Int, Int: big.NewInt(123456789)},
			{Kind: model.Float, Float: 2},
			{Kind: model.Bool, Bool: true},
			{Kind: model.None},
			{Kind: model.Tuple, Items: []model.Value{{Kind: model.Str, Str: "x"}}},
			{Kind: model.Unknown, Source: "env:TOKEN"},
			{Kind: model.Other, Source: "function"},
		}}
	doc := docBuilder{}.value(v, false)
	var j, y bytes.Buffer
	if err := writeNodeJSON(&j, doc); err != nil {
		t.Fatal(err)
	}
	if err := writeYAML(&y, doc); err != nil {
		t.Fatal(err)
	}
	wantJSON := `{
  "s": "10",
  "n": "a<b>\n",
  "i": 123456789,
  "f": 2.0,
  "b": true,
  "none": null,
  "t": [
    "x"
  ],
  "env": {
    "unresolved": "env:TOKEN"
  },
  "fn": {
    "python": "function"
  }
}
`
	wantYAML := `s: "10"
n: "a<b>\n"
i: 123456789
f: 2.0
b: true
none: null
t:
  - x
env:
  unresolved: env:TOKEN
fn:
  python: function
`
	if j.String() != wantJSON {
		t.Errorf("JSON:\n%s\nwant:\n%s", j.String(), wantJSON)
	}
	if y.String() != wantYAML {
		t.Errorf("YAML:\n%s\nwant:\n%s", y.String(), wantYAML)
	}
}

func TestSecretsMaskedInShow(t *testing.T) {
	b := docBuilder{mask: newMasker([]string{"s3cr3t"})}
	secret := b.value(model.Value{Kind: model.Tuple, Items: []model.Value{{Kind: model.Str, Str: "user"}}}, true)
	copied := b.value(model.Value{Kind: model.Str, Str: "prefix-s3cr3t"}, false)
	if got := secret.Content[0].Value; got != "****(4)" {
		t.Errorf("secret entry string = %q", got)
	}
	if got := copied.Value; got != "prefix-****(6)" {
		t.Errorf("copied secret = %q", got)
	}
}
