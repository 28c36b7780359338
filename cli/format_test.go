package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

func TestWriteTextMasksTheSnippet(t *testing.T) {
	src := newSource([]byte("x = 1\n\tauth = ('s3cr3t-token', 2)\n"), newMasker([]string{"s3cr3t-token"}))
	ds := []diag.Diagnostic{
		{Code: "PWB999", Severity: diag.Warning, Message: "m", File: "f.py", Line: 2, Column: 25},
		{Code: "PWB998", Severity: diag.Error, Message: "whole file", File: "f.py"},
	}
	var b bytes.Buffer
	if err := writeFindings(&b, "text", ds, map[string]*source{"f.py": src}, false); err != nil {
		t.Fatal(err)
	}
	want := "f.py:2:25: warning: m [PWB999]\n" +
		"    2 | \tauth = ('****(12)', 2)\n" +
		"      | \t                   ^\n" +
		"f.py: error: whole file [PWB998]\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteTextColour(t *testing.T) {
	ds := []diag.Diagnostic{{Code: "C", Severity: diag.Error, Message: "m", File: "f", Line: 1, Column: 1}}
	var b bytes.Buffer
	if err := writeFindings(&b, "text", ds, nil, true); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1mf:1:1\x1b[0m: \x1b[1;31merror\x1b[0m: m \x1b[2m[C]\x1b[0m\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestColorWanted(t *testing.T) {
	noColor := environ{"NO_COLOR": "1"}
	emptyNoColor := environ{"NO_COLOR": ""}
	tests := []struct {
		when     string
		terminal bool
		env      environ
		want     bool
	}{
		{"auto", true, nil, true},
		{"auto", false, nil, false},
		{"auto", true, noColor, false},
		{"auto", true, emptyNoColor, true},
		{"always", false, noColor, true},
		{"never", true, nil, false},
	}
	for _, tt := range tests {
		got, err := colorWanted(tt.when, tt.terminal, tt.env)
		if err != nil || got != tt.want {
			t.Errorf("colorWanted(%q, %v, %v) = %v, %v; want %v", tt.when, tt.terminal, tt.env, got, err, tt.want)
		}
	}
	if _, err := colorWanted("sometimes", true, nil); err == nil {
		t.Error("colorWanted accepted an unknown value")
	}
}

func TestWriteGitHubEscapes(t *testing.T) {
	ds := []diag.Diagnostic{
		{Code: "PWB1", Severity: diag.Info, Message: "50% done\nnext", File: "a,b:c.py", Line: 3, Column: 2},
		{Code: "PWB2", Severity: diag.Error, Message: "x", File: "f.py"},
		{Code: "PWB3", Severity: diag.Error, Message: "a\x1b[2J\u202eb", File: "\x1b]0;t\a.py"},
	}
	var b bytes.Buffer
	if err := writeFindings(&b, "github", ds, nil, false); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=a%2Cb%3Ac.py,line=3,col=2,title=PWB1::50%25 done%0Anext\n" +
		"::error file=f.py,title=PWB2::x\n" +
		`::error file=\x1b]0;t\x07.py,title=PWB3::a\x1b[2J\u202eb` + "\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := writeFindings(&b, "json", nil, nil, false); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("got %q", b.String())
	}
}

func TestDisplayLineEscapesControls(t *testing.T) {
	tests := []struct {
		line    string
		col     int
		want    string
		wantCol int
	}{
		{"put_throtle = 1  # \x1b[2J\x1b]0;pwned\a", 1,
			`put_throtle = 1  # \x1b[2J\x1b]0;pwned\x07`, 1},
		// The caret after an escape moves with the longer text.
		{"\x1b[2Jx = 1", 5, `\x1b[2Jx = 1`, 8},
		{"s = 'abc\u202edef' \u2066x\u2069\x7f\u0085", 15,
			`s = 'abc\u202edef' \u2066x\u2069\x7f\x85`, 20},
		{"\tx = 'é'", 6, "\tx = 'é'", 6},
	}
	for _, tt := range tests {
		got, col := displayLine(tt.line, tt.col)
		if got != tt.want || col != tt.wantCol {
			t.Errorf("displayLine(%q, %d) = %q, %d; want %q, %d", tt.line, tt.col, got, col, tt.want, tt.wantCol)
		}
	}
	if got := model.EscapeControls("a\tb\x1bc\u202e"); got != "a\tb\\x1bc\\u202e" {
		t.Errorf("EscapeControls = %q", got)
	}
}

func TestDisplayLineCutsLongLines(t *testing.T) {
	long := strings.Repeat("abcdefghij", 1000) // 10,000 characters
	tests := []struct {
		col     int
		want    string
		wantCol int
	}{
		{1, long[:120] + "…", 1},
		{5000, "…" + long[4939:5059] + "…", 62},
		{10000, "…" + long[9880:], 121},
		{10001, "…" + long[9880:], 122}, // past the end
	}
	for _, tt := range tests {
		got, col := displayLine(long, tt.col)
		if got != tt.want || col != tt.wantCol {
			t.Errorf("col %d: got %q, %d; want %q, %d", tt.col, got, col, tt.want, tt.wantCol)
		}
		if r := []rune(got); col <= len(r) && string(r[col-1]) != string(long[(tt.col-1)%len(long)]) {
			t.Errorf("col %d: the caret is under %q", tt.col, r[col-1])
		}
	}
	if got, col := displayLine("short", 3); got != "short" || col != 3 {
		t.Errorf("a short line changed: %q, %d", got, col)
	}
}

func TestFindingsCutLongMessages(t *testing.T) {
	long := "ValueError: " + strings.Repeat("é", 100_000)
	ds := []diag.Diagnostic{{Code: "PWB002", Severity: diag.Error, Message: long, File: "f.py",
		Line: 1, Variable: strings.Repeat("v", 10_000)}}
	short := []diag.Diagnostic{ds[0]}
	short[0].Message, short[0].Variable = "ValueError: x", "v"
	for _, format := range lintFormats {
		var b, base bytes.Buffer
		if err := writeFindings(&b, format, ds, nil, false); err != nil {
			t.Fatal(err)
		}
		if err := writeFindings(&base, format, short, nil, false); err != nil {
			t.Fatal(err)
		}
		if b.Len()-base.Len() > 4000 {
			t.Errorf("%s: %d bytes more for a long message", format, b.Len()-base.Len())
		}
		if !strings.Contains(b.String(), "… (100012 characters in all)") {
			t.Errorf("%s: the cut is not marked:\n%.300s", format, b.String())
		}
	}
	if ds[0].Message != long {
		t.Error("writeFindings changed its argument")
	}
}

// TestDisplayLineShortcut checks that the shortcut for plain short lines
// gives what the general way gives.
func TestDisplayLineShortcut(t *testing.T) {
	for _, line := range []string{"", "x = 1", "\tauth = ('a', 'b')", strings.Repeat("ab", 58), "é ü"} {
		n := utf8.RuneCountInString(line)
		for col := -1; col <= n+3; col++ {
			got, gotCol := displayLine(line, col)
			// A control character forces the general way; past the end of
			// the line, its own width would move the caret.
			want, wantCol := displayLine(line+"\x00", col)
			want = strings.TrimSuffix(want, `\x00`)
			if col > n+1 {
				wantCol = col
			}
			if got != want || gotCol != wantCol {
				t.Errorf("%q col %d: got %q, %d; want %q, %d", line, col, got, gotCol, want, wantCol)
			}
		}
	}
}
