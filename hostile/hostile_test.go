package hostile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/sandbox"
	"github.com/pwbconf/pwbconf/validate"
)

// limits are lint's limits, with a short time limit to keep the suite fast
// and a memory limit that leaves room for the other work on the machine.
var limits = sandbox.Limits{Timeout: time.Second, MemoryBytes: 128 << 20}

// slowest is the most one file may take: the time limit, the grace the
// pool gives the evaluator's own limit, and a fresh worker's start.
const slowest = 4 * time.Second

// goodFile is the file checked after each hostile one. It leans on what a
// hostile file could tamper with: string, dict and tuple methods, os.path,
// formatting, comprehensions and the environment.
const goodFile = `import os
family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['en'] = 'exampleBOT'.lower().title()
usernames['wikidata']['*'] = os.environ.get('BOT_USERNAME', 'ExampleBot')
home = os.path.join('a', 'b')
note = '{}-{}'.format(1, 2) + '%s' % 'y' + str(len([1, 2])) + repr({'a': 1}) + 'x'.upper()
tokens = tuple(str(i) * 2 for i in range(4))
authenticate['*.wikipedia.org'] = ('a4c123b1612dd272d1371c17149d4395',
    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',
    'bc74254770f58904dba41ecccc3fc1626e53a130')
put_throttle = int('5') + sum([1, 2]) + max(1, 2) + (3).__add__(4)
extra = dict(a=1, b=[1, 2, 3][1:], c={1, 2} | {3})
del tokens
`

// checked is one file's model and findings, as JSON to compare.
type checked struct {
	cfg      *model.Config
	findings []diag.Diagnostic
	took     time.Duration
}

func check(p *sandbox.Pool, file string, src []byte) checked {
	start := time.Now()
	cfg := p.Evaluate(file, src, sandbox.Env{})
	ds := validate.Check(cfg, validate.Options{Source: src})
	return checked{cfg: cfg, findings: ds, took: time.Since(start)}
}

func (c checked) json(t *testing.T) string {
	t.Helper()
	b, err := json.MarshalIndent(struct {
		Cfg      *model.Config
		Findings []diag.Diagnostic
	}{c.cfg, c.findings}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var (
	aloneOnce sync.Once
	alone     string
)

// goodAlone is the good file checked by a fresh worker.
func goodAlone(t *testing.T) string {
	aloneOnce.Do(func() {
		p := sandbox.NewPool(1, limits)
		defer p.Close()
		alone = check(p, "good.py", []byte(goodFile)).json(t)
	})
	return alone
}

// checkGood checks the good file in p and wants what it gives alone.
func checkGood(t *testing.T, p *sandbox.Pool) {
	t.Helper()
	got := check(p, "good.py", []byte(goodFile))
	if diff := cmp.Diff(goodAlone(t), got.json(t)); diff != "" {
		t.Errorf("the next file came out differently (-alone +after this one):\n%s", diff)
	}
}

// hostileCase is one file and what must become of it.
type hostileCase struct {
	name string
	src  string
	// line is where the file must be stopped with a finding whose code is
	// in codes (a refusal is a warning: the file is not wrong for Pywikibot); alt is another line CPython's traceback would
	// name as well, and wholeFile allows a finding about the whole file
	// where CPython gives no line either. With line 0 the file must run to
	// its end without an error finding.
	line, alt int
	wholeFile bool
	codes     []string
	// mayRun says the evaluator may also run the file to its end where
	// CPython's parser gives up.
	mayRun bool
	// text, when set, is part of the message of that finding.
	text string
	// keep is a top-level name the file sets before it goes wrong, which
	// the model must still hold.
	keep string
}

// Groups of codes a case may end with.
var (
	syntax    = []string{diag.CodeSyntaxError}
	raised    = []string{diag.CodeException}
	refused   = []string{diag.CodeRefused, diag.CodeException}
	exhausted = []string{diag.CodeTimeLimit, diag.CodeMemoryLimit}
	tooDeep   = []string{diag.CodeSyntaxError, diag.CodeRecursionLimit, diag.CodeMemoryLimit}
	anyError  = []string{diag.CodeSyntaxError, diag.CodeException, diag.CodeRefused,
		diag.CodeTimeLimit, diag.CodeMemoryLimit, diag.CodeRecursionLimit}
)

func nested(open, inner, close string, depth int) string {
	return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
}

// garbage is reproducible random bytes.
func garbage(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return string(b)
}

const family = "family = 'wikipedia'\n"

var cases = []hostileCase{
	// Deep nesting.
	{name: "parens", src: family + "x = " + nested("(", "1", ")", 10000) + "\n",
		line: 2, codes: tooDeep},
	{name: "lists", src: family + "x = " + nested("[", "", "]", 10000) + "\n", line: 2, codes: tooDeep},
	{name: "dicts", src: family + "x = " + nested("{'a': ", "1", "}", 10000) + "\n",
		line: 2, codes: tooDeep},
	{name: "calls", src: family + "x = " + nested("len(", "'a'", ")", 10000) + "\n",
		line: 2, codes: tooDeep},
	// CPython's compiler runs out of memory on these two and names no line.
	{name: "unary chain", src: family + "x = " + strings.Repeat("-", 100000) + "1\n",
		line: 2, wholeFile: true, codes: tooDeep},
	{name: "not chain", src: family + "x = " + strings.Repeat("not ", 20000) + "1\n",
		line: 2, wholeFile: true, codes: tooDeep, mayRun: true},
	// The worker runs out of stack here, which loses what the file set.
	// 2,000 levels are past the repr's recursion limit and cheap to build,
	// so the time limit never fires in the loop on a slow machine.
	{name: "nested at run time", src: family + "x = []\nfor i in range(2000):\n    x = [x]\n" +
		"y = repr(x)\n", line: 5, codes: []string{diag.CodeRecursionLimit, diag.CodeException,
		diag.CodeTimeLimit}},

	// Huge literals.
	{name: "10 MB string", src: "x = '" + strings.Repeat("a", 10<<20) + "'\n",
		line: 1, wholeFile: true, codes: []string{diag.CodeRefused}, text: "size limit"},
	{name: "4 MB string", src: family + "x = '" + strings.Repeat("a", 4<<20) + "'\ny = len(x)\n",
		keep: "y"},
	{name: "100k-digit int", src: family + "x = " + strings.Repeat("9", 100000) + "\n",
		line: 2, codes: []string{diag.CodeSyntaxError, diag.CodeException}},
	{name: "power tower", src: family + "x = 10**10**10\n", line: 2,
		codes: append(exhausted, diag.CodeException), keep: "family"},
	{name: "repeated string", src: family + "x = 'a' * (1 << 40)\n", line: 2,
		codes: append(exhausted, diag.CodeException), keep: "family"},
	{name: "repeated list", src: family + "x = [0] * 10**10\n", line: 2,
		codes: append(exhausted, diag.CodeException), keep: "family"},
	// The size of + is checked before it is built, so doubling stops in
	// the evaluator, which keeps what the file set. Growth in small steps
	// should be stopped there too, but on a busy machine the worker can be
	// killed first.
	{name: "doubling", src: family + "x = 'ab'\nwhile True:\n    x = x + x\n", line: 4,
		codes: []string{diag.CodeMemoryLimit}, keep: "family"},
	{name: "growing", src: family + "x = []\nwhile True:\n    x.append('ab' * 1000)\n", line: 4,
		codes: exhausted},

	// Broken bytes.
	{name: "binary garbage", src: garbage(4096), line: 1, codes: syntax},
	{name: "invalid UTF-8", src: family + "mylang = 'en\xff'\n", line: 2, codes: syntax},
	{name: "invalid UTF-8 in a comment", src: family + "# caf\xe9\nmylang = 'en'\n",
		line: 2, codes: syntax},
	{name: "NUL byte", src: family + "x = 1\x00\n", line: 2, codes: syntax},
	{name: "CRLF", src: "family = 'wikidata'\r\nmylang = 'wikidata'\r\n" +
		"usernames['wikidata']['wikidata'] = 'ExampleBot'\r\nraise ValueError('stop')\r\n",
		line: 4, codes: raised, keep: "mylang"},
	{name: "lone CR", src: "family = 'wikidata'\rmylang = 'wikidata'\r" +
		"usernames['wikidata']['wikidata'] = 'ExampleBot'\rraise ValueError('stop')\r",
		line: 4, codes: raised, keep: "mylang"},
	{name: "mixed line ends", src: "family = 'wikidata'\rmylang = 'wikidata'\r\n" +
		"x = (1,\r 2)\nraise ValueError('stop')\r", line: 5, codes: raised, keep: "mylang"},
	{name: "BOM", src: "\ufeff" + family + "mylang = 'de'\nraise ValueError('stop')\n",
		line: 3, codes: raised, keep: "mylang"},
	{name: "BOM and another coding", src: "\ufeff# -*- coding: latin-1 -*-\n" + family,
		line: 1, codes: syntax},
	{name: "tabs and spaces", src: family + "if True:\n\tx = 1\n        y = 2\n",
		line: 4, codes: syntax},

	// Exceptions on purpose.
	{name: "ValueError", src: family + "\nraise ValueError('on purpose')\nmylang = 'en'\n",
		line: 3, codes: raised, text: "ValueError: on purpose;", keep: "family"},
	{name: "SystemExit", src: family + "raise SystemExit(0)\nmylang = 'en'\n", line: 2,
		codes: raised, text: "SystemExit: 0;", keep: "family"},
	{name: "KeyboardInterrupt", src: family + "raise KeyboardInterrupt\n", line: 2,
		codes: raised, keep: "family"},
	{name: "MemoryError", src: family + "raise MemoryError('fake')\n", line: 2,
		codes: raised, keep: "family"},
	{name: "RecursionError", src: family + "raise RecursionError('fake')\n", line: 2,
		codes: raised, keep: "family"},
	{name: "assert", src: family + "assert False, 'on purpose'\n", line: 2, codes: raised,
		keep: "family"},
	{name: "exception in a class body", src: family + "class A:\n    x = 1 / 0\n", line: 2,
		codes: raised, text: "raised at line 3", keep: "family"},
	{name: "exception in a loop's iterable", src: family + "for c in 1 / 0:\n    pass\n",
		line: 2, codes: raised, keep: "family"},

	// Generators and loops that never end, and attempts to outlive the limit.
	// The evaluator's iter() takes no type as its callable, where CPython
	// would loop for ever; the TypeError stops the file at the same line.
	{name: "endless generator", src: family + "x = sum(x for x in iter(int, 1))\n", line: 2,
		codes: append(exhausted, diag.CodeException), keep: "family"},
	{name: "endless list", src: family + "x = list(iter(int, 1))\n", line: 2,
		codes: append(exhausted, diag.CodeException), keep: "family"},
	{name: "endless generator of a function", src: family + "def zero():\n    return 0\n" +
		"x = sum(x for x in iter(zero, 1))\n", line: 4, codes: exhausted, keep: "family"},
	{name: "endless list of a function", src: family + "def zero():\n    return 0\n" +
		"x = list(iter(zero, 1))\n", line: 4, codes: exhausted, keep: "family"},
	{name: "itertools.count", src: family + "import itertools\nx = list(itertools.count())\n",
		line: 3, codes: append(exhausted, diag.CodeException), keep: "family"},
	{name: "endless yield", src: family + "def g():\n    while True:\n        yield 1\n" +
		"x = list(g())\n", line: 5, alt: 4, codes: exhausted, keep: "family"},
	{name: "limit caught", src: family + "try:\n    while True:\n        pass\n" +
		"except BaseException:\n    pass\nmylang = 'en'\n", line: 4, codes: exhausted,
		keep: "family"},
	{name: "limit caught in finally", src: family + "try:\n    while True:\n        pass\n" +
		"finally:\n    while True:\n        pass\n", line: 4, codes: exhausted, keep: "family"},

	// Reaching refused functions another way.
	{name: "getattr of __builtins__", src: family +
		"f = getattr(__builtins__, 'open')\nx = f('passwords.txt').read()\n",
		line: 2, codes: refused, keep: "family"},
	{name: "__builtins__ item", src: family + "x = __builtins__['open']('passwords.txt').read()\n",
		line: 2, codes: refused, keep: "family"},
	{name: "__import__ os", src: family + "x = __import__('os').system('rm victim')\n",
		line: 2, codes: refused, keep: "family"},
	{name: "__import__ subprocess", src: family +
		"x = __import__('subprocess').run(['rm', 'victim'])\n",
		line: 2, codes: refused, keep: "family"},
	{name: "subclasses walk", src: family + "x = ().__class__.__bases__[0].__subclasses__()\n" +
		"for c in x:\n    if c.__name__ == '_wrap_close':\n" +
		"        c.__init__.__globals__['system']('rm victim')\n",
		line: 2, codes: refused, keep: "family"},
	{name: "type of print", src: family + "t = type(print)\nx = t.__call__(open, 'passwords.txt')\n",
		line: 3, codes: refused, keep: "family"},
	{name: "eval", src: family + "x = eval(\"open('passwords.txt').read()\")\n", line: 2,
		codes: refused, keep: "family"},
	{name: "exec", src: family + "exec(\"import os\\nos.remove('victim')\")\n", line: 2,
		codes: refused, keep: "family"},
	{name: "builtins module", src: family + "import builtins\n" +
		"x = builtins.open('passwords.txt').read()\n", line: 3, codes: refused, keep: "family"},
	{name: "globals", src: family + "x = globals()['__builtins__']['open']('passwords.txt')\n",
		line: 2, codes: refused, keep: "family"},
	{name: "from os import", src: family + "from os import system as s\ns('rm victim')\n",
		line: 3, codes: refused, keep: "family"},
	{name: "os functions", src: family + "import os\nos.rename('victim', 'gone')\n", line: 3,
		codes: refused, keep: "family"},
	{name: "home folder", src: family + "import os\n" +
		"x = open(os.path.expanduser('~/.ssh/id_rsa')).read()\n", line: 3, codes: refused,
		keep: "family"},
	{name: "refusal caught", src: family + "try:\n    x = open('passwords.txt').read()\n" +
		"except Exception as e:\n    x = str(e)\nmylang = 'en'\n", line: 3, codes: refused,
		keep: "family"},
	{name: "builtin rebound", src: family + "len = open\nx = len('passwords.txt')\n", line: 3,
		codes: refused, keep: "family"},

	// Names the interpreter relies on, rebound.
	{name: "__builtins__ None", src: "__builtins__ = None\n" + family + "x = len('abc')\n",
		keep: "x"},
	{name: "__builtins__ dict", src: "__builtins__ = {'len': lambda s: 0}\n" + family +
		"x = len('abc')\n", keep: "x"},
	{name: "__builtins__ deleted", src: "del __builtins__\n" + family + "x = len('abc')\n",
		keep: "x"},
	{name: "__import__ rebound", src: "__import__ = lambda *a: None\nimport os\n" + family,
		keep: "family"},
}

// TestHostile checks each hostile file in a fresh world: the finding and
// its line, the time, the model so far, the next file, and the world.
func TestHostile(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			before := w.snapshot(t)
			p := sandbox.NewPool(1, limits)
			defer p.Close()
			got := check(p, "hostile.py", []byte(c.src))
			t.Logf("%v:\n%s", got.took.Round(time.Millisecond), dump(got.findings))
			if got.took > slowest {
				t.Errorf("took %v", got.took)
			}
			c.verify(t, got)
			noCanary(t, "the result", got.json(t))
			checkGood(t, p)
			w.unchanged(t, before)
		})
	}
}

// verify checks the findings of c against what it wants.
func (c *hostileCase) verify(t *testing.T, got checked) {
	t.Helper()
	var errs []diag.Diagnostic
	for _, d := range got.findings {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	switch {
	case c.line == 0 && len(errs) > 0:
		t.Errorf("want no error, got:\n%s", dump(errs))
	case c.mayRun && len(errs) == 0:
	case c.line > 0 && !slices.ContainsFunc(got.findings, c.matches):
		t.Errorf("want a finding %v at line %d%s, got:\n%s", c.codes, c.line,
			textWant(c.text), dump(got.findings))
	}
	if c.keep != "" && !slices.ContainsFunc(got.cfg.Settings, func(e model.Entry) bool {
		return len(e.Path) == 1 && e.Path[0] == c.keep
	}) {
		t.Errorf("the model lost %s, set before the file went wrong", c.keep)
	}
}

func (c *hostileCase) matches(d diag.Diagnostic) bool {
	at := d.Line == c.line || c.alt > 0 && d.Line == c.alt || c.wholeFile && d.Line == 0
	return at && slices.Contains(c.codes, d.Code) &&
		strings.Contains(d.Message, c.text)
}

func textWant(text string) string {
	if text == "" {
		return ""
	}
	return fmt.Sprintf(" saying %q", text)
}

func dump(ds []diag.Diagnostic) string {
	var b bytes.Buffer
	for _, d := range ds {
		msg := d.Message
		if len(msg) > 300 {
			msg = msg[:300] + "..."
		}
		fmt.Fprintf(&b, "  %d:%d %s %s\n", d.Line, d.Column, d.Code, msg)
	}
	return b.String()
}

// TestHostileInOneRun checks every hostile file in one pool of one worker,
// one after the other, as lint over a folder of them would, and the good
// file after them all.
func TestHostileInOneRun(t *testing.T) {
	w := newWorld(t)
	before := w.snapshot(t)
	p := sandbox.NewPool(1, limits)
	defer p.Close()
	for _, c := range cases {
		got := check(p, "hostile.py", []byte(c.src))
		if got.took > slowest {
			t.Errorf("%s: took %v", c.name, got.took)
		}
	}
	checkGood(t, p)
	w.unchanged(t, before)
	if rss := selfRSS(t); rss > 400<<20 {
		t.Errorf("the checking process holds %d MiB", rss>>20)
	}
}

// selfRSS is the resident memory of this process.
func selfRSS(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip("no /proc")
	}
	var size, rss int64
	fmt.Sscan(string(b), &size, &rss)
	return rss * int64(os.Getpagesize())
}
