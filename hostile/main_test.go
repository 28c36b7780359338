package hostile

import (
	"os"
	"testing"

	"github.com/pwbconf/pwbconf/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.RunWorkerIfRequested()
	os.Exit(m.Run())
}
