package rewrite

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// cpythonCheck runs each original and its rewrite in CPython and prints
// the cases whose resulting names differ.
const cpythonCheck = `
import json, sys, __future__
sys.modules['__pwbconf_future__'] = __future__
def run(src, hooks):
    ns = {'a': 'A', 'b': 3.14159, 'w': 12, 'p': 2, 'd': {'k': 'K', '{': 'brace'}, 'x': 42, 'y': [1, 2]}
    if hooks:
        class Hook:
            def __init__(self, run):
                self.run = run
            def __getattr__(self, name):
                return self.run()
        ns['__pwbconf_at__'] = Hook(lambda: None)
        ns['__pwbconf_loop__'] = Hook(lambda: ns.__setitem__('loops', ns.get('loops', 0) + 1))
        ns['__pwbconf_hdr__'] = Hook(lambda: None)
        ns['__pwbconf_def__'] = Hook(lambda: ())
        ns['__pwbconf_fmt__'] = lambda x: x
        ns['__pwbconf_size__'] = lambda x: x
        ns['__pwbconf_grow__'] = lambda op, target, value: value
        ns['__pwbconf_or__'] = lambda x: x
        ns['__pwbconf_ior__'] = lambda target, value: value
        ns['__pwbconf_eq__'] = lambda x: x
        ns['__pwbconf_deco__'] = lambda x: x
    exec(compile(src, 'user-config.py', 'exec'), ns)
    names = {k: v for k, v in ns.items() if not k.startswith('__') and not callable(v)}
    names.pop('loops', None)
    return names, ns.get('loops')
for orig, new, loops in json.load(sys.stdin):
    want, _ = run(orig, False)
    got, n = run(new, True)
    if want != got or (loops and n != loops):
        print(repr(orig), '=>', repr(new), ':', want, '!=', got, 'loops', n)
`

func TestMeaningInCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	type check struct {
		src   string
		loops int
	}
	checks := []check{
		{"r = f'{a}|{b:.2f}|{x:>5}|{x:<{w}}|{b:{w}.{p}f}|{a!r}|{a!s:^9}'\n", 0},
		{"r = f'{x=}|{x = }|{b=:.1f}|{a=!s}|{d[\"k\"]=}'\n", 0},
		{"r = f'{{}}{a}}}{{x}}'\n", 0},
		{"r = 'q{' f\"{a}\" '}z' r'\\d' f'{x}'\n", 0},
		{"r = (f'{a}'\n     'b' f'''{x}\n{y}\n''')\n", 0},
		{"r = f'''line {a}\n  {x!r:>{w}}\nend'''\n", 0},
		{"r = rf'\\d{x}\\{a}' + fr'{a}\\n'\n", 0},
		{"r = f'{f\"{a}-{x}\"}' + f'{d[\"{\"]}'\n", 0},
		{"r = f'{x:#x}{x:08b}{b:e}{1_000:,}'\n", 0},
		{"r = f'{\"}\"}{(lambda: 1)()}{y[0]}{x if x else a}'\n", 0},
		{"r = f'ab\\\ncd{x}'\n", 0},
		{"r = f'''ab'\n{x}'''\n", 0},
		{"r = f'''ab\\\ncd{x}'''\n", 0},
		{"r = f'''{\nx=}''' + f'''{x\n=}''' + rf'''a\\{x}{\nx=}'''\n", 0},
		{"r: int = 1_000\nq: dict = {'a': 1}\ns: str\nd['n']: int = 2\n", 0},
		{"from __future__ import annotations\nr: Undefined[int] = 3\n", 0},
		{"r = 0\nfor i in range(3):\n    r += i\n    for j in range(2): r += j\n", 9},
		{"r = 0\nfor i in range(3):\n    if i:\n        r += i\n", 3},
		{"r = []\nfor i in range(2):\n    for j in 'ab', 'cd':\n        r.append((i, j))\n", 6},
		{"r = 0\nfor i in range(4):\n    try:\n        r += 10 // i\n    except ZeroDivisionError:\n        pass\n", 4},
		{"def f(a, /, b, *c,):\n    return (a, b, c)\nr = f(1, 2, *[3],)\n", 0},
		{"r = 1; q = 2;\nif r: s = 3; t = 4\nwhile q: q -= 1\n", 0},
		{"r = ('%s-%d' % (a, x), '%(k)s' % d, -x ** 2 % 7 * 3, x % 5 % 3, f'{x % 4}%s' % a)\n", 0},
		{"r = a\nr %= ()\nq = 7\nq %= 4\n", 0},
		{"r = [x * 2, 2 * x, 2 ** 3 ** 2, -2 ** 2, 2 ** -1, 1 << 2 + 1, -x * ~p << 1 - 1 >> 1]\n", 0},
		{"r = [a * 3 % (), '%s' * 2 % (a, x), y * 2 * 3, (y + y) * p, y[0] * 2 ** p, b * 2]\n", 0},
		{"l = [1]\nm = l\nl *= 2\nq = 3\nq **= 2\nq <<= 1 + 1\ns = 'ab'\ns *= 2\n", 0},
		{"def f(*c, k=2 * 3, **e):\n    return c, k, e\nr = f(*y, **{'z': 1}), f(*y * 2), [*y], (lambda *c: c)(1)\n", 0},
		{"def g(q, *, k): return q * k\nr = g(2, k=3)\n", 0},
		{"r = []\nfor i in range(2):\n    def f() -> int: return i\n    class C(object): pass\n    r.append(f())\n", 2},
		{"class C: pass\nclass D(): pass\nclass E(C, metaclass=type): pass\nr = [E.__mro__[1] is C, D.__bases__]\n", 0},
	}
	var pairs [][3]any
	for _, c := range checks {
		r := mustRewrite(t, c.src)
		pairs = append(pairs, [3]any{c.src, r.Src, c.loops})
	}
	in, err := json.Marshal(pairs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", cpythonCheck)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("CPython disagrees (%v):\n%s", err, out)
	}
}
