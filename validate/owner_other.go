//go:build !unix

package validate

import "os"

// foreignOwner is false where Pywikibot does not check owners (Windows).
func foreignOwner(os.FileInfo) bool { return false }
