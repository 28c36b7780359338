package validate

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// familySet is what a file can name as a family: the families Pywikibot
// ships, those of family_files, and those in the family folders it names.
type familySet struct {
	own map[string]bool
	// missing lists family folders that do not exist.
	missing []model.PathRef
	// blind is set when some folder could not be read, so that any name
	// may be a family pwbconf cannot see.
	blind bool
}

// families reads the family folders a file names. It only lists them,
// relative to the file's folder, and never opens a family file.
func families(cfg *model.Config) familySet {
	fs := familySet{own: map[string]bool{}}
	if e, ok := cfg.Setting("family_files"); ok {
		for _, k := range e.Value.Keys {
			fs.own[k] = true
		}
	}
	for _, ref := range cfg.FamilyFolders {
		if ref.Path == "" || strings.Contains(ref.Path, "<unknown") {
			fs.blind = true
			continue
		}
		dir := ref.Path
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(cfg.File), dir)
		}
		entries, err := os.ReadDir(dir)
		switch {
		case os.IsNotExist(err):
			fs.missing = append(fs.missing, ref)
			continue
		case err != nil:
			fs.blind = true
			continue
		}
		for _, d := range entries {
			if name, ok := strings.CutSuffix(d.Name(), "_family.py"); ok {
				fs.own[name] = true
			}
		}
	}
	return fs
}

// known reports whether name is a family the file can use.
func (fs familySet) known(name string) bool {
	if _, ok := pywikibot.LookupFamily(name); ok {
		return true
	}
	if fs.own[name] || fs.blind {
		return true
	}
	// The bot may run where a missing folder exists, so only a name that
	// looks like a slip for a built-in family or a domain is unknown then.
	return len(fs.missing) > 0 && pywikibot.NearestFamily(name) == "" &&
		len(domainFamilies(name)) == 0
}

// domainFamilies lists the families with wikis under name + ".org", for
// names such as "wikimedia" that are domains rather than families.
func domainFamilies(name string) []string {
	var out []string
	for _, f := range pywikibot.Families() {
		for _, s := range f.Sites {
			if strings.HasSuffix(s.Hostname, "."+name+".org") && !f.IsTest(s.Code) {
				out = append(out, f.Name)
				break
			}
		}
	}
	return out
}
