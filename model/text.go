package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// EscapeControls writes the control characters of s as escapes, so that
// text from a file cannot move the cursor, retitle the terminal, start a
// line of its own or reorder what is shown. Tabs stay.
func EscapeControls(s string) string {
	if !strings.ContainsFunc(s, IsEscaped) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteString(EscapeRune(r))
	}
	return b.String()
}

// IsEscaped reports whether EscapeRune prints r otherwise than as itself.
// Ranging over a string yields utf8.RuneError for an invalid byte, which
// must be replaced, so U+FFFD counts too (it prints the same).
func IsEscaped(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (0x80 <= r && r < 0xa0), r == utf8.RuneError,
		0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// EscapeRune is how text output prints one character: C0 controls but
// tab, DEL, C1 controls and the Unicode bidirectional controls as escapes,
// an invalid byte as U+FFFD, anything else as itself.
func EscapeRune(r rune) string {
	switch {
	case r == '\t':
		return "\t"
	case r < 0x20 || r == 0x7f || (0x80 <= r && r < 0xa0):
		return fmt.Sprintf(`\x%02x`, r)
	case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return string(r)
}

// SourceLine returns line n, counted from 1, of a file's source, without
// its line end; "" past the last line.
func SourceLine(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSuffix(string(src), "\r")
}
