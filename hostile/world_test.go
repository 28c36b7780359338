package hostile

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// canary is the content of the files a hostile config tries to read; it
// must never show up in a finding or in the model.
const canary = "CANARY-5f1c-not-for-your-eyes"

// world is the part of the machine a test watches: a home folder and a
// working folder of its own, with files worth stealing or deleting, and
// the process environment.
type world struct {
	home, cwd string
}

// newWorld makes a fresh home and working folder, points HOME and the
// working directory at them for the test, and fills them.
func newWorld(t *testing.T) *world {
	w := &world{home: t.TempDir(), cwd: t.TempDir()}
	t.Setenv("HOME", w.home)
	t.Chdir(w.cwd)
	files := map[string]string{
		filepath.Join(w.home, ".ssh", "id_rsa"):                  canary,
		filepath.Join(w.home, ".pywikibot", "user-config.py"):    "# " + canary,
		filepath.Join(w.home, ".pywikibot", "user-password.py"):  "('Bot', '" + canary + "')",
		filepath.Join(w.cwd, "passwords.txt"):                    canary,
		filepath.Join(w.cwd, "victim"):                           "delete me if you can",
		filepath.Join(w.cwd, "families", "my_family.py"):         "# " + canary,
		filepath.Join(w.cwd, "user_config_local", "__init__.py"): "secret = '" + canary + "'",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// snapshot is what a world looked like: every path with its mode, size,
// time and content hash, and the environment.
type snapshot struct {
	files []string
	env   []string
}

func (w *world) snapshot(t *testing.T) snapshot {
	t.Helper()
	var s snapshot
	for _, root := range []string{w.home, w.cwd} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			line := path + " " + info.Mode().String() + " " + info.ModTime().String()
			if d.Type().IsRegular() {
				b, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				line += fmt.Sprintf(" %d %x", len(b), sha256.Sum256(b))
			}
			s.files = append(s.files, line)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	s.env = slices.Sorted(slices.Values(os.Environ()))
	return s
}

// unchanged fails the test when the world differs from before.
func (w *world) unchanged(t *testing.T, before snapshot) {
	t.Helper()
	after := w.snapshot(t)
	if diff := cmp.Diff(before.files, after.files); diff != "" {
		t.Errorf("files changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(before.env, after.env); diff != "" {
		t.Errorf("environment changed (-before +after):\n%s", diff)
	}
}

// noCanary fails the test when text holds the content of a watched file.
func noCanary(t *testing.T, what, text string) {
	t.Helper()
	if strings.Contains(text, canary) {
		t.Errorf("%s shows the content of a file outside the sandbox", what)
	}
}

// TestWorldNoticesChanges checks the watch itself: a changed file, a new
// file and a changed variable all show in a new snapshot.
func TestWorldNoticesChanges(t *testing.T) {
	w := newWorld(t)
	before := w.snapshot(t)
	for _, change := range []func(){
		func() { os.WriteFile(filepath.Join(w.cwd, "victim"), []byte("changed"), 0o600) },
		func() { os.WriteFile(filepath.Join(w.home, "pwned"), nil, 0o600) },
		func() { t.Setenv("PWBCONF_HOSTILE_WATCH", "1") },
	} {
		change()
		after := w.snapshot(t)
		if cmp.Equal(before, after, cmp.AllowUnexported(snapshot{})) {
			t.Error("a change went unnoticed")
		}
		before = after
	}
}
