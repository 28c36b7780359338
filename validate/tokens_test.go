package validate

import "testing"

// TestNoPlaceholderWordIsHex guards the shortcut of firstFault, which
// takes a token of hex digits for no placeholder.
func TestNoPlaceholderWordIsHex(t *testing.T) {
	for word := range placeholderWords {
		if hexLen(word) > 0 {
			t.Errorf("placeholder word %q is all hex digits", word)
		}
	}
}

// TestShapeOf checks that a token's description says what is wrong with
// it without showing it.
func TestShapeOf(t *testing.T) {
	for in, want := range map[string]string{
		"8f219e9cb0eb53f16947ccf25ec84d8d": "32 hex digits",
		"8f219e9cb0eb53f16947ccf25ec84dZd": "32 characters, 1 of them not a hex digit",
		"8F219E9cb0eb53f16947ccf25ec84d8d": "32 characters, 2 of them not hex digits",
		"abcdefghijklmnopqrstuvwxyz":       "26 characters, 20 of them not hex digits",
		"xyz":                              "3 characters, none a hex digit",
	} {
		if got := shapeOf(in); got != want {
			t.Errorf("shapeOf(%q) = %q, want %q", in, got, want)
		}
	}
}
