package parser

import (
	"strings"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// TestMemoryBombs stops each single operation that would build a huge
// value before it allocates, at its line.
func TestMemoryBombs(t *testing.T) {
	for _, bomb := range []string{
		"'x' * (1 << 34)",
		"(1 << 34) * 'x'",
		"[0] * 10**10",
		"(1,) * 10**10",
		"b'x' * 10**12",
		"10 ** 10 ** 10",
		"-2 ** 10 ** 10",
		"1 << 10**10",
		"'x' * 10**9 * 10",
		"'ab' * 40_000_000",
		"pow(10, 10**10)",
		"[[0] * 10**5 for i in range(1)][0] * 10**5",
		"(10**10000) * (10**10000) ** 10**5",
		"f'{\"x\" * 10**10}'",
	} {
		for _, src := range []string{"b = " + bomb, "b = 1\nb *= 1\nb = " + bomb} {
			src = "family = 'wikipedia'\nmylang = 'en'\n" + src + "\nc = 1\n"
			start := time.Now()
			cfg := Evaluate("user-config.py", []byte(src), Options{})
			if took := time.Since(start); took > time.Second {
				t.Errorf("%s: took %v", bomb, took)
			}
			errs := errorsOf(cfg)
			line := strings.Count(src, "\n") - 1
			if len(errs) != 1 || errs[0].Code != diag.CodeMemoryLimit || errs[0].Line != line {
				t.Errorf("%s: want a memory limit at line %d, got %v", bomb, line, cfg.Diagnostics)
				continue
			}
			if !strings.Contains(errs[0].Message, "over the memory limit of 64 MiB") {
				t.Errorf("%s: message %q", bomb, errs[0].Message)
			}
			wantStr(t, cfg, "family", "wikipedia")
		}
	}
}

// TestAugmentedBombs stops s *= n, s **= n and s <<= n on a name.
func TestAugmentedBombs(t *testing.T) {
	for _, src := range []string{
		"s = 'x'\ns *= 10**10\n",
		"s = [0]\nt = s\ns *= 10**10\n",
		"s = 10\ns **= 10**10\n",
		"s = 1\ns <<= 10**10\n",
	} {
		cfg := Evaluate("user-config.py", []byte(src), Options{})
		errs := errorsOf(cfg)
		if len(errs) != 1 || errs[0].Code != diag.CodeMemoryLimit || errs[0].Line != strings.Count(src, "\n") {
			t.Errorf("%q: want a memory limit at the last line, got %v", src, cfg.Diagnostics)
		}
	}
}

// TestProductsStillWork keeps what the guards wrap meaning what it means.
func TestProductsStillWork(t *testing.T) {
	cfg := eval(t, `a = 'ab' * 3
b = 2 * 'c'
c = len([0] * 5 + [1, 2] * 2)
d = 2 ** 100 == 1 << 100
e = -2 ** 2
f = 2 ** -1
g = 3 * 4 % 5 + 7 // 2 * 2
h = [1]
i = h
h *= 3
j = len(i)
k = 5
k **= 2
k <<= 1
l = pow(2, 10, 1000) + pow(2, 3)
m = 'x' * -1
n = '%s' * 2 % ('a', 'b')
o = 1.5 * 2 ** 0.5 > 2
`, nil)
	noErrors(t, cfg)
	wantStr(t, cfg, "a", "ababab")
	wantStr(t, cfg, "b", "cc")
	wantStr(t, cfg, "m", "")
	wantStr(t, cfg, "n", "ab")
	for name, want := range map[string]int64{"c": 9, "e": -4, "g": 8, "k": 50, "l": 32} {
		if e := mustSetting(t, cfg, name); e.Value.Int == nil || e.Value.Int.Int64() != want {
			t.Errorf("%s = %+v, want %d", name, e.Value, want)
		}
	}
	for _, name := range []string{"d", "o"} {
		if e := mustSetting(t, cfg, name); e.Value.Kind != model.Bool || !e.Value.Bool {
			t.Errorf("%s = %+v, want True", name, e.Value)
		}
	}
	if e := mustSetting(t, cfg, "f"); e.Value.Kind != model.Float || e.Value.Float != 0.5 {
		t.Errorf("f = %+v, want 0.5", e.Value)
	}
}
