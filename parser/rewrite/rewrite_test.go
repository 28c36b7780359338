package rewrite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-python/gpython/compile"
	"github.com/go-python/gpython/py"
	"github.com/google/go-cmp/cmp"
)

// gpythonCompile compiles src with the interpreter the evaluator embeds.
func gpythonCompile(src string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("gpython panicked: %v", r)
		}
	}()
	_, err = compile.Compile(src, "user-config.py", py.ExecMode, 0, true)
	return err
}

func mustRewrite(t *testing.T, src string) *Result {
	t.Helper()
	r, err := Rewrite([]byte(src))
	if err != nil {
		t.Fatalf("Rewrite(%q): %v", src, err)
	}
	if got, want := strings.Count(r.Src, "\n"), strings.Count(normNewlines(src), "\n"); got != want {
		t.Errorf("Rewrite(%q) has %d line breaks, want %d:\n%s", src, got, want, r.Src)
	}
	return r
}

func normNewlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func TestRewrite(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"assignment", "x = 1\n", "__pwbconf_at__.L1_1;x = 1\n"},
		{"statements on one line", "a = 1; b = 2;\n",
			"__pwbconf_at__.L1_1;a = 1; __pwbconf_at__.L1_8;b = 2;\n"},
		{"continuation lines get nothing", "x = (1,\n     2)\ny = 1 + \\\n    2\n",
			"__pwbconf_at__.L1_1;x = (1,\n     2)\n__pwbconf_at__.L3_1;y = 1 + \\\n    2\n"},
		{"comments and blank lines", "# c\n\nx = 1  # c\n",
			"# c\n\n__pwbconf_at__.L3_1;x = 1  # c\n"},
		{"body on the header line", "while True: pass\nif x: y = 1; z = 2\n",
			"while (__pwbconf_hdr__.L1_1, (True))[1]: __pwbconf_at__.L1_13;pass\n" +
				"if (__pwbconf_hdr__.L2_1, (x))[1]: __pwbconf_at__.L2_7;y = 1; __pwbconf_at__.L2_14;z = 2\n"},
		{"indented bodies", "if x:\n    y = 1\nelse:\n    y = 2\n",
			"if (__pwbconf_hdr__.L1_1, (x))[1]:\n    __pwbconf_at__.L2_5;y = 1\nelse:\n    __pwbconf_at__.L4_5;y = 2\n"},
		{"for body", "for fam in ('a',\n            'b'):\n    usernames[fam]['*'] = 'X'\n    n = 1\n",
			"for fam in ('a',\n            'b'):\n" +
				"    __pwbconf_loop__.L1_1;__pwbconf_at__.L3_5;usernames[fam]['*'] = 'X'\n" +
				"    __pwbconf_at__.L4_5;n = 1\n"},
		{"for body on the header line", "for a in b: c = 1; d = 2\n",
			"for a in b: __pwbconf_loop__.L1_1;__pwbconf_at__.L1_13;c = 1; __pwbconf_at__.L1_20;d = 2\n"},
		{"for body starting with if", "for a in b:\n    if a:\n        pass\n",
			"for a in b:\n    if ((__pwbconf_loop__.L1_1, __pwbconf_hdr__.L2_5), (a))[1]:\n        __pwbconf_at__.L3_9;pass\n"},
		{"for body starting with for", "for a in b:\n    for c in d, e:\n        pass\n",
			"for a in b:\n    for c in (__pwbconf_loop__.L1_1, (d, e))[1]:\n" +
				"        __pwbconf_loop__.L2_5;__pwbconf_at__.L3_9;pass\n"},
		{"for body starting with try", "for a in b:\n    try:\n        x = 1\n    except E:\n        pass\n",
			"for a in b:\n    try:\n        __pwbconf_loop__.L1_1;__pwbconf_at__.L3_9;x = 1\n" +
				"    except E:\n        __pwbconf_at__.L5_9;pass\n"},
		{"for body starting with with", "for a in b:\n    with open(a) as f, g: pass\n",
			"for a in b:\n    with (__pwbconf_loop__.L1_1, (open(a)))[1] as f, g: __pwbconf_at__.L2_27;pass\n"},
		{"for else is no loop body", "for a in b:\n    pass\nelse:\n    pass\n",
			"for a in b:\n    __pwbconf_loop__.L1_1;__pwbconf_at__.L2_5;pass\nelse:\n    __pwbconf_at__.L4_5;pass\n"},
		{"dotted and call decorators", "@a.b\n@c(1)\n@d.e(2)\n@f\ndef g(): pass\n",
			"@__pwbconf_deco__(a.b)\n@c(1)\n@__pwbconf_deco__(d.e(2))\n@f\ndef g(): __pwbconf_at__.L5_10;pass\n"},
		{"def and decorators", "@dec\ndef f(a):\n    return a\nglobal g\n",
			"@dec\ndef f(a):\n    __pwbconf_at__.L3_5;return a\n__pwbconf_at__.L4_1;global g\n"},
		{"lambda and slice colons", "f = lambda: 1\ne = x[1:2]\nd = {k: v for k, v in y}\n",
			"__pwbconf_at__.L1_1;f = lambda: 1\n__pwbconf_at__.L2_1;e = x[1:2]\n" +
				"__pwbconf_at__.L3_1;d = {k: v for k, v in y}\n"},
		{"underscores in numbers", "x = 1_000_000.5e1_0 + 0x_FF + 0b_1 + 1_0j\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_size__(__pwbconf_size__(1000000.5e10 + 0xFF) + 0b1) + 10j\n"},
		{"unicode columns", "é = 'ü'; ß = 2\n", "__pwbconf_at__.L1_1;é = 'ü'; __pwbconf_at__.L1_10;ß = 2\n"},

		{"annotated assignment", "x: int = 1\n", "__pwbconf_at__.L1_1;x      = 1\n"},
		{"annotated attribute", "obj.attr: str | None = 'a'\n", "__pwbconf_at__.L1_1;obj.attr             = 'a'\n"},
		{"annotated subscript", "d['k']: Dict[str, int] = {}\n", "__pwbconf_at__.L1_1;d['k']                 = {}\n"},
		{"annotation over lines", "y: Dict[str,\n        int] = {'a': 1}\n",
			"__pwbconf_at__.L1_1;y           \\\n             = {'a': 1}\n"},
		{"bare annotation", "z: int\n", "__pwbconf_at__.L1_1;pass      \n"},
		{"bare annotation over lines", "z: Dict[\n  str]\nw = 1\n",
			"__pwbconf_at__.L1_1;pass        \\\n      \n__pwbconf_at__.L3_1;w = 1\n"},
		{"annotation in a class", "class A:\n    b: int = 2\n", "class A(*__pwbconf_def__.L1_1):\n    __pwbconf_at__.L2_5;b      = 2\n"},
		{"annotation with lambda value", "f: Callable = lambda: 1\n", "__pwbconf_at__.L1_1;f           = lambda: 1\n"},
		{"call is no annotation target", "match(x): y\n", "__pwbconf_at__.L1_1;match(x): y\n"},

		{"future import", "from __future__ import annotations, division as d\n",
			"__pwbconf_at__.L1_1;from __pwbconf_future__ import annotations, division as d\n"},
		{"future after docstring", "\"\"\"Doc.\"\"\"\nfrom __future__ import (annotations)\n",
			"__pwbconf_at__.L1_1;\"\"\"Doc.\"\"\"\n__pwbconf_at__.L2_1;from __pwbconf_future__ import (annotations)\n"},

		{"f-string", "x = f'{a}'\n", "__pwbconf_at__.L1_1;x = ('{0}'.format((a)))\n"},
		{"f-string upper prefix and conversion", "x = F\"{a!s}\"\n", "__pwbconf_at__.L1_1;x = (\"{0!s}\".format((a)))\n"},
		{"raw f-string", "x = rf'\\d{a}' + fr'\\{a}'\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_size__((r'\\d{0}'.format((a)))) + (r'\\{0}'.format((a)))\n"},
		{"triple-quoted f-string", "x = f'''{a}\n{b}'''\n",
			"__pwbconf_at__.L1_1;x = ('''{0}'''.format((a)) + '''\n{0}'''.format((b)))\n"},
		{"nested quotes", "x = f\"{d['k']}\"\n", "__pwbconf_at__.L1_1;x = (\"{0}\".format((d['k'])))\n"},
		{"format spec", "x = f'{x:>10}'\n", "__pwbconf_at__.L1_1;x = ('{0:>10}'.format((x)))\n"},
		{"nested format spec", "x = f'{x:{w}.{p}f}'\n", "__pwbconf_at__.L1_1;x = ('{0:{1}.{2}f}'.format((x), (w), (p)))\n"},
		{"conversion and nested spec", "x = f'{a!r:^{w}}'\n", "__pwbconf_at__.L1_1;x = ('{0!r:^{1}}'.format((a), (w)))\n"},
		{"self-documenting", "x = f'{x=}'\n", "__pwbconf_at__.L1_1;x = ('x={0!r}'.format((x)))\n"},
		{"self-documenting with spaces", "x = f'{x = }'\n", "__pwbconf_at__.L1_1;x = ('x = {0!r}'.format((x )))\n"},
		{"self-documenting with spec", "x = f'{x=:>5}'\n", "__pwbconf_at__.L1_1;x = ('x={0:>5}'.format((x)))\n"},
		{"self-documenting with conversion", "x = f'{x=!s}'\n", "__pwbconf_at__.L1_1;x = ('x={0!s}'.format((x)))\n"},
		{"self-documenting quotes", "x = f'{d[\"k\"]=}'\n",
			"__pwbconf_at__.L1_1;x = ('d[\"k\"]={0!r}'.format((d[\"k\"])))\n"},
		{"doubled braces", "x = f'{{}}{a}}}'\n", "__pwbconf_at__.L1_1;x = ('{{}}{0}}}'.format((a)))\n"},
		{"concatenation", "x = 'a{' f\"b{x}\" 'c}'\n", "__pwbconf_at__.L1_1;x = ('a{' + \"b{0}\".format((x)) + 'c}')\n"},
		{"concatenation over lines", "x = (f'{a}'\n     'b')\n",
			"__pwbconf_at__.L1_1;x = (('{0}'.format((a))\n     + 'b'))\n"},
		{"nested f-string", "x = f'{f\"{a}\"}'\n", "__pwbconf_at__.L1_1;x = ('{0}'.format(((\"{0}\".format((a))))))\n"},
		{"number in f-string", "x = f'{1_000}'\n", "__pwbconf_at__.L1_1;x = ('{0}'.format((1000)))\n"},
		{"tuple in f-string", "x = f'{a,b}'\n", "__pwbconf_at__.L1_1;x = ('{0}'.format((a,b)))\n"},
		{"date spec", "x = f'{a:%Y-%m-%d}'\n", "__pwbconf_at__.L1_1;x = ('{0:%Y-%m-%d}'.format((a)))\n"},
		{"named escape", "x = f'\\N{BULLET} {a}'\n", "__pwbconf_at__.L1_1;x = ('\\N{{BULLET}} {0}'.format((a)))\n"},
		{"f-string key", "authenticate[f'*.{d}.org'] = t\n",
			"__pwbconf_at__.L1_1;authenticate[('*.{0}.org'.format((d)))] = t\n"},

		{"star-args trailing comma", "f(*a,)\ng(a, **k,)\nh(a,)\n",
			"__pwbconf_at__.L1_1;f(*a )\n__pwbconf_at__.L2_1;g(a, **k )\n__pwbconf_at__.L3_1;h(a,)\n"},
		{"def trailing comma and slash", "def f(a, /, b, *args,):\n    pass\ndef g(a, /): pass\n",
			"def f(a,    b, *args ) -> __pwbconf_def__.L1_1:\n    __pwbconf_at__.L2_5;pass\n" +
				"def g(a,  ) -> __pwbconf_def__.L3_1: __pwbconf_at__.L3_14;pass\n"},
		{"def with annotation", "def f() -> int: pass\n",
			"def f() -> (__pwbconf_at__.L1_1, (int))[1]: __pwbconf_at__.L1_17;pass\n"},
		{"class forms", "class A(): pass\nclass B(A, C): pass\nclass D(metaclass=M): pass\n",
			"class A(*__pwbconf_def__.L1_1): __pwbconf_at__.L1_12;pass\n" +
				"class B((__pwbconf_at__.L2_1, (A))[1], C): __pwbconf_at__.L2_16;pass\n" +
				"class D(metaclass=(__pwbconf_at__.L3_1, (M))[1]): __pwbconf_at__.L3_23;pass\n"},
		{"for body starting with a decorated class", "for a in b:\n    @d\n    class C: pass\n",
			"for a in b:\n    @d\n    class C(*(__pwbconf_loop__.L1_1, __pwbconf_def__.L3_5)[1]): " +
				"__pwbconf_at__.L3_14;pass\n"},
		{"for body starting with a def", "for a in b:\n    def f(): pass\n",
			"for a in b:\n    def f() -> (__pwbconf_loop__.L1_1, __pwbconf_def__.L2_5)[1]: " +
				"__pwbconf_at__.L2_14;pass\n"},

		{"percent on a literal", "x = '*.%s.org' % d\n", "__pwbconf_at__.L1_1;x = __pwbconf_fmt__('*.%s.org') % d\n"},
		{"percent on adjacent literals", "x = ('a'\n  'b%s') % c\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_fmt__(('a'\n  'b%s')) % c\n"},
		{"percent on a primary", "x = a.b(c)[d] % e\n", "__pwbconf_at__.L1_1;x = __pwbconf_fmt__(a.b(c)[d]) % e\n"},
		{"percent after tighter operators", "x = -a ** b % c * d + e % f\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_size__(__pwbconf_size__(__pwbconf_fmt__(-__pwbconf_size__(a) ** b) % c) * d) + " +
				"__pwbconf_fmt__(e) % f\n"},
		{"product", "x = 'x' * (1 << 34)\n", "__pwbconf_at__.L1_1;x = __pwbconf_size__('x') * (__pwbconf_size__(1) << 34)\n"},
		{"product chain", "x = 'x' * 10 ** 9 * 10\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_size__(__pwbconf_size__('x') * __pwbconf_size__(10) ** 9) * 10\n"},
		{"power is right-associative", "x = -10 ** 10 ** 10\n",
			"__pwbconf_at__.L1_1;x = -__pwbconf_size__(10) ** __pwbconf_size__(10) ** 10\n"},
		{"shift takes sums in", "x = -a.b + 2 * c << n\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_size__(__pwbconf_size__(-a.b) + __pwbconf_size__(2) * c) << n\n"},
		{"stars that are no product", "def f(a, *b, c, **d): return g(*b, **d)\nfrom m import *\n",
			"def f(a, *b, c, **d) -> __pwbconf_def__.L1_1: __pwbconf_at__.L1_23;return g(*b, **d)\n" +
				"__pwbconf_at__.L2_1;from m import *\n"},
		{"line break in a debug field", "x = f'{\n0=}' + rf'{\n1=}'\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_size__(('\\n0={0!r}'.format((\n0)))) + (r''.format() + '\\n' + r'1={0!r}'.format((\n1)))\n"},
		{"augmented product", "s *= n + 1\nt **= 2\nu <<= 3\nv.w *= 2\ns += t\n",
			"__pwbconf_at__.L1_1;s *= __pwbconf_grow__('*', s, ( __pwbconf_size__(n) + 1))\n" +
				"__pwbconf_at__.L2_1;t **= __pwbconf_grow__('**', t, ( 2))\n" +
				"__pwbconf_at__.L3_1;u <<= __pwbconf_grow__('<<', u, ( 3))\n" +
				"__pwbconf_at__.L4_1;v.w *= 2\n" +
				"__pwbconf_at__.L5_1;s += __pwbconf_grow__('+', s, ( t))\n"},
		{"dict union", "x = a | b & c | {'k': 1}\ny |= z\nv['w'] |= {}\n",
			"__pwbconf_at__.L1_1;x = __pwbconf_or__(__pwbconf_or__(a) | b & c) | {'k': 1}\n" +
				"__pwbconf_at__.L2_1;y |= __pwbconf_ior__(y, ( z))\n" +
				"__pwbconf_at__.L3_1;v['w'] |= {}\n"},
		{"percent chain", "x = a % b % c\n", "__pwbconf_at__.L1_1;x = __pwbconf_fmt__(__pwbconf_fmt__(a) % b) % c\n"},
		{"percent on numbers", "x = 10 % 3\n", "__pwbconf_at__.L1_1;x = 10 % 3\n"},
		{"percent on an f-string", "x = f'{a}%s' % b\n", "__pwbconf_at__.L1_1;x = __pwbconf_fmt__(('{0}%s'.format((a)))) % b\n"},
		{"percent in an f-string", "x = f'{a % b}'\n", "__pwbconf_at__.L1_1;x = ('{0}'.format((__pwbconf_fmt__(a) % b)))\n"},
		{"augmented percent", "s %= a, b\n", "__pwbconf_at__.L1_1;s = __pwbconf_fmt__(s) % ( a, b)\n"},

		{"tuple keeps its comma", "x = (1,)\n", "__pwbconf_at__.L1_1;x = (1,)\n"},

		{"BOM and CRLF", "\ufeffx = 1\r\ny = 2\rz = 3\r\n", "__pwbconf_at__.L1_1;x = 1\n__pwbconf_at__.L2_1;y = 2\n__pwbconf_at__.L3_1;z = 3\n"},
		{"coding line", "# -*- coding: utf-8 -*-\nx = 1\n", "# -*- coding: utf-8 -*-\n__pwbconf_at__.L2_1;x = 1\n"},
		{"form feed", "\fx = 1\nif x:\n  \f  y = 2\n", "__pwbconf_at__.L1_2;x = 1\nif (__pwbconf_hdr__.L2_1, (x))[1]:\n  __pwbconf_at__.L3_6;y = 2\n"},
		{"no trailing newline", "x = 1", "__pwbconf_at__.L1_1;x = 1"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRewrite(t, tt.in)
			if diff := cmp.Diff(tt.want, r.Src); diff != "" {
				t.Errorf("Rewrite(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if err := gpythonCompile(r.Src); err != nil && !strings.Contains(tt.name, "no annotation") {
				t.Errorf("gpython cannot compile\n%s\n%v", r.Src, err)
			}
		})
	}
}

func TestFutures(t *testing.T) {
	r := mustRewrite(t, "# c\nfrom __future__ import annotations\nfrom __future__ import (division as d,\n    unicode_literals)\n")
	want := []Future{{"annotations", 2, 24}, {"division", 3, 25}, {"unicode_literals", 4, 5}}
	if diff := cmp.Diff(want, r.Futures); diff != "" {
		t.Errorf("Futures mismatch (-want +got):\n%s", diff)
	}
}

// TestCompiles checks that constructs of Python 3.8 and later that configs
// use come out in a form gpython compiles.
func TestCompiles(t *testing.T) {
	for _, src := range []string{
		"x = f'{a!r:>{w}} and {b=} {{lit}}'\n",
		"x: Union[bool, str, None] = None\n",
		"x: int | float = 1.5\nx: str\n",
		"from __future__ import annotations\nfrom typing import Union\n",
		"for d in ('a', 'b'):\n    authenticate[f'*.{d}.org'] = t\n",
		"for a in b:\n    for c in d:\n        for e in f: g = 1\n",
		"for a in b:\n    class C:\n        x = 1\n",
		"for a in b:\n    while a: a -= 1\n",
		"print(*a, sep='')\n",
		"f(*a,)\nf(**k,)\nf(a, *b, c=1, **d,)\n",
		"def f(a, /, b=1, *, c,):\n    return a\n",
		"def f(**kw,):\n    pass\n",
		"x = 1_000 + 0o1_7 + 0x_f\n",
		"if x:\n\tpass\n",
		"x = 'a' 'b' f'{c}' \\\n    'd'\n",
		"x = f'''\n{a}\n{b!r}\n'''\n",
		"try:\n    import secrets\nexcept ImportError as e:\n    secrets = None\n",
		"class A:\n    '''Doc.'''\n    x: int = 1\n    def f(self):\n        '''Doc.'''\n        self.y: int = 2\n",
		"with open(p) as f: data = f.read()\n",
		"del a, b\nglobal c\nassert x, 'm'\nraise E\n",
		"usernames['wikipedia']['en'] = 'Bot',\n",
		"x = [i for i in range(3) if i]; y = {k: v for k, v in z.items()}\n",
		"z: Dict[\n  str]",
		"z: Dict[\n  str] = (\n 1)",
		"x = f'''a\n{b}'''",
	} {
		r := mustRewrite(t, src)
		if err := gpythonCompile(r.Src); err != nil {
			t.Errorf("gpython cannot compile the rewrite of %q:\n%s\n%v", src, r.Src, err)
		}
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		in        string
		line, col int
		msg       string
	}{
		{"x = 'é\xff'\n", 1, 7, "invalid UTF-8 byte 0xff"},
		{"x = 1\r\ny = 'ab\x80'\n", 2, 8, "invalid UTF-8 byte 0x80"},
		{"x = 1\x00\n", 1, 6, "null bytes"},
		{"x = 'abc\n", 1, 5, "unterminated string literal (detected at line 1)"},
		{"x = 1\ny = '''abc\n\n", 2, 5, "unterminated triple-quoted string literal (detected at line 3)"},
		{"x = f'{a'\n", 1, 9, "unterminated string literal"},
		{"x = f'{a\n", 1, 5, "unterminated string literal"},
		{"x = f'{}'\n", 1, 8, "f-string: valid expression required before '}'"},
		{"x = f'a}b'\n", 1, 8, "f-string: single '}' is not allowed"},
		{"x = f'{a!x}'\n", 1, 10, "f-string: invalid conversion character"},
		{"x = f'{a:{b:{c}}}'\n", 1, 13, "f-string: expressions nested too deeply"},
		{"x = f'{a=b}'\n", 1, 10, "f-string: expecting '}'"},
		{"x = (1, 2]\n", 1, 10, "closing parenthesis ']' does not match opening parenthesis '('"},
		{"x = (1,\n2]\n", 2, 2, "does not match opening parenthesis '(' on line 1"},
		{"x = 1)\n", 1, 6, "unmatched ')'"},
		{"x = [1,\n", 1, 5, "'[' was never closed"},
		{"x = 1_\n", 1, 6, "invalid decimal literal"},
		{"x = 1__0\n", 1, 6, "invalid decimal literal"},
		{"x = 0x\n", 1, 7, "invalid hexadecimal literal"},
		{"x = 0777\n", 1, 5, "leading zeros in decimal integer literals"},
		{"x = 1 \\ 2\n", 1, 8, "unexpected character after line continuation character"},
		{"x = 1 $ \u00a0\n", 1, 9, "invalid non-printable character U+00A0"},
		{"x = 1 €\n", 1, 7, "invalid character '€' (U+20AC)"},
		{"x = b'é'\n", 1, 5, "bytes can only contain ASCII literal characters"},
		{"x = b'a' f'{b}'\n", 1, 5, "cannot mix bytes and nonbytes literals"},
		{"if x:\n        a = 1\n\tb = 2\n", 3, 2, "inconsistent use of tabs and spaces in indentation"},
		{"if x:\n    a = 1\n  b = 2\n", 3, 3, "unindent does not match any outer indentation level"},
		{"x = 1\nfrom __future__ import division\n", 2, 1, "from __future__ imports must occur at the beginning of the file"},
		{"from __future__ import walrus\n", 1, 24, "future feature walrus is not defined"},
		{"from __future__ import braces\n", 1, 24, "not a chance"},
		{"# coding: shift_jis\nx = 1\n", 1, 1, "source encoding \"shift_jis\" is not supported"},
		{"\ufeff# coding: latin-1\n", 1, 1, "encoding problem: latin-1 with BOM"},
	}
	for _, tt := range tests {
		_, err := Rewrite([]byte(tt.in))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Rewrite(%q) = %v, want a *SyntaxError", tt.in, err)
			continue
		}
		if tt.msg == "" {
			continue // only that it fails
		}
		if se.Line != tt.line || se.Col != tt.col || !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("Rewrite(%q) = %d:%d: %s, want %d:%d: %s", tt.in, se.Line, se.Col, se.Msg, tt.line, tt.col, tt.msg)
		}
	}
}

func TestEncodings(t *testing.T) {
	r := mustRewrite(t, "# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'; y = 1\n")
	if !strings.Contains(r.Src, "x = 'été'; __pwbconf_at__.L2_12;y = 1") {
		t.Errorf("latin-1 source not decoded:\n%s", r.Src)
	}
	r = mustRewrite(t, "#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\nx = '\x80'\n")
	if !strings.Contains(r.Src, "x = '€'") {
		t.Errorf("cp1252 source not decoded:\n%s", r.Src)
	}
}

func TestOriginal(t *testing.T) {
	src := "x: int = f'{a!r:>{w}}' + f'{b}'\nfor d in e: g[f'{d}'] = é_1_0\n"
	r := mustRewrite(t, src)
	lines := strings.Split(r.Src, "\n")
	at := func(line int, needle string, nth int) int {
		s := lines[line-1]
		off := 0
		for ; nth > 0; nth-- {
			k := strings.Index(s[off:], needle)
			if k < 0 {
				t.Fatalf("%q not found %d times in %q", needle, nth, s)
			}
			off += k + len(needle)
		}
		return len([]rune(s[:off-len(needle)])) + 1
	}
	tests := []struct {
		line         int
		needle       string
		nth          int
		wantL, wantC int
	}{
		{1, "x ", 1, 1, 1},
		{1, "= ", 1, 1, 8},
		{1, "'{0!r", 1, 1, 11},
		{1, "(a)", 1, 1, 13},
		{1, "(w)", 1, 1, 19},
		{1, "+ ", 1, 1, 24},
		{1, "(b)", 1, 1, 29},
		{1, "__pwbconf_at__", 1, 1, 1},
		{2, "for", 1, 2, 1},
		{2, "e:", 1, 2, 10},
		{2, "g[", 1, 2, 13},
		{2, "(d)", 1, 2, 18},
		{2, "é", 1, 2, 25},
		{2, "__pwbconf_loop__", 1, 2, 13},
		{2, "__pwbconf_at__", 1, 2, 13},
	}
	for _, tt := range tests {
		col := at(tt.line, tt.needle, tt.nth)
		if tt.needle[0] == '(' {
			col++ // the expression inside the parentheses
		}
		if l, c := r.Original(tt.line, col); l != tt.wantL || c != tt.wantC {
			t.Errorf("Original(%d, %d) for %q = %d:%d, want %d:%d\n%s", tt.line, col, tt.needle, l, c,
				tt.wantL, tt.wantC, lines[tt.line-1])
		}
	}
	if l, c := r.OriginalOffset(2, strings.Index(lines[1], "é")); l != 2 || c != 25 {
		t.Errorf("OriginalOffset = %d:%d, want 2:25", l, c)
	}
}

// tokenStarts returns the byte offset of every token of src, f-string
// fields included, taking an f-string at its quote, and the offsets of the
// f-strings' prefixes.
func tokenStarts(t testing.TB, src []byte) (s *source, offs, fstarts []int) {
	s, err := decode(src)
	if err != nil {
		t.Fatal(err)
	}
	sc := &scanner{src: s, text: s.text}
	toks, err := sc.scanFile()
	if err != nil {
		t.Fatal(err)
	}
	var walk func([]token)
	var walkParts func([]fpart)
	walk = func(toks []token) {
		for _, tk := range toks {
			switch tk.kind {
			case tNewline:
			case tFString:
				offs = append(offs, tk.fs.quoteAt)
				fstarts = append(fstarts, tk.start)
				walkParts(tk.fs.parts)
			default:
				offs = append(offs, tk.start)
			}
		}
	}
	walkParts = func(parts []fpart) {
		for _, p := range parts {
			if p.field != nil {
				walk(p.field.expr)
				walkParts(p.field.spec)
			}
		}
	}
	walk(toks)
	return s, offs, fstarts
}

// checkPositions checks that every token of src is found again in the
// rewrite and maps back to where it was.
func checkPositions(t *testing.T, name string, src []byte) {
	type pos struct{ line, col int }
	out := map[int]pos{}
	r, err := rewrite(src, func(off, line, col int) { out[off] = pos{line, col} })
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	s, offs, _ := tokenStarts(t, src)
	if got, want := strings.Count(r.Src, "\n"), strings.Count(s.text, "\n"); got != want {
		t.Errorf("%s: %d line breaks, want %d", name, got, want)
	}
	for _, off := range offs {
		p, ok := out[off]
		wl, wc := s.pos(off)
		if !ok {
			t.Errorf("%s: token at %d:%d not written", name, wl, wc)
			continue
		}
		if p.line != wl {
			t.Errorf("%s: token at %d:%d moved to line %d", name, wl, wc, p.line)
		}
		if l, c := r.Original(p.line, p.col); l != wl || c != wc {
			t.Errorf("%s: token at %d:%d written at %d:%d maps back to %d:%d", name, wl, wc, p.line, p.col, l, c)
		}
	}
}

func caseFiles(t testing.TB) []string {
	files, err := filepath.Glob("testdata/*.py")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../testdata/cases/*/user-config.py")
	return append(files, more...)
}

// TestCases runs the property checks and gpython over the configs in
// testdata and the shared cases.
func TestCases(t *testing.T) {
	files := caseFiles(t)
	if len(files) == 0 {
		t.Fatal("no configs in testdata")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkPositions(t, f, src)
		r := mustRewrite(t, string(src))
		if err := gpythonCompile(r.Src); err != nil {
			t.Errorf("%s: gpython cannot compile the rewrite:\n%s\n%v", f, r.Src, err)
		}
	}
}

func TestPositionsOfConstructs(t *testing.T) {
	for _, src := range []string{
		"x: Dict[str,\n   int] = f'{a!r:>{w}}' 'b{' \\\n  f'''{c=}\n{d:{e}}''' + 1_0\n",
		"for a in b:\n    if c:\n        pass\n\fz = 1\n",
		"x = f'{f\"{a}\"}' ; y: int\n",
		"é = 'ü' + f'{ß=}'\r\nz = 1\r",
	} {
		checkPositions(t, fmt.Sprintf("%q", src), []byte(src))
	}
}

var hookCall = regexp.MustCompile(`__pwbconf_(?:at|loop|def)__\((\d+), (\d+)\)`)

func FuzzRewrite(f *testing.F) {
	for _, file := range caseFiles(f) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"x: int = f'{a!r:>{w}}'\n", "for a in b:\n    if c: d = 1\n", "f'{'\n", "x = (\n",
		"if x:\n\ty = f'{a=}' 'b'\n", "x = 1_0; y: Dict[\n str] = 2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Rewrite(src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error is not a *SyntaxError: %v", err)
			}
			return
		}
		s, offs, fstarts := tokenStarts(t, src)
		if got, want := strings.Count(r.Src, "\n"), strings.Count(s.text, "\n"); got != want {
			t.Fatalf("%d line breaks, want %d:\n%s", got, want, r.Src)
		}
		starts := map[[2]int]bool{}
		for _, off := range append(offs, fstarts...) {
			l, c := s.pos(off)
			starts[[2]int{l, c}] = true
		}
		for _, m := range hookCall.FindAllStringSubmatch(r.Src, -1) {
			l, _ := strconv.Atoi(m[1])
			c, _ := strconv.Atoi(m[2])
			if !starts[[2]int{l, c}] {
				t.Fatalf("hook %s points at no token:\n%s", m[0], r.Src)
			}
		}
	})
}

func BenchmarkRewrite(b *testing.B) {
	src, err := os.ReadFile("testdata/bench-user-config.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Rewrite(src); err != nil {
			b.Fatal(err)
		}
	}
}
