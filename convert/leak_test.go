package convert

import (
	"bytes"
	"testing"

	"github.com/pwbconf/pwbconf/parser"
)

// TestCopiesOfSecretsStayOut converts a file that builds its tokens from
// helper variables and repeats one as a username and inside a dict.
func TestCopiesOfSecretsStayOut(t *testing.T) {
	src := []byte(`family = 'wikipedia'
mylang = 'en'
ck = 'a4c123b1612dd272d1371c17149d4395'
cs = 'SEKRETAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
at = '8f219e9cb0eb53f16947ccf25ec84d8d'
as_ = 'SEKRETBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'
usernames['wikipedia']['en'] = 'SEKRETBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'
notes = {'a': 'token=SEKRETAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'b': 'plain'}
authenticate['*.wikipedia.org'] = (ck, cs, at, as_)
`)
	cfg := parser.Evaluate("user-config.py", src, parser.Options{})
	for _, mode := range []SecretMode{Env, Redact} {
		doc := New(cfg, mode)
		out, err := doc.YAML()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"SEKRET", "a4c123b1612dd", "8f219e9cb0eb"} {
			if bytes.Contains(out, []byte(s)) {
				t.Errorf("%s: the document holds %q:\n%s", mode, s, out)
			}
		}
		if !bytes.Contains(out, []byte("plain")) {
			t.Errorf("%s: a str without a secret was hidden too:\n%s", mode, out)
		}
		if mode == Env {
			found := false
			for _, v := range doc.Env {
				found = found || v.Value == "token=SEKRETAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
			}
			if !found {
				t.Errorf("env: the dict value is not handed over: %+v", doc.Env)
			}
		}
	}
}
