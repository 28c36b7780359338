package rewrite

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBinds(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[Pos][]string
	}{
		{"plain", "x = 1\nx = 1\n", map[Pos][]string{{1, 1}: {"x"}, {2, 1}: {"x"}}},
		{"chain and unpacking", "a = b, c = d = 1, 2\n(e, [f, *g]) = h\n",
			map[Pos][]string{{1, 1}: {"a", "b", "c", "d"}, {2, 1}: {"e", "f", "g"}}},
		{"attributes and subscripts bind nothing", "a.b = 1\nc[0] = 2\n(d).e, f = 3, 4\n",
			map[Pos][]string{{3, 1}: {"f"}}},
		{"augmented", "x += 1\ny.z += 1\n", map[Pos][]string{{1, 1}: {"x"}}},
		{"annotated", "x: int = 1\ny: int\n", map[Pos][]string{{1, 1}: {"x"}}},
		{"values bind nothing", "f(a=1)\nx = lambda b=1: b\ny == 2\n",
			map[Pos][]string{{2, 1}: {"x"}}},
		{"imports", "import os.path, re as r\nfrom a.b import (c as d, e)\nfrom f import *\n",
			map[Pos][]string{{1, 1}: {"os", "r"}, {2, 1}: {"d", "e"}}},
		{"statements on one line", "a = 1; b = 2\nif a: c = 3\n",
			map[Pos][]string{{1, 1}: {"a"}, {1, 8}: {"b"}, {2, 7}: {"c"}}},
		{"function bodies bind locals", "def f():\n    x = 1\n    global y\n    y = z = 2\n" +
			"    import y\nclass C:\n    w = 1\nv = 3\n",
			map[Pos][]string{{4, 5}: {"y"}, {5, 5}: {"y"}, {8, 1}: {"v"}}},
		{"global on the header line", "def f(): global x; x = 1\nx = 2\n",
			map[Pos][]string{{1, 20}: {"x"}, {2, 1}: {"x"}}},
		{"del binds nothing", "del x\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRewrite(t, tt.in)
			if diff := cmp.Diff(tt.want, r.Binds); diff != "" {
				t.Errorf("Binds of %q (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	r := mustRewrite(t, "for a in b:\n    if a: pass\nx = 1\nwhile x: x -= 1\n")
	want := map[int]int{1: 1, 2: 5, 4: 1}
	if diff := cmp.Diff(want, r.Headers); diff != "" {
		t.Errorf("Headers (-want +got):\n%s", diff)
	}
}

func TestLimits(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
		msg       string
	}{
		{"huge int literal", "x = 1\ny = " + strings.Repeat("9", 4301) + "\n", 2, 5,
			"Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"},
		{"unary chain", "x = " + strings.Repeat("-", 2000) + "1\n", 1, 5 + maxUnary,
			"too many unary operators in a row"},
		{"not chain", "x = " + strings.Repeat("not ", 2000) + "1\n", 1, 5 + 4*maxUnary,
			"too many unary operators in a row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Rewrite([]byte(tt.in))
			se, ok := err.(*SyntaxError)
			if !ok {
				t.Fatalf("got %v, want a SyntaxError", err)
			}
			if se.Line != tt.line || se.Col != tt.col || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got %d:%d %q, want %d:%d %q", se.Line, se.Col, se.Msg, tt.line, tt.col, tt.msg)
			}
		})
	}
	for _, ok := range []string{"x = " + strings.Repeat("9", 4300) + "\n",
		"x = 0x" + strings.Repeat("f", 5000) + "\n", "x = " + strings.Repeat("- ", maxUnary) + "1\n",
		"x = 1" + strings.Repeat(" - 1", 5000) + "\n"} {
		if _, err := Rewrite([]byte(ok)); err != nil {
			t.Errorf("Rewrite(%.20q...): %v", ok, err)
		}
	}
}
