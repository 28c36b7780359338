package parser

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// TestNamespaceDefaults reads Pywikibot's defaults back as the file sees
// them.
func TestNamespaceDefaults(t *testing.T) {
	cfg := eval(t, `r_deny = list(cosmetic_changes_deny_script)
r_graph = list(interwiki_graph_formats)
r_timeout = socket_timeout
r_ua = (fake_user_agent_default['reflinks'], fake_user_agent_default['weblinkchecker'], len(fake_user_agent_default))
r_expiry = API_config_expiry
r_base = base_dir
r_log = (log, debug_log, actions_to_block, family_files, authenticate)
r_lang = userinterface_lang
r_summary = default_edit_summary
r_arg = 'arg' in globals()
`, nil)
	noErrors(t, cfg)
	want := map[string]any{
		"r_deny":    []any{"category_redirect", "cosmetic_changes", "newitem", "touch"},
		"r_graph":   []any{"png"},
		"r_timeout": []any{"<float>", "<int>"},
		"r_ua":      []any{"<bool>", "<bool>", "<int>"},
		"r_expiry":  "<int>",
		"r_base":    sandboxBaseDir,
		"r_log":     []any{[]any{}, []any{}, []any{}, "<dict>", "<dict>"},
		"r_lang":    nil,
		"r_summary": "Pywikibot " + pywikibot.Version(),
		"r_arg":     "<bool>",
	}
	for name, w := range want {
		if diff := cmp.Diff(w, plain(mustSetting(t, cfg, name).Value)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	if e := mustSetting(t, cfg, "r_arg"); e.Value.Bool {
		t.Error("arg is defined, though Pywikibot had no command-line arguments")
	}
}

// TestEveryVariableHasItsType checks that each variable of the data is in
// the namespace with a value of its default's type, but for arg.
func TestEveryVariableHasItsType(t *testing.T) {
	ev := newEvaluation("user-config.py", Options{})
	defer ev.release()
	pyType := map[string]string{"defaultdict": "collections.defaultdict"}
	for _, v := range pywikibot.Variables() {
		o, ok := ev.globals[v.Name]
		if v.Name == "arg" {
			if ok {
				t.Errorf("arg = %v, want it undefined", o)
			}
			continue
		}
		if !ok {
			t.Errorf("%s is not in the namespace", v.Name)
			continue
		}
		want := v.Type
		if w, ok := pyType[want]; ok {
			want = w
		}
		if got := o.Type().Name; got != want && !(want == "dict" && got == "collections.defaultdict") {
			t.Errorf("%s is a %s, want %s", v.Name, got, want)
		}
	}
	for _, name := range pywikibot.Functions() {
		if _, ok := ev.globals[name].(*py.Method); !ok {
			t.Errorf("helper %s is missing", name)
		}
	}
}

// TestHelpers runs config.py's helper functions as Pywikibot would.
func TestHelpers(t *testing.T) {
	env := map[string]string{"HOME": "/home/bot/"}
	cfg := eval(t, `import os
a = user_home_path('x/y')
b = shortpath(get_base_dir() + '/logs/a.log')
c = shortpath(get_base_dir() + 'X/y')
d = shortpath('/elsewhere')
e = datafilepath('a', 'b')
f = makepath('/a/./b/../c')
g = get_user_config_file()
h = os.path.expanduser('~')
i = os.path.expanduser('~/.pywikibot')
j = os.path.expanduser('~other/x')
k = user_home_path('/abs')
`, env)
	noErrors(t, cfg)
	for name, want := range map[string]string{
		"a": "/home/bot/x/y", "b": "logs/a.log", "c": "/y", "d": "/elsewhere",
		"e": sandboxBaseDir + "/a/b", "f": "/a/c", "g": "user-config.py",
		"h": "/home/bot", "i": "/home/bot/.pywikibot", "j": "~other/x", "k": "/abs",
	} {
		wantStr(t, cfg, name, want)
	}
}

// TestHelperErrors raises what Python raises for arguments of the wrong
// type, and keeps a home the sandbox cannot know unknown.
func TestHelperErrors(t *testing.T) {
	for _, src := range []string{"x = datafilepath('a', 1)\n", "x = makepath(None)\n", "x = user_home_path(1)\n"} {
		cfg := eval(t, src, nil)
		errs := errorsOf(cfg)
		if len(errs) != 1 || errs[0].Code != diag.CodeException || errs[0].Message[:10] != "TypeError:" {
			t.Errorf("%q: want a TypeError, got %v", src, cfg.Diagnostics)
		}
	}
	cfg := Evaluate("user-config.py", []byte("import os\nx = user_home_path('a')\ny = os.path.expanduser('~')\n"),
		Options{EnvComplete: true})
	noErrors(t, cfg)
	for _, name := range []string{"x", "y"} {
		if e := mustSetting(t, cfg, name); e.Value.Kind != model.Unknown {
			t.Errorf("%s = %+v, want unknown", name, e.Value)
		}
	}
}
