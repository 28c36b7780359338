package project

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFinderAgreesWithFind checks that a Finder asked about many folders,
// in an order where parents are learnt before and after their children,
// answers each as a fresh Find does, across repository tops and nested
// project files.
func TestFinderAgreesWithFind(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"p/a/b/c", "p/repo/.git", "p/repo/x/y", "p/inner/z", "q/r"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"p/" + FileName, "p/inner/" + FileName} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs := []string{"p/a/b/c", "p/a", "p/repo/x/y", "p/repo", "p/inner/z", "p/inner", "p", "q/r", "p/a/b"}
	var f Finder
	for _, d := range append(dirs, dirs...) {
		dir := filepath.Join(root, d)
		want, err := Find(dir)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.Find(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: Finder says %q, Find %q", d, got, want)
		}
	}
	if got, _ := f.Find(filepath.Join(root, "p/repo/x/y")); got != "" {
		t.Errorf("a folder inside a repository took %q from above its top", got)
	}
}
