package coverage

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

// TestOutputsHideSecretsAndControls gives a username that repeats a token,
// one Pywikibot normalises into a token, and one built to forge lines.
func TestOutputsHideSecretsAndControls(t *testing.T) {
	str := func(s string) model.Value { return model.Value{Kind: model.Str, Str: s} }
	user := func(code, name string) model.Entry {
		return model.Entry{Path: []string{"usernames", "wikipedia", code}, Value: str(name)}
	}
	cfg := &model.Config{File: "u.py", Usernames: []model.Entry{
		user("de", "sekret_token_abcdef"),
		user("fr", "SEKRETOTHER1234"),
		user("it", "Bot\n::error file=x::|y\x1b[2J\u202e"),
	}, Authenticate: []model.Entry{{
		Path: []string{"authenticate", "*.wikipedia.org"}, Secret: true,
		Value: model.Value{Kind: model.Tuple, Items: []model.Value{
			str("consumer-0123"), str("sekret_token_abcdef"), str("access-0123"),
			str("sekretother1234")}},
	}}}
	r := Compute(cfg)
	writers := map[string]func(io.Writer, []*Report, View) error{
		"text": WriteText, "csv": WriteCSV, "markdown": WriteMarkdown, "json": WriteJSON,
		"html": WriteHTML,
	}
	for name, write := range writers {
		var b bytes.Buffer
		if err := write(&b, []*Report{r}, View{Family: "wikipedia", Sites: true}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(strings.ToLower(out), "sekret") {
			t.Errorf("%s: a secret shows:\n%s", name, out)
		}
		if name == "json" || name == "html" {
			continue
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::error") {
				t.Errorf("%s: a username starts a line: %q", name, line)
			}
		}
		if strings.ContainsAny(out, "\x1b\u202e") {
			t.Errorf("%s: a control character shows:\n%q", name, out)
		}
		if name == "markdown" && !strings.Contains(out, `::\|y`) {
			t.Errorf("markdown: the | of a username is not escaped:\n%s", out)
		}
	}
}
