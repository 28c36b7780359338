package pywikibot

import (
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/internal/restable"
)

// TestResolutionTable runs the table of username and credential lookups
// that the converter's runner API must pass too.
func TestResolutionTable(t *testing.T) {
	for _, tab := range restable.Load(t) {
		users, auth := tab.Entries()
		u := NewUsernames(users)
		for _, s := range tab.Sites {
			r := Username(u, s.Family, s.Code)
			switch {
			case s.Error != "":
				if !r.Found() || r.Name != "" {
					t.Errorf("%s: %s:%s = %+v, want an entry that gives no usable name",
						tab.Name, s.Family, s.Code, r)
				}
			case s.Name == nil:
				if r.Found() {
					t.Errorf("%s: %s:%s = %q, want no username", tab.Name, s.Family, s.Code, r.Name)
				}
			case r.Name != *s.Name:
				t.Errorf("%s: %s:%s = %q, want %q", tab.Name, s.Family, s.Code, r.Name, *s.Name)
			}
		}
		for _, c := range tab.URLs {
			m := MatchAuth(auth, c.URL)
			var skipped []string
			for _, e := range m.Skipped {
				skipped = append(skipped, e.Name())
			}
			if want := c.WantKey(); m.Key != want || m.OAuth() != c.OAuth ||
				!slices.Equal(skipped, c.Skipped) {
				t.Errorf("%s: %s matched %q (oauth %v, skipped %v), want %q (oauth %v, skipped %v)",
					tab.Name, c.URL, m.Key, m.OAuth(), skipped, want, c.OAuth, c.Skipped)
			}
		}
	}
}
