package project

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/validate"
)

func write(t *testing.T, file, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const sample = `require-families: [wikipedia, commons]
coverage: always
select: [PWB1, PWB3]
ignore: [clear-text-password]
severity:
  PWB101: error
  shadowed-key: off
overrides:
  - paths: ["legacy/", "*-test.py"]
    ignore: [PWB111]
    severity: {PWB101: info}
  - paths: ["bots/main.py"]
    select: [PWB2]
    require-families: all-wikimedia
`

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, FileName)
	write(t, file, sample)
	c, err := Load(file)
	if err != nil {
		t.Fatal(err)
	}
	always := validate.CoverageAlways
	tests := []struct {
		file string
		want validate.Options
	}{
		{"user-config.py", validate.Options{
			Select: []string{"PWB1", "PWB3"}, Ignore: []string{"PWB324", "clear-text-password"},
			Severity:         map[string]diag.Severity{"PWB101": diag.Error},
			RequiredFamilies: []string{"wikipedia", "commons"}, Coverage: always,
		}},
		{"legacy/old/user-config.py", validate.Options{
			Select: []string{"PWB1", "PWB3"}, Ignore: []string{"PWB111", "PWB324", "clear-text-password"},
			Severity:         map[string]diag.Severity{"PWB101": diag.Info},
			RequiredFamilies: []string{"wikipedia", "commons"}, Coverage: always,
		}},
		{"x/y-test.py", validate.Options{
			Select: []string{"PWB1", "PWB3"}, Ignore: []string{"PWB111", "PWB324", "clear-text-password"},
			Severity:         map[string]diag.Severity{"PWB101": diag.Info},
			RequiredFamilies: []string{"wikipedia", "commons"}, Coverage: always,
		}},
		{"bots/main.py", validate.Options{
			Select: []string{"PWB2"}, Ignore: []string{"PWB324", "clear-text-password"},
			Severity:         map[string]diag.Severity{"PWB101": diag.Error},
			RequiredFamilies: []string{"all-wikimedia"}, Coverage: always,
		}},
	}
	for _, tt := range tests {
		got, err := c.Options(filepath.Join(dir, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: options mismatch (-want +got):\n%s", tt.file, diff)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"selct: [PWB1]\n", "p.yaml:1:1: unknown key \"selct\" (want require-families, coverage, select, ignore, severity or overrides)"},
		{"ignore: [PWB1O1]\n", "p.yaml:1:10: \"PWB1O1\" is no rule code, code prefix or rule name; did you mean \"PWB101\"?"},
		{"severity:\n  PWB101: loud\n", "p.yaml:2:11: severity \"loud\": want info, warning, error or off"},
		{"severity:\n  nope: error\n", "p.yaml:2:3: \"nope\" is no rule code or rule name"},
		{"select: [unknown-varible]\n", "p.yaml:1:10: \"unknown-varible\" is no rule code, " +
			"code prefix or rule name; did you mean \"unknown-variable\"?"},
		{"severity:\n  Unknown_Varible: error\n", "p.yaml:2:3: \"Unknown_Varible\" is no rule " +
			"code or rule name; did you mean \"unknown-variable\"?"},
		{"require-families: [wikiboks]\n", "p.yaml:1:19: unknown family \"wikiboks\"; did you mean \"wikibooks\"?"},
		{"coverage: sometimes\n", "p.yaml:1:11: coverage \"sometimes\": want auto, always or never"},
		{"overrides:\n  - ignore: [PWB101]\n", "p.yaml:2:5: an override needs paths"},
		{"overrides:\n  - paths: [a]\n    overrides: []\n", "p.yaml:3:5: unknown key \"overrides\" in an override (want paths, require-families, coverage, select, ignore, severity)"},
		{"select: [\n", "p.yaml:1: did not find expected node content"},
		{"ignore: [PWB101]\nignore: [PWB102]\n", "p.yaml:2:1: \"ignore\" is set twice; first at line 1"},
		{"overrides:\n  - paths: [a]\n    ignore: [PWB101]\n    ignore: [PWB102]\n",
			"p.yaml:4:5: \"ignore\" is set twice; first at line 3"},
		{"severity:\n  PWB101: error\n  unknown-variable: off\n",
			"p.yaml:3:3: \"unknown-variable\" is set twice; first at line 2"},
		{"a: 1\n\tb: 2\n", "p.yaml:2: found a tab character that violates indentation"},
		{"- a\n", "p.yaml:1:1: want a mapping of settings"},
	}
	for _, tt := range tests {
		_, err := Parse("p.yaml", []byte(tt.text))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error:\n got %v\nwant %s", tt.text, err, tt.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, text := range []string{"", "# nothing\n", "---\n"} {
		c, err := Parse("p.yaml", []byte(text))
		if err != nil {
			t.Fatalf("Parse(%q): %v", text, err)
		}
		opts, err := c.Options("user-config.py")
		if err != nil || !cmp.Equal(opts, validate.Options{}, cmpopts.EquateEmpty()) {
			t.Errorf("Parse(%q) gives options %+v, %v", text, opts, err)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "ignore: [PWB101]\n")
	write(t, filepath.Join(root, "repo", ".git", "HEAD"), "ref: x\n")
	write(t, filepath.Join(root, "repo", "bots", "user-config.py"), "")
	write(t, filepath.Join(root, "other", "deep", "user-config.py"), "")
	write(t, filepath.Join(root, "repo", "sub", FileName), "ignore: [PWB102]\n")

	tests := []struct{ dir, want string }{
		{"repo/bots", ""}, // the repository's top ends the search
		{"repo/sub", filepath.Join(root, "repo", "sub", FileName)},
		{"other/deep", filepath.Join(root, FileName)},
	}
	for _, tt := range tests {
		got, err := Find(filepath.Join(root, tt.dir))
		if err != nil || got != tt.want {
			t.Errorf("Find(%s) = %q, %v; want %q", tt.dir, got, err, tt.want)
		}
	}
	c, err := ForFile(filepath.Join(root, "other", "deep", "user-config.py"))
	if err != nil || c == nil || c.Ignore[0] != "PWB101" {
		t.Errorf("ForFile = %+v, %v", c, err)
	}
}

func TestAllErrors(t *testing.T) {
	text := "selct: [PWB1]\nignore: [PWB1O1, PWB101, nope]\nseverity:\n  PWB101: loud\n" +
		"overrides:\n  - ignore: [PWB101]\n  - paths: [a]\n    coverage: sometimes\n"
	_, err := Parse("p.yaml", []byte(text))
	want := "p.yaml:1:1: unknown key \"selct\" (want require-families, coverage, select, ignore, severity or overrides)\n" +
		"p.yaml:2:10: \"PWB1O1\" is no rule code, code prefix or rule name; did you mean \"PWB101\"?\n" +
		"p.yaml:2:26: \"nope\" is no rule code, code prefix or rule name\n" +
		"p.yaml:4:11: severity \"loud\": want info, warning, error or off\n" +
		"p.yaml:6:5: an override needs paths\n" +
		"p.yaml:8:15: coverage \"sometimes\": want auto, always or never"
	if diff := cmp.Diff(want, fmt.Sprint(err)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if list, ok := err.(ErrorList); !ok || len(list) != 6 {
		t.Errorf("got %T with %v", err, err)
	}
}
