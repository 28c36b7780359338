package coverage

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/pywikibot"
)

// TestReleasedReportsLeaveNothingBehind computes reports in memory that
// other configs' reports held, and holds each to the report computed in
// memory of its own: no field of a site, nor a family, may keep a value
// from before.
func TestReleasedReportsLeaveNothingBehind(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	needs := []Requirement{ManualRequirement(), {},
		FamiliesRequirement([]string{"wikisource", "osm"})}
	opts := cmp.AllowUnexported(Site{}, Family{})
	for range 30 {
		cfg, q := propConfig(r), needs[r.IntN(len(needs))]
		// Nothing is released while the reference is computed, so it
		// starts from zeroed memory.
		want := ComputeFor(cfg, q)
		for range 2 {
			ComputeFor(propConfig(r), needs[r.IntN(len(needs))]).Release()
			got := ComputeFor(cfg, q)
			if diff := cmp.Diff(want, got, opts); diff != "" {
				t.Fatalf("report in reused memory differs (-fresh +reused):\n%s", diff)
			}
			got.Release()
		}
	}
}

// TestTotalsAddUp holds the report's totals, summed family by family, to
// a count of every site.
func TestTotalsAddUp(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 50 {
		rep := ComputeFor(propConfig(r), ManualRequirement())
		var total Count
		var required Need
		for i := range rep.Sites {
			s := &rep.Sites[i]
			total.add(s)
			if rep.Requirement.Counts(s) {
				required.add(s)
			}
			if s.NeedsUser() != rep.Requirement.NeedsUser(s) ||
				s.NeedsOAuth() != rep.Requirement.NeedsOAuth(s) {
				t.Fatalf("%s: needs user %v, OAuth %v; the requirement says otherwise",
					s.ID(), s.NeedsUser(), s.NeedsOAuth())
			}
		}
		if total != rep.Total || required != rep.Required {
			t.Fatalf("totals %+v, %+v; counted %+v, %+v", rep.Total, rep.Required, total, required)
		}
	}
}

// TestSkippedAgreesWithPywikibot holds the keys each site passes over to
// those pywikibot's lookup passes over.
func TestSkippedAgreesWithPywikibot(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 200 {
		cfg := propConfig(r)
		rep := Compute(cfg)
		for _, s := range rep.Sites {
			m := pywikibot.MatchAuth(cfg.Authenticate, "https://"+s.Host)
			var want []Source
			for i := range m.Skipped {
				want = append(want, *authSource(&m.Skipped[i]))
			}
			if diff := cmp.Diff(want, s.Skipped); diff != "" || m.Key != s.AuthKey {
				t.Fatalf("%s: key %q, skipped %v; pywikibot %q, %v", s.ID(), s.AuthKey, s.Skipped,
					m.Key, want)
			}
		}
	}
}
