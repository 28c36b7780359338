package pywikibot

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestNormalizeUsernameShortcut holds the shortcut that spares most names
// the regexp to the plain steps: fold runs, strip, upper-case.
func TestNormalizeUsernameShortcut(t *testing.T) {
	plain := func(name string) string {
		name = strings.TrimFunc(spaceRun.ReplaceAllString(name, " "), pythonSpace)
		r, size := utf8.DecodeRuneInString(name)
		if size == 0 {
			return ""
		}
		return string(unicode.ToUpper(r)) + name[size:]
	}
	parts := []string{"a", "B", "_", " ", "  ", "\t", "\x1c", "é", "ß", "ǆ", "\xff", "\u00a0",
		"Bot"}
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(6) {
			b.WriteString(parts[rnd.IntN(len(parts))])
		}
		name := b.String()
		if got, want := NormalizeUsername(name), plain(name); got != want {
			t.Fatalf("NormalizeUsername(%q) = %q, want %q", name, got, want)
		}
	}
}
