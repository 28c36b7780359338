package validate

import (
	"os"
	"runtime"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var unsafeFile = &Rule{
	Code:     "PWB108",
	Name:     "unsafe-config-file",
	Severity: diag.Error,
	Summary:  "a config file that others may write, which Pywikibot skips",
	Doc: "Outside Windows, Pywikibot refuses to run a user-config.py that " +
		"other users could have changed: one that is writable by others, or " +
		"owned by someone other than the user running the bot and root. It " +
		"skips the whole file with only a warning, and the bot runs with the " +
		"defaults, without its usernames and tokens. Make the file yours and " +
		"writable by you alone, for example with chmod 600 user-config.py. " +
		"The check looks at the file as it is on the machine pwbconf runs on. " +
		"The examples differ in the file's mode, not its content; the first " +
		"line of each shows the mode as ls -l prints it.",
	Bad:               "# -rw-rw-rw- 1 bot bot 62 user-config.py\nfamily = 'wikipedia'\n",
	Good:              "# -rw------- 1 bot bot 62 user-config.py\nfamily = 'wikipedia'\n",
	exampleUntestable: "the finding depends on the file's mode and owner on disk",
	aboutFileOnDisk:   true,
	check: func(p *pass) {
		if runtime.GOOS == "windows" {
			return
		}
		info, err := os.Stat(p.cfg.File)
		if err != nil || !info.Mode().IsRegular() {
			return
		}
		switch {
		case foreignOwner(info):
			p.report(model.Pos{}, "", "the file is owned by another user, so Pywikibot skips it")
		case info.Mode().Perm()&0o002 != 0:
			p.report(model.Pos{}, "", "the file is writable by others, so Pywikibot skips it. "+
				"Run chmod o-w on it")
		}
	},
}
