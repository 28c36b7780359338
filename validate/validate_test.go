package validate

import (
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

func str(s string) model.Value    { return model.Value{Kind: model.Str, Str: s} }
func integer(n int64) model.Value { return model.Value{Kind: model.Int, Int: big.NewInt(n)} }
func other(t string) model.Value  { return model.Value{Kind: model.Other, Source: t} }

var (
	none  = model.Value{Kind: model.None}
	float = func(f float64) model.Value { return model.Value{Kind: model.Float, Float: f} }
	list  = func(items ...model.Value) model.Value { return model.Value{Kind: model.List, Items: items} }
)

// config builds a model whose settings are set on consecutive lines, in
// the order given, starting at line 1.
func config(settings ...any) *model.Config {
	cfg := &model.Config{File: "user-config.py"}
	for i := 0; i < len(settings); i += 2 {
		cfg.Settings = append(cfg.Settings, model.Entry{
			Path:  []string{settings[i].(string)},
			Value: settings[i+1].(model.Value),
			Pos:   model.Pos{Line: len(cfg.Settings) + 1, Col: 1},
		})
	}
	// A default site keeps the rules about family and mylang quiet.
	for _, name := range []string{"family", "mylang"} {
		if _, ok := cfg.Setting(name); !ok {
			cfg.Settings = append(cfg.Settings, model.Entry{
				Path: []string{name}, Value: str(map[string]string{"family": "wikipedia",
					"mylang": "en"}[name]), Pos: model.Pos{Line: len(cfg.Settings) + 1, Col: 1},
			})
		}
	}
	return cfg
}

// finding is what a case asserts: which variable, under which rule, and
// the kind of warning Pywikibot itself prints for it.
type finding struct {
	Variable, Code, Pywikibot string
}

func findings(ds []diag.Diagnostic) []finding {
	var out []finding
	for _, d := range ds {
		r, _ := Lookup(d.Code)
		out = append(out, finding{d.Variable, d.Code, r.Pywikibot})
	}
	return out
}

// The settings each case's file leaves bound, and what Pywikibot warned
// about (the warnings of its pywikibot.json, in file order).
var cases = []struct {
	name string
	cfg  *model.Config
	want []finding
}{
	{"01 loop helpers deleted", config("family", str("wikipedia"), "mylang", str("en")), nil},
	{"10 typos and leftovers", config(
		"os", other("module"),
		"family", str("wikipedia"),
		"mylang", str("en"),
		"put_throtle", integer(2),
		"user_script_path", list(str("scripts")),
		"maxlagg", integer(10),
		"home", str("/home/example"),
	), []finding{
		{"put_throtle", "PWB101", "unknown"},
		{"user_script_path", "PWB101", "unknown"},
		{"maxlagg", "PWB101", "unknown"},
		{"home", "PWB101", "unknown"},
	}},
	{"11 wrong types", config(
		"family", str("wikipedia"),
		"mylang", str("en"),
		"put_throttle", str("10"),
		"maxlag", float(5.5),
		"minthrottle", integer(1),
		"socket_timeout", integer(30),
		"log", str("interwiki"),
		"noisysleep", none,
	), []finding{
		{"put_throttle", "PWB102", "type"},
		{"maxlag", "PWB102", "type"},
		{"log", "PWB102", "type"},
	}},
	{"12 python 2 era", config(
		"absolute_import", other("_Feature"),
		"division", other("_Feature"),
		"unicode_literals", other("_Feature"),
		"family", str("wikisource"),
		"mylang", str("de"),
		"textfile_encoding", str("utf-8"),
		"console_encoding", str("utf-8"),
	), []finding{
		{"absolute_import", "PWB103", "deprecated"},
		{"division", "PWB103", "deprecated"},
		{"unicode_literals", "PWB103", "deprecated"},
		{"textfile_encoding", "PWB103", "deprecated"},
	}},
	{"17 hidden helpers", config(
		"os", other("module"),
		"family", str("wikipedia"),
		"_oauth", model.Value{Kind: model.Tuple},
		"_domain", str("wikidata"),
	), nil},
	{"18 annotations", config(
		"annotations", other("_Feature"),
		"Union", other("_SpecialForm"),
		"family", str("wikipedia"),
		"mylang", str("simple"),
		"editor", none,
		"editor_encoding", str("utf-8"),
		"user_agent_description", str("ExampleBot; contact via User talk:ExampleOwner"),
		"put_throttle", float(1.5),
		"console_encoding", str("utf-8"),
		"logfilename", str("wikipedia-simple.log"),
	), []finding{
		{"Union", "PWB101", "unknown"},
		{"put_throttle", "PWB102", "type"},
	}},
	{"27 up to the refused open", config("family", str("wikipedia"), "mylang", str("en")), nil},
	{"removed variable assigned", config("sysopnames", model.Value{Kind: model.Dict}), []finding{
		{"sysopnames", "PWB104", "unknown"},
	}},
	{"modules and functions", config("glob", other("module"), "f", other("function"),
		"register_families_folder", other("function"), "makepath", str("x")), []finding{
		{"glob", "PWB101", "unknown"},
		{"f", "PWB101", "unknown"},
		{"makepath", "PWB102", "type"},
	}},
}

func TestCases(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.cfg, Options{})
			if diff := cmp.Diff(c.want, findings(got)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
			for _, d := range got {
				checkMessage(t, d.Message)
				if d.Line == 0 || d.File != "user-config.py" || d.Severity == 0 {
					t.Errorf("finding lacks a place or severity: %+v", d)
				}
			}
		})
	}
}

// checkMessage holds a message to the house style: lower case start, no
// final period, a first sentence of 30 to 70 characters.
func checkMessage(t *testing.T, msg string) {
	t.Helper()
	first, _, _ := strings.Cut(msg, ". ")
	if n := utf8.RuneCountInString(first); n < 30 || n > 70 {
		t.Errorf("first sentence has %d characters, want 30 to 70: %q", n, msg)
	}
	if strings.HasSuffix(msg, ".") || msg[:1] != strings.ToLower(msg[:1]) && msg[0] != '"' {
		t.Errorf("message must start in lower case and not end in a period: %q", msg)
	}
}

func TestMessages(t *testing.T) {
	cfg := config("put_throtle", integer(2), "home", str("x"), "glob", other("module"),
		"socket_timeout", str("30"), "sysopnames", none, "division", integer(1),
		"max_retries", model.Value{Kind: model.Float, Float: 15}, "cosmetic_changes", integer(0))
	want := []string{
		`unknown variable "put_throtle"; did you mean "put_throttle"?`,
		`unknown variable "home", Pywikibot ignores it. Delete it or rename it "_home"`,
		`unknown variable "glob" (a module). Write "import glob as _glob"`,
		`"socket_timeout" has type "str" but Pywikibot expects "int", "float" or "tuple". It warns and uses the value as it is`,
		`"sysopnames" was removed in Pywikibot 3.0.20200405. Pywikibot ignores it; delete it`,
		`"division" is deprecated since Pywikibot 10.0.0. Delete it`,
		`"max_retries" has type "float" but Pywikibot expects "int". It warns and keeps the default, which the value equals`,
		`"cosmetic_changes" has type "int" but Pywikibot expects "bool". It warns and keeps the default, which the value equals`,
	}
	var got []string
	for _, d := range Check(cfg, Options{}) {
		got = append(got, d.Message)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages mismatch (-want +got):\n%s", diff)
	}
}

func TestOptions(t *testing.T) {
	cfg := config("put_throtle", integer(2), "log", str("x"), "division", integer(1))
	cfg.Diagnostics = []diag.Diagnostic{
		{Code: diag.CodeUnknownImport, Severity: diag.Info, Message: "m", File: cfg.File, Line: 9},
		{Code: diag.CodeException, Message: "no severity set", File: cfg.File, Line: 8},
	}
	codes := func(opts Options) []string {
		var out []string
		for _, d := range Check(cfg, opts) {
			out = append(out, d.Code+":"+d.Severity.String())
		}
		return out
	}
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"all", Options{}, []string{"PWB101:warning", "PWB102:warning", "PWB103:warning",
			"PWB002:error", "PWB009:info"}},
		// The exception stays whatever is selected: Pywikibot cannot load
		// the file.
		{"select prefix", Options{Select: []string{"pwb1"}},
			[]string{"PWB101:warning", "PWB102:warning", "PWB103:warning", "PWB002:error"}},
		{"select name", Options{Select: []string{"wrong-type", "PWB009"}},
			[]string{"PWB102:warning", "PWB002:error", "PWB009:info"}},
		{"ignore wins", Options{Select: []string{"PWB1"}, Ignore: []string{"PWB102", "PWB002"}},
			[]string{"PWB101:warning", "PWB103:warning", "PWB002:error"}},
		{"severity", Options{Severity: map[string]diag.Severity{"unknown-variable": diag.Error,
			"PWB009": diag.Warning}}, []string{"PWB101:error", "PWB102:warning", "PWB103:warning",
			"PWB002:error", "PWB009:warning"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, codes(tt.opts)); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

var (
	codePattern = regexp.MustCompile(`^PWB\d{3}$`)
	namePattern = regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)
)

func TestRuleDeclarations(t *testing.T) {
	names := map[string]bool{}
	for _, r := range Rules() {
		if !codePattern.MatchString(r.Code) || !namePattern.MatchString(r.Name) {
			t.Errorf("rule %q %q: malformed code or name", r.Code, r.Name)
		}
		if names[r.Name] {
			t.Errorf("rule name %q used twice", r.Name)
		}
		names[r.Name] = true
		if r.Severity == 0 || r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("rule %s: incomplete declaration", r.Code)
		}
		if strings.Contains(r.Doc, "\n") {
			t.Errorf("rule %s: Doc must be one paragraph", r.Code)
		}
		if got, ok := Lookup(r.Name); !ok || got.Code != r.Code {
			t.Errorf("Lookup(%q) = %q, %v", r.Name, got.Code, ok)
		}
	}
	for _, code := range []string{diag.CodeSyntaxError, diag.CodeException, diag.CodeRemovedName,
		diag.CodeRefused, diag.CodeTimeLimit, diag.CodeMemoryLimit, diag.CodeRecursionLimit,
		diag.CodeInternal, diag.CodeUnknownImport, diag.CodeUnresolvedEnv} {
		if _, ok := Lookup(code); !ok {
			t.Errorf("evaluator code %s has no rule", code)
		}
	}
}

// TestSelectionKeepsLoadFailures checks that neither --select nor
// --ignore hides a finding that means Pywikibot cannot load the file.
func TestSelectionKeepsLoadFailures(t *testing.T) {
	cfg := parser.Evaluate("user-config.py", []byte("x = (\n"), parser.Options{})
	for _, opts := range []Options{{Select: []string{"PWB3"}}, {Ignore: []string{"PWB0"}},
		{Ignore: []string{"syntax-error"}}} {
		ds := Check(cfg, opts)
		if !slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return d.Code == diag.CodeSyntaxError }) {
			t.Errorf("%+v: the syntax error is gone: %v", opts, ds)
		}
	}
	imp := parser.Evaluate("user-config.py", []byte("import foo\n"), parser.Options{})
	if ds := Check(imp, Options{Ignore: []string{"PWB0"}}); slices.ContainsFunc(ds,
		func(d diag.Diagnostic) bool { return d.Code == diag.CodeUnknownImport }) {
		t.Errorf("an ignored import note is still reported: %v", ds)
	}
}

// TestUnevaluatedFileGetsNoSettingFindings checks that a file whose
// evaluation never started, or stopped before it set anything, is not
// judged on settings nobody saw: no "family and mylang are not set", no
// missing usernames under --coverage always, no stale suppression. Only
// the reason it stopped is reported, and what is true of the file on
// disk.
func TestUnevaluatedFileGetsNoSettingFindings(t *testing.T) {
	tooLarge := &model.Config{File: "user-config.py", Diagnostics: []diag.Diagnostic{{
		Code: diag.CodeRefused, Severity: diag.Error, File: "user-config.py",
		Message: "file is 5.7 MiB, over the 5 MiB size limit; it was not evaluated",
	}}}
	opts := Options{Coverage: CoverageAlways,
		Source: []byte("x = 1  # pwbconf: ignore[PWB101] read by a wrapper\n")}
	for name, cfg := range map[string]*model.Config{
		"too large":    tooLarge,
		"syntax error": parser.Evaluate("user-config.py", []byte("x = (\n"), parser.Options{}),
		"raise at first": parser.Evaluate("user-config.py", []byte("raise ValueError\n"),
			parser.Options{}),
		// A stop that Pywikibot would not make, such as syntax pwbconf
		// cannot run, counts too: it is the error where evaluation ended.
		"pwbconf's own stop": {File: "user-config.py", Stopped: &model.Pos{Line: 3, Col: 1},
			Diagnostics: []diag.Diagnostic{{Code: "PWB0XX", Severity: diag.Error,
				File: "user-config.py", Line: 3, Column: 1, Message: "cannot run this"}}},
	} {
		stop, ok := Stop(cfg)
		if !ok || !Unevaluated(cfg) {
			t.Fatalf("%s: Stop = %v, %v; Unevaluated = %v", name, stop, ok, Unevaluated(cfg))
		}
		want := []string{stop.Code}
		var got []string
		for _, d := range Check(cfg, opts) {
			got = append(got, d.Code)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: findings (-want +got):\n%s", name, diff)
		}
	}

	// What ran before the stop is still judged.
	cfg := parser.Evaluate("user-config.py", []byte("put_throtle = 1\nraise ValueError\n"),
		parser.Options{})
	if Unevaluated(cfg) || !slices.ContainsFunc(Check(cfg, Options{}),
		func(d diag.Diagnostic) bool { return d.Code == "PWB101" }) {
		t.Errorf("a line that ran before the stop is not judged: %v", Check(cfg, Options{}))
	}
}

// TestUnevaluatedFileOnDisk checks that the mode of a file that was not
// evaluated is still judged: Pywikibot skips a file others may write
// whatever it holds.
func TestUnevaluatedFileOnDisk(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes")
	}
	file := filepath.Join(t.TempDir(), "user-config.py")
	if err := os.WriteFile(file, []byte("x = (\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o666); err != nil {
		t.Fatal(err)
	}
	cfg := &model.Config{File: file, Diagnostics: []diag.Diagnostic{{
		Code: diag.CodeRefused, Severity: diag.Error, File: file, Message: "too large",
	}}}
	var got []string
	for _, d := range Check(cfg, Options{}) {
		got = append(got, d.Code)
	}
	if diff := cmp.Diff([]string{diag.CodeRefused, unsafeFile.Code}, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
