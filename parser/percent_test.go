package parser

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"

	"github.com/pwbconf/pwbconf/diag"
)

// percentCases are % operations with what CPython makes of them: a
// value, or the last line of the traceback. x is 3.
var percentCases = []struct{ expr, want, err string }{
	{"'*.%s.org' % 'wikipedia'", "*.wikipedia.org", ""},
	{"'%s-%s' % ('a', 'b')", "a-b", ""},
	{"'%(name)s/%(n)03d' % {'name': 'x', 'n': 7}", "x/007", ""},
	{"'%d' % 42", "42", ""},
	{"'%5.2f|' % 3.14159", " 3.14|", ""},
	{"'%r' % 'it'", "'it'", ""},
	{"'%s' % None", "None", ""},
	{"'%s %s' % (True, False)", "True False", ""},
	{"'%s' % [1, 'a']", "[1, 'a']", ""},
	{"'%r' % ((1,),)", "(1,)", ""},
	{"'%s' % {'k': 'v'}", "{'k': 'v'}", ""},
	{"'%s' % ((1, 'a'),)", "(1, 'a')", ""},
	{"'%a' % 'é€😀'", "'\\xe9\\u20ac\\U0001f600'", ""},
	{"'%i|%u' % (-3, 7.9)", "-3|7", ""},
	{"'%o|%#o|%x|%#X' % (8, 8, 255, 255)", "10|0o10|ff|0XFF", ""},
	{"'%e|%E|%.2e|%#.0e' % (12345.678, 0.00012, 1.0, 3.0)", "1.234568e+04|1.200000E-04|1.00e+00|3.e+00", ""},
	{"'%f|%F|%.0f|%#.0f' % (1.5, 2.25, 2.5, 2.0)", "1.500000|2.250000|2|2.", ""},
	{"'%g|%G|%.3g|%#g|%g' % (0.0001, 1e20, 3.14159, 1.5, 100000.0)", "0.0001|1E+20|3.14|1.50000|100000", ""},
	{"'%c%c' % (65, 'z')", "Az", ""},
	{"'100%%' % ()", "100%", ""},
	{"'%-6s|%6s|' % ('ab', 'cd')", "ab    |    cd|", ""},
	{"'%+d|% d|%05d|%-5d|' % (5, 5, -42, 3)", "+5| 5|-0042|3    |", ""},
	{"'%*d|%-*s|%.*f' % (5, 1, 4, 'x', 2, 3.14159)", "    1|x   |3.14", ""},
	{"'%.3s' % 'abcdef'", "abc", ""},
	{"'%.3d' % 7", "007", ""},
	{"'%08.3f' % -3.14159", "-003.142", ""},
	{"'%s' % 1.0", "1.0", ""},
	{"'%s' % 0.1", "0.1", ""},
	{"'%r' % 1e16", "1e+16", ""},
	{"'%d' % True", "1", ""},
	{"'%f' % True", "1.000000", ""},
	{"'%5s|' % None", " None|", ""},
	{"'%s' % float('inf')", "inf", ""},
	{"'%05f|%-6f|' % (float('inf'), float('nan'))", "00inf|nan   |", ""},
	{"'%x' % -255", "-ff", ""},
	{"'%#x' % 0", "0x0", ""},
	{"'%d' % 12345678901234567890", "12345678901234567890", ""},
	{"'%s' % ''", "", ""},
	{"'abc' % {'a': 1}", "abc", ""},
	{"'abc' % []", "abc", ""},
	{"'%(a)s %(a)r' % {'a': 'q'}", "q 'q'", ""},
	{"'%ld' % 5", "5", ""},
	{"'%s' % (x,)", "3", ""},
	{"'%s=%r' % ('k', u'v')", "k='v'", ""},
	{"'%s %s' % 'a'", "", "TypeError: not enough arguments for format string"},
	{"'%s' % ()", "", "TypeError: not enough arguments for format string"},
	{"'abc' % 5", "", "TypeError: not all arguments converted during string formatting"},
	{"'%s' % (1, 2)", "", "TypeError: not all arguments converted during string formatting"},
	{"'%d' % 'x'", "", "TypeError: %d format: a real number is required, not str"},
	{"'%x' % 1.5", "", "TypeError: %x format: an integer is required, not float"},
	{"'%f' % 'x'", "", "TypeError: must be real number, not str"},
	{"'%c' % 'ab'", "", "TypeError: %c requires int or char"},
	{"'%c' % -1", "", "OverflowError: %c arg not in range(0x110000)"},
	{"'%(a)s' % ('a',)", "", "TypeError: format requires a mapping"},
	{"'%z' % 1", "", "ValueError: unsupported format character 'z' (0x7a) at index 1"},
	{"'abc%' % ()", "", "ValueError: incomplete format"},
	{"'%*d' % ('a', 1)", "", "TypeError: * wants int"},
	{"'%(a' % {}", "", "ValueError: incomplete format key"},
	{"'%(b)s' % {'a': 1}", "", "KeyError: 'b'"},
}

func TestPercentFormat(t *testing.T) {
	for _, c := range percentCases {
		cfg := eval(t, "x = 3\nr = "+c.expr+"\n", nil)
		if c.err != "" {
			d := onlyError(t, cfg, diag.CodeException)
			if !strings.HasPrefix(d.Message, c.err+";") {
				t.Errorf("%s: error %q, want %q", c.expr, d.Message, c.err)
			}
			continue
		}
		noErrors(t, cfg)
		wantStr(t, cfg, "r", c.want)
	}
}

// TestPercentCasesInCPython keeps percentCases true to CPython.
func TestPercentCasesInCPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	var rows [][3]string
	for _, c := range percentCases {
		rows = append(rows, [3]string{c.expr, c.want, c.err})
	}
	in, err := json.Marshal(rows)
	if err != nil {
		t.Fatal(err)
	}
	const check = `
import json, sys
x = 3
for expr, want, want_err in json.load(sys.stdin):
    try:
        got, err = eval(expr), ''
    except Exception as e:
        got, err = '', type(e).__name__ + ': ' + str(e)
    if (got, err) != (want, want_err):
        print(expr, repr(got), repr(err))
`
	cmd := exec.Command(python, "-c", check)
	cmd.Stdin = strings.NewReader(string(in))
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("CPython disagrees (%v):\n%s", err, out)
	}
}
