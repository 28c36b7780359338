package convert

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// noneExample reads variables with os.getenv and os.environ.get without a
// default, which give None where the variable is unset, and with
// setdefault, which gives its default there.
const noneExample = "import os\nfamily = 'wikipedia'\n" +
	"usernames['wikipedia']['en'] = os.environ.setdefault('PWB_BOT', 'ExampleBot')\n" +
	"usernames['wikipedia']['de'] = os.getenv('PWB_BOT_DE')\n" +
	"usernames['*']['*'] = 'StarBot'\n" +
	"authenticate['*'] = ('u', os.environ.get('PWB_PASS'))\n" +
	"maxlag = os.environ.get('PWB_MAXLAG', None)\n"

// TestReadsWithoutDefault checks that a read without a default keeps
// giving None where its variable is unset: in the document, read back,
// written as Python, and resolved by the runner API.
func TestReadsWithoutDefault(t *testing.T) {
	cfg, _, y := redactedYAML(t, noneExample)
	var err error
	for _, want := range []string{"en: {$env: PWB_BOT, $default: ExampleBot}",
		"de: {$env: PWB_BOT_DE, $default: null}", "password: {$env: PWB_PASS, $default: null}",
		"maxlag: {$env: PWB_MAXLAG, $default: null}"} {
		if !bytes.Contains(y, []byte(want)) {
			t.Errorf("no %q in\n%s", want, y)
		}
	}
	validateModes(t, cfg)
	if y, err = New(cfg, Inline).YAML(); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(y, "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	py, err := New(back, Inline).Python()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"usernames['wikipedia']['en'] = os.environ.get('PWB_BOT', 'ExampleBot')\n",
		"usernames['wikipedia']['de'] = os.environ.get('PWB_BOT_DE')\n",
		"    os.environ.get('PWB_PASS'),\n",
		"maxlag = os.environ.get('PWB_MAXLAG')\n",
	} {
		if !bytes.Contains(py, []byte(want)) {
			t.Errorf("no %q in\n%s", want, py)
		}
	}
	again := parser.Evaluate("user-config.py", py, parser.Options{})
	if diff := cmp.Diff(carried(cfg), carried(again), modelOpts); diff != "" {
		t.Errorf("python -> yaml -> python changed the model (-want +got):\n%s\n%s", diff, py)
	}

	unset, err := Parse(y, lookupIn(nil))
	if err != nil {
		t.Fatalf("Parse with nothing set: %v", err)
	}
	if got, ok := unset.Settings["maxlag"]; !ok || got != nil {
		t.Errorf("maxlag = %v, %v; want nil, as Python's None", got, ok)
	}
	// A None username is passed over for the '*' entry, as Pywikibot does.
	if name, err := unset.Username("wikipedia", "de"); err != nil || name != "StarBot" {
		t.Errorf("Username(wikipedia, de) = %q, %v; want StarBot", name, err)
	}
	if name, err := unset.Username("wikipedia", "en"); err != nil || name != "ExampleBot" {
		t.Errorf("Username(wikipedia, en) = %q, %v; want ExampleBot", name, err)
	}
	if _, err := unset.Credentials("en.wikipedia.org"); err == nil || errors.Is(err, ErrNoCredentials) {
		t.Errorf("Credentials with PWB_PASS unset: %v; want an item that is no string", err)
	}
	set, err := Parse(y, lookupIn(map[string]string{"PWB_BOT_DE": "DeBot", "PWB_PASS": "pw",
		"PWB_MAXLAG": "7"}))
	if err != nil {
		t.Fatal(err)
	}
	if name, _ := set.Username("wikipedia", "de"); name != "DeBot" {
		t.Errorf("Username(wikipedia, de) = %q, want DeBot", name)
	}
	if a, err := set.Credentials("en.wikipedia.org"); err != nil || a.Password != "pw" {
		t.Errorf("Credentials = %+v, %v", a, err)
	}
}

// TestComputedFromEnvironment checks that a value built on an environment
// read is reported, naming the entry and the variable, and that a value
// that is the read itself is not.
func TestComputedFromEnvironment(t *testing.T) {
	src := "import os\n" +
		"usernames['wikipedia']['en'] = 'Bot' + os.getenv('PWB_SUFFIX', 'One')\n" +
		"usernames['wikipedia']['de'] = f\"{os.getenv('PWB_DE', 'Two')}\"\n" +
		"usernames['wikipedia']['fr'] = os.environ.get('A', os.environ.get('B', 'Three'))\n" +
		"usernames['wikipedia']['it'] = os.environ.get('PWB_IT', 'Four')\n" +
		"mylang = 'de' if os.getenv('PWB_GERMAN') else 'en'\n" +
		"user_agent_description = 'bot ' + os.environ['PWB_UA']\n" +
		"maxlag, put_throttle = os.getenv('PWB_LAG', '5'), os.getenv('PWB_THROTTLE')\n" +
		"user_families_paths = [os.path.join(os.environ['HOME'], 'families')]\n"
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	if hasErrors(cfg) {
		t.Fatal(cfg.Diagnostics)
	}
	var got []string
	for _, c := range New(cfg, Redact).Computed {
		got = append(got, c.String())
	}
	want := []string{
		`mylang is computed from environment variable PWB_GERMAN; written with the value its default gives`,
		`usernames["wikipedia"]["en"] is computed from environment variable PWB_SUFFIX; ` +
			`written with the value its default gives`,
		`usernames["wikipedia"]["de"] is computed from environment variable PWB_DE; ` +
			`written with the value its default gives`,
		`usernames["wikipedia"]["fr"] is computed from environment variable B; ` +
			`written with the value its default gives`,
		`user_agent_description is computed from environment variable PWB_UA; written as unresolved`,
		`user_families_paths is computed from environment variable HOME; written as unresolved`,
	}
	if diff := cmp.Diff(slices.Sorted(slices.Values(want)), slices.Sorted(slices.Values(got))); diff != "" {
		t.Errorf("computed entries (-want +got):\n%s", diff)
	}
	// The variable set for the check makes the value known: nothing to say.
	cfg = parser.Evaluate("user-config.py", []byte(src), parser.Options{Env: map[string]string{
		"PWB_SUFFIX": "X", "PWB_DE": "X", "A": "X", "B": "X", "PWB_IT": "X", "PWB_GERMAN": "",
		"PWB_UA": "X", "PWB_LAG": "1", "PWB_THROTTLE": "1", "HOME": "/home/x",
	}})
	if c := New(cfg, Redact).Computed; len(c) != 0 {
		t.Errorf("with every variable set: %v", c)
	}
}

// TestPythonErrorCountsRedactions checks that a document whose many keys
// share one redacted token set fails with one count, not a phrase per
// secret.
func TestPythonErrorCountsRedactions(t *testing.T) {
	cfg := &model.Config{}
	for _, key := range []string{"a", "b", "c", "d", "e"} {
		cfg.Authenticate = append(cfg.Authenticate,
			authEntry(key+".example.org", tuple(str("ck"), str("cs"), str("at"), str("as"))))
	}
	_, err := New(cfg, Redact).Python()
	var perr *PythonError
	if !errors.As(err, &perr) || perr.Secrets != 20 || len(perr.Redacted) != 5 {
		t.Fatalf("Python() = %v, want a PythonError for 20 secrets in 5 entries", err)
	}
	want := `cannot write Python for 20 redacted secrets, in authenticate["a.example.org"], ` +
		`authenticate["b.example.org"], authenticate["c.example.org"] and 2 more`
	if err.Error() != want {
		t.Errorf("Python() = %q\nwant        %q", err, want)
	}
}

// TestSecretsNestedInSettings checks that secrets a setting holds at any
// depth, by their shape or the key they are under, stay out of a
// redacted document, as the secret files Pywikibot reads do.
func TestSecretsNestedInSettings(t *testing.T) {
	src := "from collections import defaultdict\n" +
		"logins = [('ExampleBot@task1', 'bcdefghijklmnopqrstuvwxyz0123456')]\n" +
		"bp = {'name': 'ExampleBot@task2', 'pw': 'shortpw'}\n" +
		"password_file = defaultdict(str, {'wikipedia': defaultdict(str, {'test': 'Temporarybotpassword'})})\n" +
		"_ck = '0123456789abcdef0123456789abcdef'\n" +
		"cs_copy = 'cs4'\n" +
		"authenticate['*'] = ('a4c123b1612dd272d1371c17149d4395', 'cs4', " +
		"'8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')\n"
	cfg := parser.Evaluate("user-config.py", []byte(src), parser.Options{})
	for _, mode := range []SecretMode{Redact, Env} {
		doc := New(cfg, mode)
		if doc.HasSecrets() {
			t.Errorf("%s: HasSecrets", mode)
		}
		y, err := doc.YAML()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"bcdefghijklmnopqrstuvwxyz0123456", "shortpw", "Temporarybotpassword",
			"cs4"} {
			if bytes.Contains(y, []byte(s)) {
				t.Errorf("%s: %q in\n%s", mode, s, y)
			}
		}
		if !bytes.Contains(y, []byte("ExampleBot@task1")) || !bytes.Contains(y, []byte("ExampleBot@task2")) {
			t.Errorf("%s: the account names are gone too:\n%s", mode, y)
		}
	}
	if !New(cfg, Inline).HasSecrets() {
		t.Error("Inline: HasSecrets is false, so the file would not get mode 0600")
	}
}
