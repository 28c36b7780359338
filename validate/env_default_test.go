package validate

import (
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// TestEnvDefaultTokens checks that a token that is only the default of an
// environment read, the variable being unset for the check, is not taken
// for a placeholder or a token of the wrong shape, while the same literal
// is.
func TestEnvDefaultTokens(t *testing.T) {
	envDefault := func(name, s string) model.Value {
		return model.Value{Kind: model.Str, Str: s, Source: "env:" + name}
	}
	tuple := func(items ...model.Value) model.Value {
		return model.Value{Kind: model.Tuple, Items: items}
	}
	tokenCodes := map[string]bool{}
	for _, r := range []*Rule{placeholderTokenRule, tokenShape} {
		tokenCodes[r.Code] = true
	}
	for _, tt := range []struct {
		name  string
		value model.Value
		want  bool
	}{
		{"env defaults", tuple(envDefault("CK", ""), envDefault("CS", ""),
			envDefault("AT", "x"), envDefault("AS", "")), false},
		{"literals", tuple(str(""), str(""), str("x"), str("")), true},
	} {
		cfg := config()
		cfg.Authenticate = []model.Entry{{Path: []string{"authenticate", "*.wikipedia.org"},
			Value: tt.value, Secret: true, Pos: model.Pos{Line: 9, Col: 1}}}
		got := false
		for _, d := range Check(cfg, Options{}) {
			if tokenCodes[d.Code] {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%s: token findings %v, want %v", tt.name, got, tt.want)
		}
	}
}
