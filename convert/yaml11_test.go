package convert

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/pwbconf/pwbconf/parser"
)

// yaml11Strings are strings that YAML 1.1 readers take, written plain,
// for booleans, nulls, numbers, timestamps or syntax.
var yaml11Strings = []string{
	"yes", "no", "on", "off", "y", "n", "Y", "N", "YES", "No", "oN", "ofF",
	"true", "False", "TRUE", "null", "Null", "NULL", "~", "",
	"0", "-1", "+1", "007", "0o17", "0x1F", "0b101", "1_000", "1,000", ".5", "-.5", "1e3",
	"1.5e+3", "1:30", "190:20:30.15", ".inf", "-.Inf", ".NaN", "2024-01-01",
	"2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "<<", "=",
	"- x", "-x", "? x", ":x", "@x", "`x", "%x", "!x", "&x", "*x", "|", ">", "#x", "[x]", "{x}",
	"'x'", `"x"`, ",x",
	// Plain strings that must stay strings too.
	"wikipedia", "ExampleBot", "en", "nb", "be-tarask",
}

// TestYAML11Reader writes every string of yaml11Strings as a setting and
// as a usernames code and has PyYAML's safe_load, a YAML 1.1 reader, read
// the document: each must come back as the same string. Skipped where
// python3 or PyYAML is missing; TestNeedsQuotes covers the rule then.
func TestYAML11Reader(t *testing.T) {
	if exec.Command("python3", "-c", "import yaml").Run() != nil {
		t.Skip("python3 with PyYAML is not installed")
	}
	// Evaluated from Python, so that entries carry the line comments
	// that change how the YAML writer picks a style.
	var src strings.Builder
	for i, s := range yaml11Strings {
		fmt.Fprintf(&src, "s%d = %q\n", i, s)
		if s != "" {
			fmt.Fprintf(&src, "usernames['wikipedia'][%q] = %q\n", s, s)
		}
	}
	cfg := parser.Evaluate("user-config.py", []byte(src.String()), parser.Options{})
	doc := New(cfg, Inline)
	doc.Source = "user-config.py"
	y, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	script := "import sys, yaml, json\n" +
		"d = yaml.safe_load(sys.stdin)\n" +
		"def keys(m): return [[repr(type(k).__name__), k if isinstance(k, str) else repr(k)] for k in m]\n" +
		"json.dump({'settings': {k: [type(v).__name__, v if isinstance(v, str) else repr(v)]\n" +
		"    for k, v in d['settings'].items()}, 'codes': keys(d['usernames']['wikipedia']),\n" +
		"    'names': [[type(v).__name__, v if isinstance(v, str) else repr(v)]\n" +
		"    for v in d['usernames']['wikipedia'].values()]}, sys.stdout)\n"
	cmd := exec.Command("python3", "-c", script)
	cmd.Stdin = strings.NewReader(string(y))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("PyYAML cannot read the document: %v\n%s", err, y)
	}
	var got struct {
		Settings map[string][2]string
		Codes    [][2]string
		Names    [][2]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, s := range yaml11Strings {
		if v := got.Settings[fmt.Sprintf("s%d", i)]; v != [2]string{"str", s} {
			t.Errorf("setting %q read back as %s %q", s, v[0], v[1])
		}
	}
	codes := map[string]bool{}
	for _, k := range got.Codes {
		if k[0] != "'str'" {
			t.Errorf("code %s read back as %s", k[1], k[0])
		}
		codes[k[1]] = true
	}
	for _, s := range yaml11Strings {
		if s != "" && !codes[s] {
			t.Errorf("code %q lost", s)
		}
	}
	for _, v := range got.Names {
		if v[0] != "str" {
			t.Errorf("username %s read back as %s", v[1], v[0])
		}
	}
}

// TestNeedsQuotes checks the rule on the strings above without PyYAML.
func TestNeedsQuotes(t *testing.T) {
	plain := map[string]bool{"wikipedia": true, "ExampleBot": true, "en": true, "nb": true,
		"be-tarask": true}
	for _, s := range yaml11Strings {
		if got := needsQuotes(s); got == plain[s] {
			t.Errorf("needsQuotes(%q) = %v", s, got)
		}
		// The style is set on the node, not left to the YAML writer, whose
		// choice for a plain-looking str varies with the comments around.
		quoted := strNode(s).Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0
		if quoted == plain[s] {
			t.Errorf("strNode(%q) quoted: %v", s, quoted)
		}
	}
}
