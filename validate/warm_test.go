package validate

import (
	"sync"
	"testing"

	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/parser"
)

// TestWarmWhileChecking runs Warm beside Check, as the command does while
// its workers start. Run alone and with -race, it shows that the tables
// are built once and safely whoever asks first.
func TestWarmWhileChecking(t *testing.T) {
	file, src := sharedcase.Read(t, "01")
	cfg := parser.Evaluate(file, src, parser.Options{})
	got := make([]string, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(Warm)
		wg.Go(func() { got[i] = dump(Check(cfg, Options{Source: src})) })
	}
	wg.Wait()
	want := dump(Check(cfg, Options{Source: src}))
	for _, g := range got {
		if g != want {
			t.Errorf("Check beside Warm found\n%s\nwant\n%s", g, want)
		}
	}
}
