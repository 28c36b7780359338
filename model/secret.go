package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules on this page decide which texts of a config are credentials
// although no entry is marked Secret. The evaluator marks entries with them,
// Config.Secrets collects texts with them, and lint's screening of source
// lines uses LooksLikeToken, so that show, convert and lint hide the same
// things.

// MinBare is the length from which a secret counts inside a longer text.
// A shorter one, such as a one-letter test token, would also match inside
// ordinary words, so it counts only as a whole text.
const MinBare = 6

// HoldsSecret reports whether s is secret, or holds it and secret is long
// enough to count inside other text (MinBare).
func HoldsSecret(s, secret string) bool {
	if strings.TrimSpace(secret) == "" {
		return false
	}
	if s == secret {
		return true
	}
	return utf8.RuneCountInString(secret) >= MinBare && strings.Contains(s, secret)
}

// credentialWords are the words whose presence in a name makes the name
// speak of a credential, and shortWords those that must be a whole word of
// it: "key" inside "monkey" or "pass" inside "compass" is no credential.
var (
	credentialWords = []string{"password", "passwd", "secret", "token", "apikey", "credential"}
	shortWords      = []string{"pass", "pw", "pwd", "key", "auth"}
)

// CredentialName reports whether a name, of a variable, an environment
// variable or a dict key, speaks of a credential: db_password, _pw,
// BOT_PASS, MY_API_KEY, consumerSecret. Names are cut into words at
// anything that is not a letter or digit and where lower case turns to
// upper.
func CredentialName(name string) bool {
	lower := strings.ToLower(name)
	for _, w := range credentialWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	for _, w := range nameWords(name) {
		for _, short := range shortWords {
			if w == short {
				return true
			}
		}
	}
	return false
}

// nameWords cuts a name into lower-case words: "MY_API_KEY" and
// "myApiKey" both give my, api, key.
func nameWords(name string) []string {
	var words []string
	var b strings.Builder
	prevLower := false
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			prevLower = false
			continue
		}
		if unicode.IsUpper(r) && prevLower {
			flush()
		}
		prevLower = unicode.IsLower(r)
		b.WriteRune(unicode.ToLower(r))
	}
	flush()
	return words
}

// CredentialSetting reports whether the value of a top-level name is a
// credential by its name: any name Pywikibot does not know (known says
// whether it does) that speaks of one (CredentialName), which people write
// into a config whether Pywikibot reads it or not, and a known one holding
// a dict, list or tuple rather than its text: password_file names a path,
// but given a dict it holds passwords.
func CredentialSetting(name string, known bool, v Value) bool {
	if !CredentialName(name) {
		return false
	}
	return !known || v.Kind == Dict || v.Kind == List || v.Kind == Tuple
}

// LooksLikeToken reports whether a word could be a key, token or password:
// 16 or more characters of the hex, base64, base64url or JWT alphabets
// that mix letters and digits, and that are not a path or a host name.
func LooksLikeToken(w string) bool {
	if utf8.RuneCountInString(w) < 16 || strings.HasPrefix(w, "/") ||
		strings.HasPrefix(w, "./") || strings.HasPrefix(w, "~") || hostName.MatchString(w) {
		return false
	}
	letter, digit := false, false
	for _, r := range w {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			letter = true
		case '0' <= r && r <= '9':
			digit = true
		case !strings.ContainsRune("+/=_-.~", r):
			return false
		}
	}
	return letter && digit
}

// hostName is a lower-case dotted name such as wiki2.example.org.
var hostName = regexp.MustCompile(`^[a-z0-9-]+(?:\.[a-z0-9-]+)+$`)

// BotPasswordPair reports whether v has the shape of the login a
// BotPassword gives: a user name with the bot's name after an "@", and the
// 32 lower-case letters and digits Special:BotPasswords generates. People
// keep the pair in a variable of their own to hand to BotPassword or to a
// script, under a name that need not speak of a password.
func BotPasswordPair(v Value) bool {
	if (v.Kind != Tuple && v.Kind != List) || len(v.Items) != 2 ||
		v.Items[0].Kind != Str || v.Items[1].Kind != Str {
		return false
	}
	user, bot, ok := strings.Cut(v.Items[0].Str, "@")
	pass := v.Items[1].Str
	if !ok || user == "" || bot == "" || len(pass) != 32 {
		return false
	}
	return !strings.ContainsFunc(pass, func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
}

// urlUserinfo matches the user and password of a URL,
// scheme://user:password@host; group 1 is the password. Python's urllib
// takes the userinfo up to the last "@" before the path.
var urlUserinfo = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://[^\s/?#:@]*:([^\s/?#]*)@`)

// URLPasswords returns the byte spans of the passwords in the URLs of s.
func URLPasswords(s string) [][2]int {
	if !strings.Contains(s, "://") {
		return nil
	}
	var out [][2]int
	for _, m := range urlUserinfo.FindAllStringSubmatchIndex(s, -1) {
		if m[3] > m[2] {
			out = append(out, [2]int{m[2], m[3]})
		}
	}
	return out
}

// MaskURLPasswords masks the password of every URL in s and nothing else
// of it: the scheme, user and host say which account and server the URL
// is for, which is no secret.
func MaskURLPasswords(s string) string {
	spans := URLPasswords(s)
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		s = s[:sp[0]] + Mask(s[sp[0]:sp[1]]) + s[sp[1]:]
	}
	return s
}

// Suspects returns the texts inside v that are credentials by their shape
// or place, at any depth: the password of a BotPassword pair, every string
// under a dict key that speaks of a credential, each word that
// LooksLikeToken, and the password of a URL. Lint masks the same literals
// in source lines.
func Suspects(v Value) []string {
	var out []string
	var walk func(Value)
	walk = func(v Value) {
		switch {
		case BotPasswordPair(v):
			out = append(out, v.Items[1].Str)
			return
		case v.Kind == Str:
			for _, w := range strings.Fields(v.Str) {
				if LooksLikeToken(w) {
					out = append(out, w)
				}
			}
			for _, sp := range URLPasswords(v.Str) {
				out = append(out, v.Str[sp[0]:sp[1]])
			}
		}
		for _, it := range v.Items {
			walk(it)
		}
		for i, it := range v.Values {
			if CredentialName(v.Keys[i]) {
				out = append(out, it.Strings()...)
				continue
			}
			walk(it)
		}
	}
	walk(v)
	return out
}
