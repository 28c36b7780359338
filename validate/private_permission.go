package validate

import (
	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

var privatePermission = &Rule{
	Code:     "PWB107",
	Name:     "private-permission-too-open",
	Severity: diag.Error,
	Summary:  "private files or folders readable by group or others",
	Doc: "private_files_permission and private_folder_permission are the " +
		"modes Pywikibot gives the files that hold cookies and passwords. When " +
		"either grants any access to the group or to others (any bit of " +
		"0o077), Pywikibot prints a critical security warning and exits, so " +
		"no script runs. Keep the defaults, 0o600 for files and 0o700 for " +
		"folders; ignore_file_security_warnings = True silences the check.",
	Bad:  "private_files_permission = 0o644\n",
	Good: "private_files_permission = 0o600\n",
	check: func(p *pass) {
		if e, ok := p.cfg.Setting("ignore_file_security_warnings"); ok && pywikibot.Truthy(e.Value) {
			return
		}
		for _, name := range []string{"private_files_permission", "private_folder_permission"} {
			e, ok := p.cfg.Setting(name)
			if !ok || e.Value.Kind != model.Int || e.Value.Int == nil || !e.Value.Int.IsInt64() {
				continue
			}
			if mode := e.Value.Int.Int64(); mode&0o077 != 0 {
				p.report(e.Pos, name, "%s 0o%o gives the group or others access. "+
					"Pywikibot refuses to run", name, mode)
			}
		}
	},
}
