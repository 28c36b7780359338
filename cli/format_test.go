package cli

import (
	"bytes"
	"testing"

	"github.com/pwbconf/pwbconf/diag"
)

func TestWriteTextMasksTheSnippet(t *testing.T) {
	src := newSource([]byte("x = 1\n\tauth = ('s3cr3t-token', 2)\n"), newMasker([]string{"s3cr3t-token"}))
	ds := []diag.Diagnostic{
		{Code: "PWB999", Severity: diag.Warning, Message: "m", File: "f.py", Line: 2, Column: 25},
		{Code: "PWB998", Severity: diag.Error, Message: "whole file", File: "f.py"},
	}
	var b bytes.Buffer
	if err := writeText(&b, ds, map[string]*source{"f.py": src}, false); err != nil {
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
	if err := writeText(&b, ds, nil, true); err != nil {
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
	}
	var b bytes.Buffer
	if err := writeGitHub(&b, ds); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=a%2Cb%3Ac.py,line=3,col=2,title=PWB1::50%25 done%0Anext\n" +
		"::error file=f.py,title=PWB2::x\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriteJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := writeJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("got %q", b.String())
	}
}
