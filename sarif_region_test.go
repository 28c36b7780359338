package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSARIFFileLevelFindings checks that findings with no line, such as
// a family with no username, reach GitHub code scanning: each has
// region.startLine, which it requires, and the log still meets the
// SARIF schema.
func TestSARIFFileLevelFindings(t *testing.T) {
	file := filepath.Join(t.TempDir(), "user-config.py")
	writeConfig(t, file, "family = 'wikipedia'\nmylang = 'en'\n")
	res := run(t, "lint", "--format", "sarif", "--coverage", "always", file)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(res.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileSARIFSchema(t).Validate(inst); err != nil {
		t.Errorf("output breaks the SARIF schema: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID     string
				Properties struct{ FileLevel bool }
				Locations  []struct {
					PhysicalLocation struct{ Region struct{ StartLine int } }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &log); err != nil {
		t.Fatal(err)
	}
	fileLevel := 0
	for _, r := range log.Runs[0].Results {
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.Region.StartLine < 1 {
			t.Errorf("%s: locations %+v, want one with region.startLine", r.RuleID, r.Locations)
		}
		if r.Properties.FileLevel {
			fileLevel++
		}
	}
	if fileLevel == 0 {
		t.Errorf("no result is marked file-level:\n%s", res.stdout)
	}
}
