package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// TestCheckCapsFindingsPerRule gives 250 authenticate keys that each match
// no wiki: the first 100 are reported and one more finding counts the rest.
func TestCheckCapsFindingsPerRule(t *testing.T) {
	cfg := &model.Config{File: "user-config.py"}
	tokens := model.Value{Kind: model.Tuple}
	for _, s := range []string{"a4c123b1612dd272d1371c17149d4395",
		"36b3216fdaeeb975729fae923d5a4fd12aabfe22", "8f219e9cb0eb53f16947ccf25ec84d8d",
		"bc74254770f58904dba41ecccc3fc1626e53a130"} {
		tokens.Items = append(tokens.Items, model.Value{Kind: model.Str, Str: s})
	}
	for i := range 250 {
		cfg.Authenticate = append(cfg.Authenticate, model.Entry{
			Path:  []string{"authenticate", fmt.Sprintf("*.h%d.nowhere.example", i)},
			Value: tokens, Secret: true, Pos: model.Pos{Line: i + 1, Col: 1},
		})
	}
	byCode := map[string][]string{}
	for _, d := range Check(cfg, Options{}) {
		byCode[d.Code] = append(byCode[d.Code], d.Message)
	}
	if len(byCode) == 0 {
		t.Fatal("no findings")
	}
	for code, msgs := range byCode {
		if len(msgs) > maxPerRule+1 {
			t.Errorf("%s: %d findings", code, len(msgs))
		}
		if len(msgs) == maxPerRule+1 && !strings.HasPrefix(msgs[maxPerRule], "and 150 more ") {
			t.Errorf("%s: last finding %q", code, msgs[maxPerRule])
		}
	}
}
