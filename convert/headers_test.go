package convert

import (
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/parser"
)

// A credential sent as an extra header is as secret as an OAuth token;
// the other headers stay readable.
func TestExtraHeaderCredentialsAreHidden(t *testing.T) {
	const token = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefabcdef"
	src := "family = 'wikipedia'\nmylang = 'en'\n" +
		"extra_headers = {'Authorization': '" + token + "', 'User-Agent': 'bot/1.0'}\n"
	for _, mode := range []SecretMode{Redact, Env} {
		cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
		out, err := New(cfg, mode).YAML()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), "eyJ") {
			t.Errorf("%v: the Authorization header is in the output:\n%s", mode, out)
		}
		if !strings.Contains(string(out), "bot/1.0") {
			t.Errorf("%v: the User-Agent header is gone:\n%s", mode, out)
		}
	}
}
