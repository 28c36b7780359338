package sandbox

import (
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/diag"
)

// TestGarbageIsNoMemoryStop checks that a file whose live data stays far
// below the memory limit, but which leaves garbage behind in a loop, is not
// stopped at the limit. With the workers' collector target at 400% the
// unswept garbage counts in the heap reading of the size check of "*".
func TestGarbageIsNoMemoryStop(t *testing.T) {
	src := "family = 'wikipedia'\nmylang = 'en'\n" +
		"for i in range(30):\n    a = 'y' * 5000000\n" +
		"z = 1\n"
	// The time limit is not what is tested: on a loaded machine thirty
	// 5 MB strings can take longer than the default.
	pool := NewPool(1, Limits{Timeout: time.Minute})
	defer pool.Close()
	for range 3 {
		cfg := pool.Evaluate("user-config.py", []byte(src), Env{})
		for _, d := range cfg.Diagnostics {
			if d.Code == diag.CodeMemoryLimit || d.Code == diag.CodeInternal {
				t.Fatalf("5 MB live at most, stopped: %s: %s", d.Code, d.Message)
			}
		}
		if _, ok := cfg.Setting("z"); !ok {
			t.Fatalf("z is not set; diagnostics: %v", cfg.Diagnostics)
		}
	}
}
