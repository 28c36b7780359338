package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema is the OASIS SARIF 2.1.0 schema (errata 01), kept in
// testdata so that the test needs no network.
const sarifSchema = "testdata/sarif-schema-2.1.0.json"

// TestSARIFSchema checks lint's SARIF output against the SARIF schema:
// for the golden inputs, for a finding about a whole file (no region) and
// for standard input (no location).
func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	runs := [][]string{
		append([]string{"lint", "--format", "sarif"}, goldenInputs...),
		{"lint", "--format", "sarif", "testdata/no-such-file.py"},
		{"lint", "--format", "sarif", "testdata/example"},
	}
	for _, args := range runs {
		res := run(t, args...)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(res.stdout))
		if err != nil {
			t.Fatalf("pwbconf %v: %v\n%s", args, err, res.stdout)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("pwbconf %v: output breaks the SARIF schema: %v", args, err)
		}
	}
	// The schema must bite: SARIF has no level "info".
	res := run(t, "lint", "--format", "sarif", "testdata/broken")
	broken := strings.Replace(res.stdout, `"level": "warning"`, `"level": "info"`, 1)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(broken))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("a result of level info passes the SARIF schema")
	}
}

// TestSARIFForCodeScanning checks what GitHub code scanning needs beyond
// the schema: every rule described with its default level, every result
// pointing into a file by a relative URI, columns counted in code points.
func TestSARIFForCodeScanning(t *testing.T) {
	res := run(t, append([]string{"lint", "--format", "sarif"}, goldenInputs...)...)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID, Name             string
						ShortDescription     struct{ Text string }
						Help                 struct{ Text, Markdown string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			ColumnKind string
			Results    []struct {
				RuleID, Level string
				Message       struct{ Text string }
				Locations     []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(res.stdout), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	r := log.Runs[0]
	if r.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", r.ColumnKind)
	}
	rules := map[string]bool{}
	for _, rule := range r.Tool.Driver.Rules {
		rules[rule.ID] = true
		if rule.Name == "" || rule.ShortDescription.Text == "" || rule.Help.Markdown == "" ||
			rule.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s lacks metadata: %+v", rule.ID, rule)
		}
	}
	if len(r.Results) == 0 {
		t.Fatal("no results")
	}
	for _, res := range r.Results {
		if !rules[res.RuleID] {
			t.Errorf("result of undescribed rule %q", res.RuleID)
		}
		if len(res.Locations) != 1 {
			t.Errorf("%s: %d locations, want 1", res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		if _, err := os.Stat(loc.ArtifactLocation.URI); err != nil {
			t.Errorf("%s: uri %q is no file relative to the working folder: %v",
				res.RuleID, loc.ArtifactLocation.URI, err)
		}
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 {
			t.Errorf("%s: region %+v", res.RuleID, loc.Region)
		}
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}
