package convert_test

import (
	"fmt"
	"log"

	"github.com/pwbconf/pwbconf/convert"
)

func Example() {
	doc := []byte(`version: 1
family: wikipedia
mylang: en
usernames:
  wikipedia:
    '*': example_bot
authenticate:
  '*.wikipedia.org':
    consumer_token: a4c123b1612dd272d1371c17149d4395
    consumer_secret: ${PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET}
    access_token: 8f219e9cb0eb53f16947ccf25ec84d8d
    access_secret: ${PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET}
`)
	// A real runner leaves out WithLookup and reads the process environment.
	env := map[string]string{
		"PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET": "36b3216fdaeeb975729fae923d5a4fd12aabfe22",
		"PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET":   "bc74254770f58904dba41ecccc3fc1626e53a130",
	}
	cfg, err := convert.Parse(doc, convert.WithLookup(func(name string) (string, bool) {
		v, ok := env[name]
		return v, ok
	}))
	if err != nil {
		log.Fatal(err)
	}
	name, err := cfg.Username("wikipedia", "de")
	if err != nil {
		log.Fatal(err)
	}
	auth, err := cfg.Credentials("https://de.wikipedia.org/w/api.php")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(name)
	fmt.Println(auth.Key, auth.OAuth(), auth.ConsumerToken)
	_, err = cfg.Credentials("https://www.wikidata.org/w/api.php")
	fmt.Println(err)
	// Output:
	// Example bot
	// *.wikipedia.org true a4c123b1612dd272d1371c17149d4395
	// https://www.wikidata.org/w/api.php: no credentials
}
