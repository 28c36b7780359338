package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/pwbconf/pwbconf/diag"
)

func TestFileURI(t *testing.T) {
	base := filepath.FromSlash("/work/repo")
	tests := []struct{ file, want string }{
		{"/work/repo/bots/user-config.py", "bots/user-config.py"},
		{"/work/repo/my bots/user-config.py", "my%20bots/user-config.py"},
		{"/work/repo/a:b/user-config.py", "./a:b/user-config.py"},
		{"/work/other/user-config.py", "file:///work/other/user-config.py"},
		{"/work/repo/100%/user-config.py", "100%25/user-config.py"},
	}
	for _, tt := range tests {
		if got := fileURI(base, filepath.FromSlash(tt.file)); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

// TestSARIFFileLevelRegion checks that a finding about a whole file, with
// no line, still has region.startLine, which GitHub code scanning
// requires, and is marked as file-level.
func TestSARIFFileLevelRegion(t *testing.T) {
	var b bytes.Buffer
	err := writeSARIF(&b, []diag.Diagnostic{{Code: "PWB251", Severity: diag.Warning,
		File: "user-config.py", Message: "no username for the commons family"}})
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Properties struct{ FileLevel bool }
				Locations  []struct {
					PhysicalLocation struct{ Region *struct{ StartLine int } }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results[0]
	if len(res.Locations) != 1 || res.Locations[0].PhysicalLocation.Region == nil ||
		res.Locations[0].PhysicalLocation.Region.StartLine != 1 || !res.Properties.FileLevel {
		t.Errorf("file-level result:\n%s\nwant region.startLine 1 and fileLevel", b.String())
	}
}
