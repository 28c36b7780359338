package sandbox

import (
	"math"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/parser"
)

// TestModelCrossesExactly checks that a model comes out of a worker equal
// to the one the evaluator built, field by field: gob leaves out zero
// values, so empty lists, zeros, special floats and positions at line 0
// are where a protocol would lose something. Two losses are known and
// allowed: an empty slice arrives as nil, which the model reads the same,
// and a negative zero float as zero.
func TestModelCrossesExactly(t *testing.T) {
	srcs := map[string]string{
		"values.py": "" +
			"a = ()\nb = []\nc = {}\nd = [[], [()], {'k': []}]\n" +
			"e = 0\nf = 0.0\ng = -0.0\nh = float('nan')\ni = float('-inf')\n" +
			"j = 10**40\nk = -10**40\nl = None\nm = False\nn = ''\no = [0, 0.0, '', None]\n" +
			"usernames['wikipedia']['en'] = ''\nauthenticate['*'] = ('', '', '', '')\n",
		"env.py":    "import os\nfamily = os.environ.get('F', 'wikipedia')\nmylang = os.getenv('L')\n",
		"stop.py":   "x = 1\nraise ValueError('no')\n",
		"syntax.py": "x = (\n",
		"empty.py":  "",
	}
	names, _ := filepath.Glob(filepath.Join(sharedcase.Dir, "*", "user-config.py"))
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs[name] = string(src)
	}
	p := NewPool(1, Limits{})
	defer p.Close()
	bigOnes := cmp.Comparer(func(a, b *big.Int) bool {
		return a == nil && b == nil || a != nil && b != nil && a.Cmp(b) == 0
	})
	// NaN is equal to itself here, and the infinities keep their sign.
	floats := cmp.Comparer(func(a, b float64) bool {
		return a == b || math.IsNaN(a) && math.IsNaN(b)
	})
	for name, src := range srcs {
		want := parser.Evaluate(name, []byte(src), parser.Options{})
		got := p.Evaluate(name, []byte(src), Env{})
		if diff := cmp.Diff(want, got, bigOnes, floats, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s (-in process +pool):\n%s", name, diff)
		}
	}
}
