// Command oauth-runner shows a Go bot using a configuration converted by
// pwbconf: it loads the file, takes the account and the OAuth 1.0a tokens
// Pywikibot would use for a wiki, and sends one signed MediaWiki API
// request asking the wiki who is logged in.
//
//	pwbconf convert -o pwb.yaml user-config.py   # writes pwb.yaml and .env
//	oauth-runner -config pwb.yaml -env-file .env https://en.wikipedia.org/w/api.php
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/dghubble/oauth1"
	"github.com/joho/godotenv"

	"github.com/pwbconf/pwbconf/convert"
	"github.com/pwbconf/pwbconf/pywikibot"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.LookupEnv, nil))
}

// run is the command with its streams, environment and HTTP transport
// passed in, so that a test can point it at a local server. A nil
// transport is http.DefaultTransport.
func run(args []string, stdout, stderr io.Writer,
	lookup func(string) (string, bool), transport http.RoundTripper) int {
	flags := flag.NewFlagSet("oauth-runner", flag.ContinueOnError)
	flags.SetOutput(stderr)
	config := flags.String("config", "pwb.yaml", "the converted configuration `FILE`")
	envFile := flags.String("env-file", "", "read the secrets from this dotenv `FILE` too")
	site := flags.String("site", "", "the site as `FAMILY:CODE` (default: the wiki of API_URL, "+
		"else family and mylang)")
	flags.Usage = func() {
		fmt.Fprint(stderr, "usage: oauth-runner [options] API_URL\n\n"+
			"Logs in to the wiki whose api.php is API_URL as the converted configuration\n"+
			"says Pywikibot would, and asks the wiki who is logged in.\n\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	if err := login(flags.Arg(0), *config, *envFile, *site, stdout, lookup, transport); err != nil {
		fmt.Fprintf(stderr, "oauth-runner: %v\n", err)
		return 1
	}
	return 0
}

func login(api, config, envFile, site string, out io.Writer,
	lookup func(string) (string, bool), transport http.RoundTripper) error {
	if envFile != "" {
		vars, err := godotenv.Read(envFile)
		if err != nil {
			return err
		}
		lookup = overlay(vars, lookup)
	}
	cfg, err := convert.Load(config, convert.WithLookup(lookup))
	if err != nil {
		return err
	}
	family, code, err := siteOf(api, site, cfg)
	if err != nil {
		return err
	}
	user, err := cfg.Username(family, code)
	if err != nil {
		return err
	}
	auth, err := cfg.Credentials(api)
	if errors.Is(err, convert.ErrNoCredentials) {
		return fmt.Errorf("%s: no authenticate key of %s serves its host "+
			"(Pywikibot tries the host itself, then '*.' and each parent domain, then '*')", api, config)
	}
	if err != nil {
		return err
	}
	if !auth.OAuth() {
		return fmt.Errorf("%s: authenticate[%q] is not an OAuth token set", api, auth.Key)
	}
	name, err := whoAmI(api, auth, transport)
	if err != nil {
		return err
	}
	if name != user {
		return fmt.Errorf("the wiki says %q is logged in, the config names %q", name, user)
	}
	fmt.Fprintf(out, "logged in as %s on %s:%s with the tokens of authenticate[%q]\n",
		name, family, code, auth.Key)
	return nil
}

// siteOf is the site the runner logs in to: the one -site names, which
// must be served at the API's host, or else the one served there, or else
// the configuration's family and mylang. The username and the tokens are
// looked up for the site and for the URL apart, as Pywikibot does, so a
// site of another wiki would sign one wiki's request with another's
// account.
func siteOf(api, site string, cfg *convert.Config) (family, code string, err error) {
	u, err := url.Parse(api)
	if err != nil || u.Hostname() == "" {
		return "", "", fmt.Errorf("%q is no URL of a wiki's api.php", api)
	}
	host := u.Hostname()
	if site != "" {
		family, code, _ = strings.Cut(site, ":")
		n := pywikibot.NormalizeCode(family, code)
		if s, ok := pywikibot.LookupSite(n.Family, n.Code); ok && !strings.EqualFold(s.Hostname, host) {
			return "", "", fmt.Errorf("-site %s is the wiki at %s, not at %s; name the site of API_URL",
				site, s.Hostname, host)
		}
		return family, code, nil
	}
	for _, s := range pywikibot.SitesByHost(host) {
		// Old codes share a host with the code that replaced them; the
		// current one is the site Pywikibot builds.
		if n := pywikibot.NormalizeCode(s.Family, s.Code); n.Code == s.Code {
			return s.Family, s.Code, nil
		}
	}
	return cfg.Family, cfg.Mylang, nil
}

// lookupFunc looks an environment variable up.
type lookupFunc = func(name string) (string, bool)

// overlay looks a name up in vars first, then in lookup.
func overlay(vars map[string]string, lookup lookupFunc) lookupFunc {
	return func(name string) (string, bool) {
		if v, ok := vars[name]; ok {
			return v, true
		}
		return lookup(name)
	}
}

// whoAmI sends a signed meta=userinfo query and returns the account name
// the wiki reports.
func whoAmI(api string, auth convert.Auth, transport http.RoundTripper) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if transport != nil {
		ctx = context.WithValue(ctx, oauth1.HTTPClient, &http.Client{Transport: transport})
	}
	client := oauth1.NewConfig(auth.ConsumerToken, auth.ConsumerSecret).
		Client(ctx, oauth1.NewToken(auth.AccessToken, auth.AccessSecret))
	q := url.Values{"action": {"query"}, "meta": {"userinfo"}, "format": {"json"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, api+"?"+q.Encode(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("User-Agent", "oauth-runner (pwbconf example)")
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var body struct {
		Query struct {
			UserInfo struct {
				Name string  `json:"name"`
				Anon *string `json:"anon"`
			} `json:"userinfo"`
		} `json:"query"`
		Error *struct {
			Code string `json:"code"`
			Info string `json:"info"`
		} `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&body); err != nil {
		return "", fmt.Errorf("%s: %s: %v", api, resp.Status, err)
	}
	switch {
	case body.Error != nil:
		return "", fmt.Errorf("%s: %s: %s", api, body.Error.Code, body.Error.Info)
	case resp.StatusCode != http.StatusOK:
		return "", fmt.Errorf("%s: %s", api, resp.Status)
	case body.Query.UserInfo.Anon != nil:
		return "", errors.New("the wiki did not accept the OAuth signature: logged out")
	}
	return body.Query.UserInfo.Name, nil
}
