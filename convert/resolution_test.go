package convert

import (
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/internal/restable"
)

// TestResolutionTable runs the table package pywikibot also runs; here
// every lookup goes through a converted YAML document first.
func TestResolutionTable(t *testing.T) {
	for _, tab := range restable.Load(t) {
		y, err := New(tab.Config(), Inline).YAML()
		if err != nil {
			t.Fatal(err)
		}
		c, err := Parse(y)
		if err != nil {
			t.Fatalf("%s: %v\n%s", tab.Name, err, y)
		}
		for _, s := range tab.Sites {
			name, err := c.Username(s.Family, s.Code)
			switch {
			case s.Error != "":
				if err == nil || errors.Is(err, ErrNoUsername) {
					t.Errorf("%s: %s:%s = %q, %v; want an error", tab.Name, s.Family, s.Code, name, err)
				}
			case s.Name == nil:
				if !errors.Is(err, ErrNoUsername) {
					t.Errorf("%s: %s:%s = %q, %v; want no username", tab.Name, s.Family, s.Code, name, err)
				}
			case err != nil || name != *s.Name:
				t.Errorf("%s: %s:%s = %q, %v; want %q", tab.Name, s.Family, s.Code, name, err, *s.Name)
			}
		}
		for _, u := range tab.URLs {
			a, err := c.Credentials(u.URL)
			want := u.WantKey()
			if want == "" && !errors.Is(err, ErrNoCredentials) || want != "" && err != nil {
				t.Errorf("%s: %s: error %v", tab.Name, u.URL, err)
			}
			if a.Key != want || a.OAuth() != u.OAuth || !slices.Equal(a.Skipped, u.Skipped) {
				t.Errorf("%s: %s matched %q (oauth %v, skipped %v), want %q (oauth %v, skipped %v)",
					tab.Name, u.URL, a.Key, a.OAuth(), a.Skipped, want, u.OAuth, u.Skipped)
			}
		}
	}
}

func TestParseNamesEveryMissingVariable(t *testing.T) {
	doc := []byte(`version: 1
usernames:
  wikipedia:
    '*': ${BOT_NAME}
authenticate:
  '*.wikipedia.org':
    consumer_token: ${CK}
    consumer_secret: ${CS}
    access_token: ${AT}
    access_secret: {$redacted: true}
settings:
  extra: {$unresolved: "import:bot_secrets"}
`)
	lookup := func(name string) (string, bool) { return "x", name == "CK" }
	_, err := Parse(doc, WithLookup(lookup))
	var rerr *ResolveError
	if !errors.As(err, &rerr) {
		t.Fatalf("want a *ResolveError, got %v", err)
	}
	if !slices.Equal(rerr.Missing, []string{"AT", "BOT_NAME", "CS"}) ||
		len(rerr.Redacted) != 1 || len(rerr.Unresolved) != 1 {
		t.Errorf("got %+v", rerr)
	}
	const want = `config: environment variables not set: AT, BOT_NAME, CS; ` +
		`redacted secrets in authenticate["*.wikipedia.org"] (convert again with --secrets env); ` +
		`values unknown at conversion in extra (import:bot_secrets)`
	if err.Error() != want {
		t.Errorf("message:\n%s\nwant:\n%s", err, want)
	}
}

func TestParseResolves(t *testing.T) {
	doc := []byte(`{"version": 1, "family": "wikipedia", "mylang": "${LANG_CODE}",
		"usernames": {"*": {"*": "${BOT_NAME}"}},
		"settings": {"put_throttle": 10, "socket_timeout": [6.05, 45], "big": 123456789012345678901,
			"extra_headers": {"X-Bot": "${BOT_NAME}"}}}`)
	env := map[string]string{"LANG_CODE": "de", "BOT_NAME": "example_bot"}
	c, err := Parse(doc, WithLookup(func(n string) (string, bool) { v, ok := env[n]; return v, ok }))
	if err != nil {
		t.Fatal(err)
	}
	if c.Family != "wikipedia" || c.Mylang != "de" || c.Usernames["*"]["*"] != "example_bot" {
		t.Errorf("got %+v", c)
	}
	if name, err := c.Username("wikipedia", "de"); name != "Example bot" || err != nil {
		t.Errorf("Username = %q, %v", name, err)
	}
	if c.Settings["put_throttle"] != int64(10) {
		t.Errorf("put_throttle = %#v", c.Settings["put_throttle"])
	}
	if ts, ok := c.Settings["socket_timeout"].([]any); !ok || len(ts) != 2 || ts[0] != 6.05 {
		t.Errorf("socket_timeout = %#v", c.Settings["socket_timeout"])
	}
	if b, ok := c.Settings["big"].(*big.Int); !ok || b.String() != "123456789012345678901" {
		t.Errorf("big = %#v", c.Settings["big"])
	}
	if h := c.Settings["extra_headers"].(map[string]any); h["X-Bot"] != "example_bot" {
		t.Errorf("extra_headers = %#v", h)
	}
}
