package model

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
)

func str(s string) Value { return Value{Kind: Str, Str: s} }

func TestSecretsKeepBasicAuthUser(t *testing.T) {
	cfg := &Config{Authenticate: []Entry{
		{Path: []string{"authenticate", "wiki.example.org"}, Secret: true,
			Value: Value{Kind: Tuple, Items: []Value{str("ExampleBot"), str("tr0ub4dor")}}},
		{Path: []string{"authenticate", "*.wikipedia.org"}, Secret: true,
			Value: Value{Kind: Tuple, Items: []Value{str("ck"), str("cs"), str("at"), str("as")}}},
	}}
	got := cfg.Secrets()
	if slices.Contains(got, "ExampleBot") {
		t.Errorf("Secrets() = %q, masks the basic-auth account name", got)
	}
	for _, want := range []string{"tr0ub4dor", "ck", "cs", "at", "as"} {
		if !slices.Contains(got, want) {
			t.Errorf("Secrets() = %q, lacks %q", got, want)
		}
	}
}

func TestSecretsOfExtraHeaders(t *testing.T) {
	cfg := &Config{Settings: []Entry{{Path: []string{"extra_headers"}, Value: Value{
		Kind: Dict, Keys: []string{"Accept", "Cookie", "Proxy-Authorization", "X-Access-Token"},
		Values: []Value{str("text/html"), str("s=1"), str("Basic eA=="), str("tok")},
	}}}}
	want := []string{"Basic eA==", "s=1", "tok"}
	got := cfg.Secrets()
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Secrets() = %q, want %q", got, want)
	}
	for name, want := range map[string]bool{"authorization": true, "X-API-KEY": true,
		"User-Agent": false, "Accept-Language": false, "X-Client-Secret": true} {
		if SecretHeader(name) != want {
			t.Errorf("SecretHeader(%q) = %v", name, !want)
		}
	}
}

func TestMask(t *testing.T) {
	if got := Mask("héllo"); got != "****(5)" {
		t.Errorf("Mask = %q, want ****(5)", got)
	}
}

func TestValueJSONNonFiniteFloats(t *testing.T) {
	in := Value{Kind: List, Items: []Value{
		{Kind: Float, Float: math.Inf(1)},
		{Kind: Float, Float: math.Inf(-1)},
		{Kind: Float, Float: math.NaN()},
		{Kind: Float, Float: 1.5},
	}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Value
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	got := out.Items
	if len(got) != 4 || !math.IsInf(got[0].Float, 1) || !math.IsInf(got[1].Float, -1) ||
		!math.IsNaN(got[2].Float) || got[3].Float != 1.5 {
		t.Errorf("round trip of %s gave %+v", b, got)
	}
}

func TestFloatRepr(t *testing.T) {
	tests := map[float64]string{
		5.5: "5.5", 1: "1.0", 0: "0.0", -2: "-2.0", 1e16: "1e+16", 1e15: "1000000000000000.0",
		0.0001: "0.0001", 1e-05: "1e-05", math.Inf(-1): "-inf",
	}
	for f, want := range tests {
		if got := FloatRepr(f); got != want {
			t.Errorf("FloatRepr(%v) = %q, want %q", f, got, want)
		}
	}
}
