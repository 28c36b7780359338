package coverage

import (
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/internal/restable"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// TestResolutionTable runs the table packages pywikibot and convert run
// too. Here each lookup is checked on the site of the report it names;
// URLs count when their host is the host of known sites.
func TestResolutionTable(t *testing.T) {
	for _, tab := range restable.Load(t) {
		r := Compute(tab.Config())
		for _, want := range tab.Sites {
			s, ok := r.Lookup(want.Family, want.Code)
			if !ok || s.Code != want.Code {
				continue // the report lists only the codes Pywikibot builds
			}
			switch {
			case want.Error != "":
				if s.UserState != UserInvalid {
					t.Errorf("%s: %s = %s %q, want invalid", tab.Name, s.ID(), s.UserState, s.Username)
				}
			case want.Name == nil:
				if s.UserState != UserNone {
					t.Errorf("%s: %s = %s %q, want none", tab.Name, s.ID(), s.UserState, s.Username)
				}
			case s.UserState != UserOK || s.Username != *want.Name:
				t.Errorf("%s: %s = %s %q, want %q", tab.Name, s.ID(), s.UserState, s.Username, *want.Name)
			}
		}
		for _, want := range tab.URLs {
			host := pywikibot.NetLoc(want.URL)
			for _, site := range pywikibot.SitesByHost(host) {
				if site.Hostname != host {
					continue
				}
				s, ok := r.Lookup(site.Family, site.Code)
				if !ok {
					t.Fatalf("%s: no site %s:%s", tab.Name, site.Family, site.Code)
				}
				key := want.WantKey()
				var skipped []string
				for _, src := range s.Skipped {
					skipped = append(skipped, src.Text)
				}
				var wantSkipped []string
				for _, k := range want.Skipped {
					wantSkipped = append(wantSkipped, "authenticate["+pyQuote(k)+"]")
				}
				if s.AuthKey != key || (s.AuthKind == AuthOAuth) != want.OAuth ||
					!slices.Equal(skipped, wantSkipped) {
					t.Errorf("%s: %s matched %q (%s, skipped %v), want %q (oauth %v, skipped %v)",
						tab.Name, s.ID(), s.AuthKey, s.AuthKind, skipped, key, want.OAuth, wantSkipped)
				}
			}
		}
	}
}
