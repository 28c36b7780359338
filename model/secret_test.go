package model

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCredentialName(t *testing.T) {
	for name, want := range map[string]bool{
		"db_password": true, "_pw": true, "BOT_PASS": true, "MY_API_KEY": true, "apikey": true,
		"consumerSecret": true, "bot_token": true, "BOTPASSWORD": true, "GITHUB_AUTH": true,
		"Pwd":    true,
		"monkey": false, "compass": false, "keyboard": false, "author": false, "HOME": false,
		"pwb_close_matches": false, "mylang": false, "password_file_x": true,
	} {
		if got := CredentialName(name); got != want {
			t.Errorf("CredentialName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestCredentialSetting(t *testing.T) {
	dict := Value{Kind: Dict, Keys: []string{"test"}, Values: []Value{str("pw")}}
	tests := []struct {
		name  string
		known bool
		v     Value
		want  bool
	}{
		{"_pw", false, str("hunter2hunter2"), true},
		{"password_file", true, str("~/.pwd"), false},
		{"password_file", true, dict, true},
		{"maxlag", true, dict, false},
	}
	for _, tt := range tests {
		if got := CredentialSetting(tt.name, tt.known, tt.v); got != tt.want {
			t.Errorf("CredentialSetting(%q, %v, %v) = %v, want %v", tt.name, tt.known, tt.v.Kind, got, tt.want)
		}
	}
}

func TestSuspects(t *testing.T) {
	pair := Value{Kind: Tuple, Items: []Value{str("ExampleBot@task1"), str("bcdefghijklmnopqrstuvwxyz0123456")}}
	v := Value{Kind: Dict, Keys: []string{"logins", "bp", "note", "path"}, Values: []Value{
		{Kind: List, Items: []Value{pair}},
		{Kind: Dict, Keys: []string{"name", "pw"}, Values: []Value{str("ExampleBot@task2"), str("short")}},
		str("Bearer 0123456789abcdef0123 for the API"),
		str("/home/bot/0123456789abcdef0123"),
	}}
	want := []string{"bcdefghijklmnopqrstuvwxyz0123456", "short", "0123456789abcdef0123"}
	if diff := cmp.Diff(want, Suspects(v)); diff != "" {
		t.Errorf("Suspects (-want +got):\n%s", diff)
	}
}

// TestSecretsHoldSuspects checks that Config.Secrets has the suspects of
// the settings, but never a username or the family.
func TestSecretsHoldSuspects(t *testing.T) {
	cfg := &Config{
		Settings: []Entry{
			{Path: []string{"family"}, Value: str("wikipedia")},
			{Path: []string{"_ck"}, Value: str("0123456789abcdef0123456789abcdef")},
			{Path: []string{"copy"}, Value: str("Bot0123456789abcdefgh")},
		},
		Usernames: []Entry{{Path: []string{"usernames", "wikipedia", "en"}, Value: str("Bot0123456789abcdefgh")}},
	}
	got := cfg.Secrets()
	if !slices.Contains(got, "0123456789abcdef0123456789abcdef") || slices.Contains(got, "Bot0123456789abcdefgh") {
		t.Errorf("Secrets() = %q", got)
	}
}

func TestHoldsSecret(t *testing.T) {
	for _, tt := range []struct {
		s, secret string
		want      bool
	}{
		{"cs4", "cs4", true},
		{"docs4you", "cs4", false},
		{"bot plainpass123", "plainpass123", true},
		{"anything", " ", false},
	} {
		if got := HoldsSecret(tt.s, tt.secret); got != tt.want {
			t.Errorf("HoldsSecret(%q, %q) = %v, want %v", tt.s, tt.secret, got, tt.want)
		}
	}
}

// TestSecretsLeavePublicTexts checks that a password that happens to equal
// the family, the site code or a username does not make them secret, and
// that the user of a basic-auth pair is public, while a username that
// repeats an OAuth token stays a secret.
func TestSecretsLeavePublicTexts(t *testing.T) {
	pair := func(a, b string) Value { return Value{Kind: Tuple, Items: []Value{str(a), str(b)}} }
	token := "0123456789abcdef0123456789abcdef"
	cfg := &Config{
		Settings: []Entry{
			{Path: []string{"family"}, Value: str("wikipedia")},
			{Path: []string{"mylang"}, Value: str("en")},
			{Path: []string{"db_password"}, Value: str("wikipedia"), Secret: true},
		},
		Usernames: []Entry{
			{Path: []string{"usernames", "wikipedia", "en"}, Value: str("ExampleBot")},
			{Path: []string{"usernames", "wikipedia", "de"}, Value: str(token)},
		},
		Authenticate: []Entry{
			{Path: []string{"authenticate", "a.example.org"}, Value: pair("ExampleBot", "en"), Secret: true},
			{Path: []string{"authenticate", "b.example.org"}, Value: pair("BasicUser", "ExampleBot"), Secret: true},
			{Path: []string{"authenticate", "*.wikipedia.org"}, Secret: true, Value: Value{Kind: Tuple,
				Items: []Value{str(token), str("cs"), str("at"), str("as")}}},
		},
	}
	got := cfg.Secrets()
	for _, public := range []string{"wikipedia", "en", "ExampleBot", "BasicUser"} {
		if slices.Contains(got, public) {
			t.Errorf("Secrets() = %q, holds the public %q", got, public)
		}
	}
	if !slices.Contains(got, token) {
		t.Errorf("Secrets() = %q, lost the token a username repeats", got)
	}
}

func TestURLPasswords(t *testing.T) {
	for s, want := range map[string]string{
		"https://bot:SEKRETurlpw@example.org/":         "https://bot:****(11)@example.org/",
		"see http://u:pw@proxy:3128 and ftp://x@host/": "see http://u:****(2)@proxy:3128 and ftp://x@host/",
		"https://example.org/w/api.php?a=b:c@d":        "https://example.org/w/api.php?a=b:c@d",
		"mailto:bot@example.org":                       "mailto:bot@example.org",
		"socks5://:only@proxy.example":                 "socks5://:****(4)@proxy.example",
	} {
		if got := MaskURLPasswords(s); got != want {
			t.Errorf("MaskURLPasswords(%q) = %q, want %q", s, got, want)
		}
	}
	v := Value{Kind: Dict, Keys: []string{"http"}, Values: []Value{str("http://user:SEKRETproxypw@proxy.example:3128")}}
	if got := Suspects(v); !slices.Contains(got, "SEKRETproxypw") {
		t.Errorf("Suspects = %q, want the URL's password", got)
	}
}
