package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoNetworkCode keeps the network stack out of the binary. pwbconf
// opens no connection, and the sandbox's workers are this same binary:
// whatever it links, a file from a stranger shares a process with. The
// network packages also bring cgo's resolver, which makes the binary
// dynamically linked and every process start, each worker's included,
// more than a millisecond slower. A dependency that starts to import them
// (as newer releases of the progress bar library do) fails here.
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, pkg := range []string{"net", "net/http", "crypto/tls", "runtime/cgo"} {
		if slices.Contains(deps, pkg) {
			t.Errorf("the binary links %s; see cli/progress.go", pkg)
		}
	}
}
