package sandbox

import (
	"testing"

	"github.com/pwbconf/pwbconf/diag"
)

// The heap watchdog's report names the cause even when the runtime dies of
// the same allocation first and the exit status is the runtime's own.
func TestCauseHeapWatchdogWithRuntimeStatus(t *testing.T) {
	r := result{started: true, line: 4,
		stderr: heapOverText + "217822840 bytes over the limit"}
	if code, msg := r.cause(Limits{MemoryBytes: DefaultMemory}); code != diag.CodeMemoryLimit {
		t.Errorf("cause = %s %q, want %s", code, msg, diag.CodeMemoryLimit)
	}
}
