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
