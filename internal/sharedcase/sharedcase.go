// Package sharedcase finds the shared cases of testdata/cases, one folder each
// with a user-config.py, for the tests of the packages at the top of the
// module.
package sharedcase

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir is the folder of the cases as a test of a top-level package sees
// it: tests run in their package's folder.
const Dir = "../testdata/cases"

// File returns the user-config.py of the case numbered nn ("07").
func File(t testing.TB, nn string) string {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(Dir, nn+"-*"))
	if len(dirs) != 1 {
		t.Fatalf("case %s: found %v", nn, dirs)
	}
	return filepath.Join(dirs[0], "user-config.py")
}

// Read returns the user-config.py of the case numbered nn and its text.
func Read(t testing.TB, nn string) (string, []byte) {
	t.Helper()
	file := File(t, nn)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return file, src
}
