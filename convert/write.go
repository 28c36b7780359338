package convert

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// ErrExists is what [WriteFile] wraps when it will not replace a file.
var ErrExists = errors.New("file exists")

// WriteFile writes data to path atomically: into a temporary file in the
// same folder, synced, then put in place, so that a reader never sees half
// a file. The file gets mode perm, whatever the umask and whatever mode an
// older file at path had. Without replace an existing file is left alone
// and the error wraps [ErrExists]; the check and the write are one step,
// so no file that appears meanwhile is lost either.
func WriteFile(path string, data []byte, perm fs.FileMode, replace bool) error {
	pf, err := renameio.NewPendingFile(path,
		renameio.WithTempDir(filepath.Dir(path)), renameio.WithStaticPermissions(perm))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	if _, err := pf.Write(data); err != nil {
		return err
	}
	if replace {
		return pf.CloseAtomicallyReplace()
	}
	if err := pf.Sync(); err != nil {
		return err
	}
	// A hard link, unlike a rename, fails when the target exists.
	err = os.Link(pf.Name(), path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return existsError(path, err)
	}
	// Some file systems have no hard links: check, then rename.
	if _, statErr := os.Lstat(path); !errors.Is(statErr, fs.ErrNotExist) {
		return existsError(path, fs.ErrExist)
	}
	return pf.CloseAtomicallyReplace()
}

func existsError(path string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", path, ErrExists)
}
