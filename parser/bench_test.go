package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func BenchmarkEvaluateTypical(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(casesDir, "01-manual-eleven", "user-config.py"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Evaluate("user-config.py", src, Options{})
	}
}

// BenchmarkNewEvaluation is what every file pays before its first
// statement runs and after its last: namespace, builtins, the types put
// back.
func BenchmarkNewEvaluation(b *testing.B) {
	Warm()
	for b.Loop() {
		newEvaluation("user-config.py", Options{}).release()
	}
}

// largeConfig is a long config in the shape of Pywikibot's generated
// template: a comment block before every setting.
func largeConfig() []byte {
	var s strings.Builder
	s.WriteString("# -*- coding: utf-8 -*-\nfamily = 'wikipedia'\nmylang = 'en'\n")
	for i := range 60 {
		fmt.Fprintf(&s, "# ---- section %d ----\n# This setting controls part %d.\n", i, i)
		fmt.Fprintf(&s, "usernames['wikipedia']['l%d'] = 'ExampleBot'\n", i)
		fmt.Fprintf(&s, "authenticate['l%d.wikipedia.org'] = ('a%d', 'b', 'c', 'd')\n", i, i)
		fmt.Fprintf(&s, "custom_%d = '{}-{}'.format('x', %d)\n", i, i)
	}
	s.WriteString("for fam in ('wikidata', 'commons', 'meta'):\n    usernames[fam]['*'] = 'ExampleBot'\n")
	return []byte(s.String())
}

func BenchmarkEvaluateLarge(b *testing.B) {
	src := largeConfig()
	if n := strings.Count(string(src), "\n"); n < 300 {
		b.Fatalf("only %d lines", n)
	}
	for b.Loop() {
		Evaluate("user-config.py", src, Options{})
	}
}

func FuzzEvaluate(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join(casesDir, "[0-9]*"))
	for _, d := range dirs {
		if strings.Contains(d, "26-") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(d, "user-config.py"))
		if err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if strings.Contains(string(src), "*") || strings.Contains(string(src), "<<") {
			// Products, powers and shifts are checked before they
			// allocate, but the numbers they make can still ask a str
			// method for gigabytes ('a'.ljust(10**10)); the worker
			// process limit covers those.
			return
		}
		start := time.Now()
		cfg := Evaluate("f.py", src, Options{Timeout: 200 * time.Millisecond})
		if cfg == nil {
			t.Fatal("nil model")
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("took %v", d)
		}
	})
}
