package validate

// The coverage rules' examples share the manual's layout, written with
// loops so that they stay short.
const (
	exampleTokens = "_tokens = ('a4c123b1612dd272d1371c17149d4395', " +
		"'36b3216fdaeeb975729fae923d5a4fd12aabfe22',\n" +
		"           '8f219e9cb0eb53f16947ccf25ec84d8d', " +
		"'bc74254770f58904dba41ecccc3fc1626e53a130')\n"
	exampleUsers = "for _f in ('wikipedia', 'meta', 'commons', 'wikidata', 'wiktionary',\n" +
		"           'wikibooks', 'wikinews', 'wikiquote', 'wikisource',\n" +
		"           'wikiversity', 'wikivoyage'):\n" +
		"    usernames[_f]['*'] = 'ExampleBot'\n"
	exampleDomains = "for _d in ('wikipedia', 'wikimedia', 'wikidata', 'wiktionary',\n" +
		"           'wikibooks', 'wikinews', 'wikiquote', 'wikisource',\n" +
		"           'wikiversity', 'wikivoyage', 'mediawiki'):\n" +
		"    authenticate['*.' + _d + '.org'] = _tokens\n"
)
