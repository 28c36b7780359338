package main

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadmeExamples re-runs every command shown in a console block of
// README.md ("$ pwbconf ARGS" followed by its output) and compares what it
// prints, so the README cannot go stale.
func TestReadmeExamples(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(string(text))
	if len(examples) == 0 {
		t.Fatal("README.md shows no pwbconf command")
	}
	for _, ex := range examples {
		res := run(t, strings.Fields(ex.command)...)
		if diff := cmp.Diff(ex.output, res.stdout+res.stderr); diff != "" {
			t.Errorf("README.md: pwbconf %s (-readme +actual):\n%s", ex.command, diff)
		}
	}
}

// TestReadmeFiles checks that each code block introduced by a line naming
// a file in backticks and ending in a colon shows that file as it is.
func TestReadmeFiles(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	for i := 2; i < len(lines); i++ {
		name, ok := strings.CutPrefix(lines[i-2], "`")
		name, ok2 := strings.CutSuffix(name, "`:")
		if !ok || !ok2 || !strings.HasPrefix(lines[i], "```") || lines[i-1] != "" {
			continue
		}
		var shown strings.Builder
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			shown.WriteString(lines[i] + "\n")
		}
		file, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("README.md shows %s: %v", name, err)
			continue
		}
		if diff := cmp.Diff(string(file), shown.String()); diff != "" {
			t.Errorf("README.md shows %s differently (-file +readme):\n%s", name, diff)
		}
	}
}

type example struct{ command, output string }

// readmeExamples finds the commands of ```console blocks and their output.
// Other commands in those blocks are shown, not run.
func readmeExamples(text string) []example {
	var out []example
	inBlock, current := false, -1
	for _, line := range strings.Split(text, "\n") {
		switch {
		case line == "```console":
			inBlock = true
		case line == "```":
			inBlock, current = false, -1
		case !inBlock:
		case strings.HasPrefix(line, "$ pwbconf "):
			out = append(out, example{command: strings.TrimPrefix(line, "$ pwbconf ")})
			current = len(out) - 1
		case strings.HasPrefix(line, "$ "):
			current = -1
		case current >= 0:
			out[current].output += line + "\n"
		}
	}
	return out
}
