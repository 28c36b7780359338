package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCollect(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(dir, rel string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("family = 'wikipedia'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	link := func(target, rel string) {
		if err := os.Symlink(target, filepath.Join(root, rel)); err != nil {
			t.Fatal(err)
		}
	}
	write(root, "b/user-config.py")
	write(root, "a/user-config.py")
	write(root, "a/deeper/user-config.py")
	write(root, "a/other.py")
	write(root, ".git/user-config.py")
	write(root, "node_modules/x/user-config.py")
	write(root, "inside/real.py")
	write(outside, "user-config.py")
	link(filepath.Join(outside, "user-config.py"), "user-config.py")
	if err := os.MkdirAll(filepath.Join(root, "l"), 0o755); err != nil {
		t.Fatal(err)
	}
	link(filepath.Join(root, "inside/real.py"), "l/user-config.py")
	link(outside, "linked-folder")

	named := write(outside, "named.py")
	files, problems := collect([]string{root, named, root, filepath.Join(root, "missing")}, io.Discard)
	want := []string{
		filepath.Join(root, "a/deeper/user-config.py"),
		filepath.Join(root, "a/user-config.py"),
		filepath.Join(root, "b/user-config.py"),
		filepath.Join(root, "l/user-config.py"),
		named,
	}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(problems) != 1 || problems[0].File != filepath.Join(root, "missing") || problems[0].Code != CodeIO {
		t.Errorf("problems = %+v, want one about the missing path", problems)
	}

	// A folder holding only a link to a folder is no clean run, and the
	// message says why the file the user sees was not checked.
	only := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(only, "linked")); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	files, problems = collect([]string{only}, &log)
	if len(files) != 0 || len(problems) != 1 ||
		!strings.Contains(problems[0].Message, "1 skipped, links to folders") ||
		!strings.Contains(log.String(), "not entered, a link to a folder") {
		t.Errorf("files %v, problems %+v, log %q", files, problems, log.String())
	}

	// A link named on the command line is followed.
	viaLink := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Join(root, "b"), viaLink); err != nil {
		t.Fatal(err)
	}
	files, _ = collect([]string{viaLink}, io.Discard)
	if diff := cmp.Diff([]string{filepath.Join(viaLink, "user-config.py")}, files); diff != "" {
		t.Errorf("through a link (-want +got):\n%s", diff)
	}
}
