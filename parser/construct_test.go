package parser

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

func eval(t *testing.T, src string, env map[string]string) *model.Config {
	t.Helper()
	return Evaluate("user-config.py", []byte(src), Options{Env: env, Timeout: 500 * time.Millisecond})
}

func mustSetting(t *testing.T, cfg *model.Config, name string) model.Entry {
	t.Helper()
	e, ok := cfg.Setting(name)
	if !ok {
		t.Fatalf("no setting %s; diagnostics %v", name, cfg.Diagnostics)
	}
	return e
}

func wantStr(t *testing.T, cfg *model.Config, name, want string) {
	t.Helper()
	e := mustSetting(t, cfg, name)
	if e.Value.Kind != model.Str || e.Value.Str != want {
		t.Errorf("%s = %+v, want %q", name, e.Value, want)
	}
}

func onlyError(t *testing.T, cfg *model.Config, code string) diag.Diagnostic {
	t.Helper()
	errs := errorsOf(cfg)
	if len(errs) != 1 || errs[0].Code != code {
		t.Fatalf("want one %s error, got %v", code, cfg.Diagnostics)
	}
	return errs[0]
}

func noErrors(t *testing.T, cfg *model.Config) {
	t.Helper()
	if errs := errorsOf(cfg); len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
}

func TestStringMethods(t *testing.T) {
	cfg := eval(t, `
a = '{} and {}'.format('x', 1)
b = '{0}-{1}-{0}'.format('p', 'q')
c = '{name}:{n:05d}|{f:.2f}|{s:>5}|{s:<5}|{s:^7}|{n:,}'.format(name='k', n=1234, f=3.14159, s='ab')
d = '{0[1]}{m[k]}'.format(('a', 'b'), m={'k': 'v'})
e = '%s %d %05.2f' % ('s', 7, 3.14159)
f = ', '.join(['a', 'b']).upper() + 'X'.lower()
g = ' a b '.strip().split(' ')[1] + 'a.b.c'.rsplit('.', 1)[0]
h = 'hello world'.title() + 'abc'.capitalize() + '7'.zfill(3)
i = str('banana'.count('a')) + str('banana'.find('n'))
j = 'x'.startswith('x') and 'x.py'.endswith('.py') and 'aXb'.replace('X', '-')
k = u'unicode' + '{!r}'.format('q')
l = '{:e}|{:g}|{:x}|{:#b}|{:+d}'.format(12345.678, 0.0001, 255, 5, 3)
`, nil)
	noErrors(t, cfg)
	for name, want := range map[string]string{
		"a": "x and 1", "b": "p-q-p", "c": "k:01234|3.14|   ab|ab   |  ab   |1,234",
		"d": "bv", "e": "s 7 03.14", "f": "A, Bx", "g": "ba.b", "h": "Hello WorldAbc007",
		"i": "32", "j": "a-b", "k": "unicode'q'", "l": "1.234568e+04|0.0001|ff|0b101|+3",
	} {
		wantStr(t, cfg, name, want)
	}
}

func TestDictMethods(t *testing.T) {
	cfg := eval(t, `
d = {}
d.setdefault('a', 'x')
d.update({'b': 'y'}, c='z')
e = d.get('a') + d.get('nope', '-') + d.pop('c')
keys = ''.join(d.keys()) + ''.join(v for v in d.values()) + str(len(d.items()))
copy = d.copy()
usernames['wikipedia'].update({'en': 'A'})
usernames.setdefault('wikidata', {})['wikidata'] = 'B'
n = len(usernames) + len(dict(usernames))
ks = ','.join(k for k in usernames)
has = 'wikipedia' in usernames
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "e", "x-z")
	wantStr(t, cfg, "keys", "abxy2")
	wantStr(t, cfg, "ks", "wikipedia,wikidata")
	if got := usernamesOf(cfg); got["wikipedia"]["en"] != "A" || got["wikidata"]["wikidata"] != "B" {
		t.Errorf("usernames = %v", got)
	}
}

func TestNonStringKey(t *testing.T) {
	cfg := eval(t, "family = 'x'\nd = {1: 'a'}\n", nil)
	d := onlyError(t, cfg, diag.CodeException)
	if !strings.Contains(d.Message, "string-keyed") || d.Line != 2 {
		t.Errorf("diagnostic = %+v", d)
	}
	wantStr(t, cfg, "family", "x")
}

func TestModules(t *testing.T) {
	cfg := eval(t, `
import os, sys, typing, collections
from typing import Union, Optional, Dict, List, Any, Tuple
from collections import defaultdict, OrderedDict
import math, string
p = os.path.join('/a', 'b', 'c.txt')
q = os.path.dirname(p) + '|' + os.path.basename(p) + '|' + os.path.normpath('/a/./b/../c')
ex = os.path.exists('/etc/passwd') or os.path.isdir('/') or os.path.isfile('/etc/passwd')
argv = sys.argv
v = sys.version_info >= (3, 6)
plat = sys.platform
t = Optional[Dict[str, List[int]]]
dd = defaultdict(list)
dd['x'].append(1)
od = OrderedDict()
od['z'] = 1
od['a'] = 2
r = math.sqrt(16)
print('hello', 1, sep='-')
print('again', file=sys.stderr)
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "p", "/a/b/c.txt")
	wantStr(t, cfg, "q", "/a/b|c.txt|/a/c")
	if e := mustSetting(t, cfg, "ex"); e.Value.Bool {
		t.Errorf("os.path.exists looked at the disk")
	}
	if e := mustSetting(t, cfg, "od"); strings.Join(e.Value.Keys, "") != "za" {
		t.Errorf("OrderedDict order = %v", e.Value.Keys)
	}
	if cfg.Output != "hello-1\nagain\n" {
		t.Errorf("output = %q", cfg.Output)
	}
}

func TestFuture(t *testing.T) {
	cfg := eval(t, "# -*- coding: utf-8 -*-\nfrom __future__ import unicode_literals, annotations\nx: int = 1\n", nil)
	noErrors(t, cfg)
	e := mustSetting(t, cfg, "unicode_literals")
	if e.Value.Kind != model.Other || e.Pos.Line != 2 {
		t.Errorf("unicode_literals = %+v", e)
	}
}

func TestEnvironment(t *testing.T) {
	src := `import os
a = os.environ['A']
b = os.environ.get('B', 'dflt')
c = os.getenv('C')
d = 'prefix-' + os.environ.get('D')
e = 'X' in os.environ
`
	cfg := eval(t, src, nil)
	noErrors(t, cfg)
	// The source says what Python gives where the variable is unset: a
	// KeyError, None, or whatever the expression makes of None.
	for name, source := range map[string]string{"a": "env:A", "c": "env-or-none:C", "d": "computed:env:D"} {
		v := mustSetting(t, cfg, name).Value
		if v.Kind != model.Unknown || v.Source != source || v.Origin == nil {
			t.Errorf("%s = %+v, want unknown from %s", name, v, source)
		}
	}
	wantStr(t, cfg, "b", "dflt")
	if len(cfg.EnvReads) != 5 {
		t.Errorf("env reads = %v", cfg.EnvReads)
	}
	cfg = eval(t, src, map[string]string{"A": "1", "B": "2", "C": "3", "D": "4", "X": ""})
	noErrors(t, cfg)
	wantStr(t, cfg, "a", "1")
	wantStr(t, cfg, "b", "2")
	wantStr(t, cfg, "d", "prefix-4")
	for _, r := range cfg.EnvReads {
		if !r.Resolved {
			t.Errorf("read %v not resolved", r)
		}
	}
}

func TestUnknownImport(t *testing.T) {
	cfg := eval(t, `import bot_secrets
from dotenv import load_dotenv
load_dotenv()
usernames['wikipedia']['en'] = bot_secrets.USER
authenticate['*.wikipedia.org'] = (bot_secrets.A, 'b')
mylang = '%s' % bot_secrets.LANG
if bot_secrets.FLAG:
    family = 'never'
`, nil)
	noErrors(t, cfg)
	if len(cfg.Imports) != 2 || cfg.Imports[0].Module != "bot_secrets" {
		t.Errorf("imports = %v", cfg.Imports)
	}
	if v := cfg.Usernames[0].Value; v.Kind != model.Unknown || v.Source != "import:bot_secrets" {
		t.Errorf("username = %+v", v)
	}
	if v := mustSetting(t, cfg, "mylang").Value; v.Kind != model.Unknown {
		t.Errorf("mylang = %+v, want unknown", v)
	}
	if _, ok := cfg.Setting("family"); ok {
		t.Errorf("an unknown condition was taken as true")
	}
	if !cfg.Authenticate[0].Secret {
		t.Errorf("authenticate entry not secret")
	}
}

func TestRefusals(t *testing.T) {
	for _, stmt := range []string{
		"open('/etc/passwd')", "input()", "exit()", "quit()", "compile('1', 'x', 'eval')",
		"exec('1')", "eval('1')", "__import__('subprocess')", "import os\nos.system('true')",
		"import os\nos.remove('/tmp/x')", "import os\nos.putenv('A', 'b')",
		"import os\nos.listdir('/')", "import subprocess", "import glob",
		"import shutil", "import io", "import ctypes", "import os\nos.environ.clear()",
		"try:\n    open('/etc/passwd')\nexcept BaseException:\n    pass\nfamily = 'x'",
	} {
		cfg := eval(t, stmt+"\nb = 2\n", nil)
		d := onlyError(t, cfg, diag.CodeRefused)
		if !strings.HasPrefix(d.Message, "the sandbox does not ") ||
			!strings.Contains(d.Message, "are not checked") {
			t.Errorf("%q: message %q", stmt, d.Message)
		}
		if _, ok := cfg.Setting("family"); ok {
			t.Errorf("%q: evaluation went on after a refusal", stmt)
		}
	}
}

func TestAttributeWalks(t *testing.T) {
	cfg := eval(t, `
a = ().__class__
b = getattr(a, '__bases__', None)
c = __builtins__ if '__builtins__' in dir() else None
`, nil)
	// Whatever gpython allows here, nothing may reach the disk; an
	// exception is fine, a refusal is fine, a crash is not.
	_ = cfg
	cfg = eval(t, "import builtins\nbuiltins.open('/etc/passwd')\n", nil)
	onlyError(t, cfg, diag.CodeRefused)
}

func TestErrorsStopEvaluation(t *testing.T) {
	cfg := eval(t, "family = 'wikipedia'\nx = undefined_name\nmylang = 'de'\n", nil)
	d := onlyError(t, cfg, diag.CodeException)
	if d.Line != 2 || !strings.Contains(d.Message, "NameError: name 'undefined_name' is not defined") ||
		!strings.Contains(d.Message, "; Pywikibot fails to start (pwbconf checked lines 1-2 only)") {
		t.Errorf("diagnostic = %+v", d)
	}
	if cfg.Stopped == nil || cfg.Stopped.Line != 2 {
		t.Errorf("stopped = %v", cfg.Stopped)
	}
	wantStr(t, cfg, "family", "wikipedia")
	if _, ok := cfg.Setting("mylang"); ok {
		t.Error("mylang set after the error")
	}
}

func TestSyntaxError(t *testing.T) {
	cfg := eval(t, "family = 'x'\nmylang = = 'de'\n", nil)
	d := onlyError(t, cfg, diag.CodeSyntaxError)
	if d.Line != 2 {
		t.Errorf("syntax error at %d:%d", d.Line, d.Column)
	}
}

func TestPositions(t *testing.T) {
	cfg := eval(t, `family = 'wikipedia'
for fam in ('wikipedia', 'wikidata'):
    usernames[fam]['*'] = 'Bot'
usernames['wikipedia']['*'] = 'Other'
family = 'wikidata'
del fam
`, nil)
	noErrors(t, cfg)
	e := mustSetting(t, cfg, "family")
	if e.Pos.Line != 5 || len(e.Earlier) != 1 || e.Earlier[0].Line != 1 {
		t.Errorf("family = %+v", e)
	}
	if _, ok := cfg.Setting("fam"); ok {
		t.Error("deleted name kept")
	}
	for _, u := range cfg.Usernames {
		want := 3
		if u.Path[1] == "wikipedia" {
			want = 4
			if len(u.Earlier) != 1 || u.Earlier[0] != (model.Pos{Line: 3, Col: 5}) {
				t.Errorf("earlier = %v", u.Earlier)
			}
		}
		if u.Pos.Line != want {
			t.Errorf("%v at %v, want line %d", u.Path, u.Pos, want)
		}
	}
}

func TestRebindUsernames(t *testing.T) {
	cfg := eval(t, "usernames = {'wikipedia': {'en': 'A'}}\nauthenticate = {'*': ('a', 'b')}\n", nil)
	noErrors(t, cfg)
	if len(cfg.Usernames) != 1 || cfg.Usernames[0].Pos.Line != 1 {
		t.Errorf("usernames = %+v", cfg.Usernames)
	}
	if len(cfg.Authenticate) != 1 || cfg.Authenticate[0].Pos.Line != 2 {
		t.Errorf("authenticate = %+v", cfg.Authenticate)
	}
}

func TestFamilyFolders(t *testing.T) {
	cfg := eval(t, "register_families_folder('/srv/families')\nuser_families_paths = ['fams']\n"+
		"x = user_home_path('a') if False else datafilepath('b')\n", map[string]string{"HOME": "/h"})
	noErrors(t, cfg)
	if len(cfg.FamilyFolders) != 2 || cfg.FamilyFolders[0].Path != "/srv/families" ||
		cfg.FamilyFolders[1].Pos.Line != 2 {
		t.Errorf("family folders = %+v", cfg.FamilyFolders)
	}
}

func TestTimeLimit(t *testing.T) {
	var line atomic.Int64
	start := time.Now()
	cfg := Evaluate("f.py", []byte("family = 'x'\ntry:\n    while True:\n        pass\nexcept BaseException:\n    pass\nwhile True:\n    pass\n"),
		Options{Timeout: 100 * time.Millisecond, Line: &line})
	if time.Since(start) > time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	d := onlyError(t, cfg, diag.CodeTimeLimit)
	if d.Line != 4 || line.Load() != 4 {
		t.Errorf("time limit at line %d (Line %d), want 4", d.Line, line.Load())
	}
	wantStr(t, cfg, "family", "x")
}

func TestRecursionLimit(t *testing.T) {
	cfg := eval(t, "def f(n):\n    return f(n + 1)\nfamily = 'x'\nmylang = f(0)\n", nil)
	d := onlyError(t, cfg, diag.CodeRecursionLimit)
	if d.Line != 4 {
		t.Errorf("recursion error at line %d, want 4", d.Line)
	}
	cfg = eval(t, "f = lambda n: f(n + 1)\nx = f(0)\n", nil)
	onlyError(t, cfg, diag.CodeRecursionLimit)
}

func TestMemoryLimit(t *testing.T) {
	cfg := Evaluate("f.py", []byte("x = []\nwhile True:\n    x.append('y' * 100000)\n"),
		Options{Timeout: 10 * time.Second, MemoryLimit: 64 << 20})
	onlyError(t, cfg, diag.CodeMemoryLimit)
}

func TestInternalErrorIsContained(t *testing.T) {
	// Whatever the source, Evaluate returns a model.
	for _, src := range []string{"", "\x00", "def", "x = (", "class A:\n  pass\nA()\n"} {
		if cfg := eval(t, src, nil); cfg == nil {
			t.Fatalf("%q: nil model", src)
		}
	}
}

// TestSocketIsUnknown checks that socket, which configs use to tell the
// machine they run on, is an unknown module rather than a refusal: its
// functions never run, and the check goes on.
func TestSocketIsUnknown(t *testing.T) {
	cfg := eval(t, "import socket\nfamily = 'wikipedia'\n"+
		"if socket.getfqdn().endswith('.toolforge.org'):\n    mylang = 'de'\nelse:\n    mylang = 'en'\n", nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "mylang", "en")
}
