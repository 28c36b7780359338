package cli

import (
	"testing"

	"github.com/pwbconf/pwbconf/model"
)

func TestGuardMasksLiteralsThatLookLikeCredentials(t *testing.T) {
	str := func(s string) model.Value { return model.Value{Kind: model.Str, Str: s} }
	cfg := &model.Config{
		File: "bots/user-config.py",
		Settings: []model.Entry{
			{Path: []string{"family"}, Value: str("wikipedia")},
			{Path: []string{"mylang"}, Value: str("en")},
		},
		Usernames: []model.Entry{{
			Path:  []string{"usernames", "wikipedia", "en"},
			Value: str("ArchiverBot2024Example"),
		}},
		Authenticate: []model.Entry{{Path: []string{"authenticate", "wiki2.example.org"}}},
	}
	m := fileMasker(cfg)
	pw := fileMasker(&model.Config{File: "botpw/user-password.py"})
	tests := []struct {
		m          *masker
		line, want string
	}{
		// BotPassword: the suffix stays, the password goes.
		{m, `('ExampleUser', BotPassword('ArchiverBot', 'k2m9q8'))`,
			`('ExampleUser', BotPassword('ArchiverBot', '****(6)'))`},
		// A pair on a line about passwords, or in a password file.
		{m, `db_password_pair = ('tools', "hunter2")`, `db_password_pair = ('tools', "****(7)")`},
		{pw, `('ExampleUser', 'hunter2')`, `('ExampleUser', '****(7)')`},
		{m, `pair = ('ExampleUser', 'hunter2')`, `pair = ('ExampleUser', 'hunter2')`},
		// A literal given to a name about passwords, but not a password file.
		{m, `passwords['wikipedia']['en'] = 'correct horse'  # main`,
			`passwords['wikipedia']['en'] = '****(13)'  # main`},
		{m, `password_file = 'user-password.py'`, `password_file = 'user-password.py'`},
		{m, `if password == 'x': pass`, `if password == 'x': pass`},
		// Hex, base64, base64url and JWT words of 16 characters or more.
		{m, `_ck = 'a4c123b1612dd272d1371c17149d4395'`, `_ck = '****(32)'`},
		{m, `x = "dXNlcjpwYXNzd29yZDEyMw=="`, `x = "****(24)"`},
		{m, `h = {'Authorization': 'Bearer eyJhbGciOi.eyJzdWIiOjE.c2lnbmF0dXJl'}`,
			`h = {'Authorization': '****(42)'}`},
		{m, `k = r'Zx9_-Qw8Er7Ty6Ui'`, `k = r'****(16)'`},
		// Not credentials: short, no digit, a path, a host name, text.
		{m, `a = 'abc123'`, `a = 'abc123'`},
		{m, `b = 'user_agent_description'`, `b = 'user_agent_description'`},
		{m, `c = '/home/bot2/pywikibot/families'`, `c = '/home/bot2/pywikibot/families'`},
		{m, `d = 'commons2.wikimedia.org'`, `d = 'commons2.wikimedia.org'`},
		{m, `e = 'runs 24 times a day in 2024'`, `e = 'runs 24 times a day in 2024'`},
		// Values the model knows to be public stay whatever they look like.
		{m, `usernames['wikipedia']['en'] = 'ArchiverBot2024Example'`,
			`usernames['wikipedia']['en'] = 'ArchiverBot2024Example'`},
		{m, `authenticate['wiki2.example.org'] = x`, `authenticate['wiki2.example.org'] = x`},
	}
	for _, tt := range tests {
		got, _ := tt.m.sourceLine(tt.line, 1)
		if got != tt.want {
			t.Errorf("sourceLine(%s)\n got %s\nwant %s", tt.line, got, tt.want)
		}
	}
}

func TestGuardKeepsTheCaret(t *testing.T) {
	m := fileMasker(&model.Config{File: "user-config.py"})
	line := `x = ('a4c123b1612dd272d1371c17149d4395', 1)  # y`
	got, col := m.sourceLine(line, 43)
	if want := `x = ('****(32)', 1)  # y`; got != want || col != 19 {
		t.Errorf("got %q, %d; want %q, 19", got, col, want)
	}
	if _, col = m.sourceLine(line, 12); col != 7 {
		t.Errorf("a column inside the literal moves to %d, want 7", col)
	}
}

// TestGuardKeepsAKnownSecretsLength checks that a secret the model knows,
// masked first, is not masked again by the guard, which would print the
// length of the mask instead of the secret's.
func TestGuardKeepsAKnownSecretsLength(t *testing.T) {
	m := newMasker([]string{"Tr0ub4dor&3"})
	m.guard = &guard{public: map[string]bool{}}
	for line, want := range map[string]string{
		"password = 'Tr0ub4dor&3'":           "password = '****(11)'",
		"pw = ('ExampleBot', 'Tr0ub4dor&3')": "pw = ('ExampleBot', '****(11)')",
	} {
		if got, _ := m.sourceLine(line, 1); got != want {
			t.Errorf("sourceLine(%s) = %s, want %s", line, got, want)
		}
	}
}
