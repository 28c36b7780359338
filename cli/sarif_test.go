package cli

import (
	"path/filepath"
	"testing"
)

func TestFileURI(t *testing.T) {
	base := filepath.FromSlash("/work/repo")
	tests := []struct{ file, want string }{
		{"/work/repo/bots/user-config.py", "bots/user-config.py"},
		{"/work/repo/my bots/user-config.py", "my%20bots/user-config.py"},
		{"/work/repo/a:b/user-config.py", "./a:b/user-config.py"},
		{"/work/other/user-config.py", "file:///work/other/user-config.py"},
		{"/work/repo/100%/user-config.py", "100%25/user-config.py"},
	}
	for _, tt := range tests {
		if got := fileURI(base, filepath.FromSlash(tt.file)); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.file, got, tt.want)
		}
	}
}
