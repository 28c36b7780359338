package pywikibot

import (
	"strings"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/model"
)

// TestNearestSkipsHugeNames gives a name of a million letters, which the
// edit distance would take seconds for; it gets no suggestion, at once.
func TestNearestSkipsHugeNames(t *testing.T) {
	start := time.Now()
	if got := NearestVariable(strings.Repeat("put_throttle", 100_000)); got != "" {
		t.Errorf("NearestVariable(huge) = %q", got)
	}
	if got := Nearest(strings.Repeat("x", 65), []string{strings.Repeat("x", 64)}); got != "" {
		t.Errorf("a name over the limit got %q", got)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

func TestMatchWithout(t *testing.T) {
	entry := func(key string) model.Entry {
		return model.Entry{Path: []string{"authenticate", key},
			Value: model.Value{Kind: model.Tuple, Items: make([]model.Value, 4)}}
	}
	index := NewAuthIndex([]model.Entry{
		entry("*.wikipedia.org"), entry("en.wikipedia.org"), entry("*"),
	})
	for _, tt := range []struct{ without, want string }{
		{"", "en.wikipedia.org"}, {"en.wikipedia.org", "*.wikipedia.org"},
		{"*.wikipedia.org", "en.wikipedia.org"},
	} {
		if got := index.MatchWithout("en.wikipedia.org", tt.without).Key; got != tt.want {
			t.Errorf("without %q: %q, want %q", tt.without, got, tt.want)
		}
	}
	if got := index.MatchWithout("de.wikipedia.org", "*.wikipedia.org").Key; got != "*" {
		t.Errorf("de without the wildcard: %q", got)
	}
}
