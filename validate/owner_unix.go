//go:build unix

package validate

import (
	"os"
	"syscall"
)

// foreignOwner reports a file owned neither by the current user nor by
// root, the owners Pywikibot trusts.
func foreignOwner(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	return int(st.Uid) != os.Getuid() && st.Uid != 0
}
