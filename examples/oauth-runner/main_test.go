package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/sandbox"
)

// TestMain lets the test binary serve as the sandbox worker that
// "pwbconf convert" starts.
func TestMain(m *testing.M) {
	sandbox.RunWorkerIfRequested()
	os.Exit(m.Run())
}

// The tokens of the shipped example, as the server's own records.
const (
	consumerKey    = "a4c123b1612dd272d1371c17149d4395"
	consumerSecret = "36b3216fdaeeb975729fae923d5a4fd12aabfe22"
	accessToken    = "8f219e9cb0eb53f16947ccf25ec84d8d"
	accessSecret   = "bc74254770f58904dba41ecccc3fc1626e53a130"
)

// convertExample runs "pwbconf convert -o" on the shipped example and
// returns the paths of the YAML and the .env file it wrote.
func convertExample(t *testing.T) (config, env string) {
	t.Helper()
	dir := t.TempDir()
	config = filepath.Join(dir, "pwb.yaml")
	var stdout, stderr bytes.Buffer
	args := []string{"pwbconf", "convert", "-o", config, "../../testdata/example/user-config.py"}
	code := cli.Run(args, strings.NewReader(""), &stdout, &stderr, nil)
	if code != 0 {
		t.Fatalf("pwbconf convert exited %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{consumerSecret, accessSecret, consumerKey, accessToken} {
		if bytes.Contains(b, []byte(secret)) {
			t.Fatalf("the converted file holds a token")
		}
	}
	env = filepath.Join(dir, ".env")
	if info, err := os.Stat(env); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf(".env: %v, mode %v; want mode 0600", err, info.Mode().Perm())
	}
	return config, env
}

// wiki is a MediaWiki API stand-in that answers meta=userinfo with the
// account name only when the request carries a valid OAuth 1.0a signature.
func wiki(t *testing.T, checked *int) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if err := verifyOAuth(r, time.Now()); err != nil {
			t.Logf("signature refused: %v", err)
			fmt.Fprintf(w, `{"error": {"code": "mwoauth-invalid-authorization", "info": %q}}`, err)
			return
		}
		*checked++
		if r.URL.Query().Get("meta") != "userinfo" {
			fmt.Fprint(w, `{"error": {"code": "badquery", "info": "want meta=userinfo"}}`)
			return
		}
		fmt.Fprint(w, `{"batchcomplete": "", "query": {"userinfo": {"id": 7, "name": "ExampleBot"}}}`)
	}))
}

// toServer sends every connection to the test server, whatever host the
// URL names, so that the runner matches authenticate keys against the
// real wiki's host name.
func toServer(srv *httptest.Server) http.RoundTripper {
	addr := srv.Listener.Addr().String()
	dial := func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	return &http.Transport{DialContext: dial}
}

func TestRunnerSignsWithConvertedTokens(t *testing.T) {
	config, env := convertExample(t)
	checked := 0
	srv := wiki(t, &checked)
	defer srv.Close()
	noEnv := func(string) (string, bool) { return "", false }
	var stdout, stderr bytes.Buffer
	code := run([]string{"-config", config, "-env-file", env, "http://en.wikipedia.org/w/api.php"},
		&stdout, &stderr, noEnv, toServer(srv))
	if code != 0 || checked != 1 {
		t.Fatalf("exit %d, %d signatures accepted; stderr: %s", code, checked, stderr.String())
	}
	const want = "logged in as ExampleBot on wikipedia:en " +
		"with the tokens of authenticate[\"*.wikipedia.org\"]\n"
	if stdout.String() != want {
		t.Errorf("stdout %q, want %q", stdout.String(), want)
	}
}

func TestRunnerWithWrongSecretIsRefused(t *testing.T) {
	config, env := convertExample(t)
	b, err := os.ReadFile(env)
	if err != nil {
		t.Fatal(err)
	}
	wrong := strings.Replace(string(b), accessSecret, strings.Repeat("0", 40), 1)
	if err := os.WriteFile(env, []byte(wrong), 0o600); err != nil {
		t.Fatal(err)
	}
	checked := 0
	srv := wiki(t, &checked)
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-config", config, "-env-file", env, "http://en.wikipedia.org/w/api.php"},
		&stdout, &stderr, func(string) (string, bool) { return "", false }, toServer(srv))
	refused := strings.Contains(stderr.String(), "mwoauth-invalid-authorization")
	if code == 0 || checked != 0 || !refused {
		t.Errorf("exit %d, %d accepted, stderr %q; want a refusal", code, checked, stderr.String())
	}
}

func TestRunnerNamesMissingVariables(t *testing.T) {
	config, _ := convertExample(t)
	var stdout, stderr bytes.Buffer
	code := run([]string{"-config", config, "http://en.wikipedia.org/w/api.php"},
		&stdout, &stderr, func(string) (string, bool) { return "", false }, nil)
	if code != 1 || !strings.Contains(stderr.String(), "PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

// verifyOAuth checks an OAuth 1.0a HMAC-SHA1 request signature (RFC 5849)
// with the secrets the server knows.
func verifyOAuth(r *http.Request, now time.Time) error {
	params, err := authParams(r.Header.Get("Authorization"))
	if err != nil {
		return err
	}
	if params["oauth_consumer_key"] != consumerKey || params["oauth_token"] != accessToken {
		return fmt.Errorf("unknown consumer or token")
	}
	if params["oauth_signature_method"] != "HMAC-SHA1" {
		return fmt.Errorf("signature method %q", params["oauth_signature_method"])
	}
	if v, ok := params["oauth_version"]; ok && v != "1.0" {
		return fmt.Errorf("version %q", v)
	}
	ts, err := strconv.ParseInt(params["oauth_timestamp"], 10, 64)
	if err != nil || now.Sub(time.Unix(ts, 0)).Abs() > 5*time.Minute {
		return fmt.Errorf("stale or missing timestamp")
	}
	if params["oauth_nonce"] == "" {
		return fmt.Errorf("no nonce")
	}
	got, err := base64.StdEncoding.DecodeString(params["oauth_signature"])
	if err != nil {
		return fmt.Errorf("signature not base64")
	}
	mac := hmac.New(sha1.New, []byte(percent(consumerSecret)+"&"+percent(accessSecret)))
	mac.Write([]byte(baseString(r, params)))
	if !hmac.Equal(got, mac.Sum(nil)) {
		return fmt.Errorf("signature mismatch")
	}
	return nil
}

// authParams reads the parameters of an "Authorization: OAuth ..." header.
func authParams(header string) (map[string]string, error) {
	rest, ok := strings.CutPrefix(header, "OAuth ")
	if !ok {
		return nil, fmt.Errorf("no OAuth authorization header")
	}
	params := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
			return nil, fmt.Errorf("malformed parameter %q", part)
		}
		key, err1 := url.PathUnescape(k)
		val, err2 := url.PathUnescape(v[1 : len(v)-1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad encoding in %q", part)
		}
		params[key] = val
	}
	return params, nil
}

// baseString builds the signature base string of RFC 5849 section 3.4.1:
// method, base URI and the normalised parameters (query, form body and
// oauth_* but the signature and realm), each percent-encoded.
func baseString(r *http.Request, oauth map[string]string) string {
	var pairs []string
	add := func(k, v string) { pairs = append(pairs, percent(k)+"="+percent(v)) }
	for k, vs := range r.URL.Query() {
		for _, v := range vs {
			add(k, v)
		}
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		_ = r.ParseForm()
		for k, vs := range r.PostForm {
			for _, v := range vs {
				add(k, v)
			}
		}
	}
	for k, v := range oauth {
		if k != "oauth_signature" && k != "realm" {
			add(k, v)
		}
	}
	sort.Strings(pairs)
	host := strings.ToLower(r.Host)
	host = strings.TrimSuffix(host, ":80")
	uri := "http://" + host + r.URL.EscapedPath()
	return r.Method + "&" + percent(uri) + "&" + percent(strings.Join(pairs, "&"))
}

// percent encodes s as RFC 3986 asks: every byte but the unreserved
// characters becomes %XX with upper-case hex.
func percent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// TestRunnerSite checks that the site comes from the API URL's host when
// -site is not given, and that a -site of another wiki is refused before
// any request, since its account would sign the URL's request.
func TestRunnerSite(t *testing.T) {
	config, env := convertExample(t)
	checked := 0
	srv := wiki(t, &checked)
	defer srv.Close()
	noEnv := func(string) (string, bool) { return "", false }
	var stdout, stderr bytes.Buffer
	code := run([]string{"-config", config, "-env-file", env, "http://de.wikipedia.org/w/api.php"},
		&stdout, &stderr, noEnv, toServer(srv))
	if code != 0 || !strings.Contains(stdout.String(), " on wikipedia:de ") {
		t.Errorf("exit %d, stdout %q, stderr %q; want a login on wikipedia:de",
			code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	checked = 0
	code = run([]string{"-config", config, "-env-file", env, "-site", "wikisource:mul",
		"http://en.wikipedia.org/w/api.php"}, &stdout, &stderr, noEnv, toServer(srv))
	if code != 1 || checked != 0 || !strings.Contains(stderr.String(), "is the wiki at wikisource.org") {
		t.Errorf("exit %d, %d requests, stderr %q; want a refusal naming wikisource.org",
			code, checked, stderr.String())
	}
}

// TestRunnerExplains checks the help and the message for a host no key
// serves.
func TestRunnerExplains(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-h"}, &stdout, &stderr, nil, nil); code != 2 ||
		!strings.Contains(stderr.String(), "usage: oauth-runner [options] API_URL") {
		t.Errorf("-h: exit %d, stderr %q", code, stderr.String())
	}
	config, env := convertExample(t)
	stderr.Reset()
	code := run([]string{"-config", config, "-env-file", env,
		"https://wiki.example.org/w/api.php"}, &stdout, &stderr,
		func(string) (string, bool) { return "", false }, nil)
	if code != 1 || !strings.Contains(stderr.String(), "no authenticate key of "+config+" serves its host") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}
