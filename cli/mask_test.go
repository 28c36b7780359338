package cli

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMaskerLine(t *testing.T) {
	m := newMasker([]string{"0123456789abcdef", "tok\n", " pw"})
	tests := []struct {
		line    string
		col     int
		want    string
		wantCol int
	}{
		{"x = '0123456789abcdef'", 1, "x = '****(16)'", 1},
		// The caret after a secret moves with the shorter text.
		{"a = ('0123456789abcdef', 'b')", 27, "a = ('****(16)', 'b')", 19},
		// A column inside the quoted secret points at the start of the literal.
		{"x = '0123456789abcdef'", 10, "x = '****(16)'", 5},
		// The escaped form found in the source is masked too.
		{`t = 'tok\n'`, 1, "t = '****(4)'", 1},
		{"p = ' pw'", 5, "p = '****(3)'", 5},
		// A short secret is masked only as a whole literal, never inside
		// words, where it would garble the text around it.
		{`value "pw" is short`, 1, `value "pw" is short`, 1},
		{`family = 'pw'`, 1, `family = 'pw'`, 1},
		{"nothing here", 13, "nothing here", 13},
		// Non-ASCII text before the secret counts as one column a character.
		{"é = '0123456789abcdef' # ü", 26, "é = '****(16)' # ü", 18},
	}
	for _, tt := range tests {
		got, col := m.line(tt.line, tt.col)
		if got != tt.want || col != tt.wantCol {
			t.Errorf("line(%q, %d) = %q, %d; want %q, %d", tt.line, tt.col, got, col, tt.want, tt.wantCol)
		}
	}
}

func TestMaskerPrefersTheLongestSecret(t *testing.T) {
	m := newMasker([]string{"abcdefgh", "abcdefghijkl"})
	if got := m.text("abcdefghijkl abcdefgh"); got != "****(12) ****(8)" {
		t.Errorf("got %q", got)
	}
}

func TestMaskerShortSecretsOnlyAsLiterals(t *testing.T) {
	m := newMasker([]string{"a", "c"})
	got := m.text(`family = 'wikipedia'; t = ('a', "c")`)
	want := `family = 'wikipedia'; t = ('****(1)', "****(1)")`
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPyEscape(t *testing.T) {
	got := []string{pyEscape("a'b\"c\\\t\x01", '\''), pyEscape("a'b\"c", '"'), pyEscape("a'b", 0)}
	want := []string{`a\'b"c\\\t\x01`, `a'b\"c`, `a'b`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// TestMaskerProbesFindEverySpelling checks the shortcut of masker.line:
// text holding any spelling of a secret must be found to hold a probe.
func TestMaskerProbesFindEverySpelling(t *testing.T) {
	secrets := []string{"a4c123b1612dd272d1371c17149d4395", " padded-secret ", `it's "q"`,
		"back\\slash\tand\nlines", "abc", "x", "\x7fdel-and-\x01ctl", "ünïcødé-tøken"}
	m := newMasker(secrets)
	for _, sp := range m.spells {
		if !m.anyIn("before " + sp.text + " after") {
			t.Errorf("spelling %q is not found by the probes %q", sp.text, m.probes)
		}
	}
	if m.anyIn("nothing secret here") {
		t.Error("a probe matched text with no secret in it")
	}
}
