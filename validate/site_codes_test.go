package validate

import (
	"slices"
	"testing"

	"github.com/pwbconf/pwbconf/parser"
)

// codesAt evaluates src and returns its findings as "line CODE".
func codesAt(t *testing.T, src string) []string {
	t.Helper()
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	var out []string
	for _, d := range Check(cfg, Options{}) {
		out = append(out, itoa(d.Line)+" "+d.Code)
	}
	return out
}

func TestUppercaseMylang(t *testing.T) {
	got := codesAt(t, "family = 'wikipedia'\nmylang = 'EN'\n")
	if !slices.Contains(got, "02 PWB204") {
		t.Errorf("mylang = 'EN': %v, want PWB204 at line 2", got)
	}
	if got := codesAt(t, "family = 'wikipedia'\nmylang = 'en'\n"); slices.Contains(got, "02 PWB204") {
		t.Errorf("mylang = 'en' flagged: %v", got)
	}
}

// TestOldCodeReportedOnce checks that an entry under an old code gets
// old-site-code alone: it serves no site of its own, so the rules that
// count sites say nothing of it.
func TestOldCodeReportedOnce(t *testing.T) {
	src := "usernames['wikisource']['aa'] = 'ExampleBot'\n" +
		"authenticate['*.wikisource.org'] = ('a4c123b1612dd272d1371c17149d4395',\n" +
		"    '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d',\n" +
		"    'bc74254770f58904dba41ecccc3fc1626e53a130')\n"
	var line1 []string
	for _, f := range codesAt(t, src) {
		if f[:2] == "01" {
			line1 = append(line1, f)
		}
	}
	if want := []string{"01 PWB203"}; !slices.Equal(line1, want) {
		t.Errorf("line 1: %v, want %v", line1, want)
	}
}

// TestOldCodeOfDefaultSite checks that an entry under the old code that
// mylang names is read, for pywikibot.Site() asks for the site by it.
func TestOldCodeOfDefaultSite(t *testing.T) {
	src := "family = 'wikipedia'\nmylang = 'nb'\nusernames['wikipedia']['nb'] = 'ExampleBot'\n"
	if got := codesAt(t, src); slices.Contains(got, "03 PWB203") {
		t.Errorf("the default site's entry flagged: %v", got)
	}
}
