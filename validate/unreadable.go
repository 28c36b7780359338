package validate

import "github.com/pwbconf/pwbconf/diag"

// unreadable has no check: the command line reports it for a path it
// cannot read, before there is anything to evaluate.
var unreadable = &Rule{
	Code:           diag.CodeUnreadable,
	Name:           "unreadable-file",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "pwbconf could not read the file or folder",
	Doc: "A path given to pwbconf, or a file or folder met while searching " +
		"one, could not be read: it does not exist, or its permissions or a " +
		"broken link keep pwbconf out. Nothing in it is checked, and the exit " +
		"status is 2 whatever --fail-on says, so that a check in CI cannot " +
		"pass by looking at nothing; --select and --ignore do not hide it. " +
		"Fix the path, or give the user running " +
		"pwbconf read access; Pywikibot itself needs it too.",
	Bad:               "# user-config.py, mode 0200: no one may read it\nfamily = 'wikipedia'\n",
	Good:              "# user-config.py, mode 0600\nfamily = 'wikipedia'\n",
	exampleUntestable: "the finding depends on the file's mode on disk",
}
