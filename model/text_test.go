package model

import "testing"

// TestEscapeControlsReplacesInvalidBytes checks that a byte that is not
// UTF-8 never reaches the terminal as it is, also in text that is
// otherwise plain.
func TestEscapeControlsReplacesInvalidBytes(t *testing.T) {
	if got := EscapeControls("ab\xffcd"); got != "ab\uFFFDcd" {
		t.Errorf("got %q", got)
	}
}
