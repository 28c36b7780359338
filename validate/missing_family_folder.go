package validate

import "github.com/pwbconf/pwbconf/diag"

var missingFamilyFolder = &Rule{
	Code:     "PWB207",
	Name:     "missing-family-folder",
	Severity: diag.Error,
	Summary:  "a family folder that does not exist",
	Doc: "Pywikibot registers the *_family.py files of each folder in " +
		"user_families_paths, and of each folder passed to " +
		"register_families_folder. A folder that does not exist makes it " +
		"stop with FileNotFoundError, so no script runs. Relative folders are " +
		"looked up from the folder of user-config.py, where Pywikibot usually " +
		"runs; when the bot runs on another machine, check the path there.",
	Bad:  "user_families_paths = ['no-such-folder']\n",
	Good: "user_families_paths = []\n",
	check: func(p *pass) {
		for _, ref := range p.families().missing {
			p.report(ref.Pos, "", "family folder %q does not exist. "+
				"Pywikibot stops with FileNotFoundError", ref.Path)
		}
	},
}
