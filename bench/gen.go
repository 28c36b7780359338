package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// families are the Wikimedia families of the OAuth manual, and the domains
// their hosts live under.
var (
	families = []string{"wikipedia", "meta", "commons", "wikidata", "wiktionary", "wikibooks",
		"wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage"}
	domains = []string{"wikipedia", "wikimedia", "wikidata", "wiktionary", "wikibooks",
		"wikinews", "wikiquote", "wikisource", "wikiversity", "wikivoyage", "mediawiki"}
	langs = []string{"en", "de", "fr", "nl", "sv", "simple", "es", "it", "ja", "pl"}
)

// generator writes configs in the shapes people write them: the manual's
// loop and its literal layout, environment reads, annotated settings, typos
// and wrong types, wildcards, swapped and overwritten tokens. The shapes and
// their mix follow the shared cases, so the benchmark lints what the tool
// meets, not a single file repeated.
type generator struct {
	rnd *rand.Rand
	b   strings.Builder
}

func newGenerator(seed uint64) *generator {
	return &generator{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// shapes are weighted by how often each is met: the plain layouts most.
var shapes = []struct {
	weight int
	write  func(g *generator)
}{
	{6, (*generator).manualLoop},
	{5, (*generator).literalLayout},
	{3, (*generator).fromEnvironment},
	{2, (*generator).annotated},
	{2, (*generator).typosAndTypes},
	{2, (*generator).wildcards},
	{2, (*generator).tokenMistakes},
	{1, (*generator).hostKeys},
	{1, (*generator).large},
}

// config returns the text of one config.
func (g *generator) config() string {
	g.b.Reset()
	total := 0
	for _, s := range shapes {
		total += s.weight
	}
	n := g.rnd.IntN(total)
	for _, s := range shapes {
		if n -= s.weight; n < 0 {
			s.write(g)
			break
		}
	}
	return g.b.String()
}

func (g *generator) line(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

func (g *generator) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *generator) hex(n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[g.rnd.IntN(16)]
	}
	return string(b)
}

func (g *generator) bot() string { return fmt.Sprintf("ExampleBot%d", g.rnd.IntN(1000)) }

// tokens is an OAuth 1.0a tuple in the shapes Wikimedia hands out.
func (g *generator) tokens() string {
	return fmt.Sprintf("('%s', '%s', '%s', '%s')", g.hex(32), g.hex(40), g.hex(32), g.hex(40))
}

func (g *generator) header() {
	lang := g.pick(langs)
	g.line("# OAuth set-up for %s", g.bot())
	g.line("family = 'wikipedia'")
	g.line("mylang = '%s'", lang)
}

func (g *generator) manualLoop() {
	g.header()
	g.line("")
	g.line("for fam in (%s):", quoted(families))
	g.line("    usernames[fam]['*'] = '%s'", g.bot())
	g.line("")
	g.line("tokens = %s", g.tokens())
	g.line("for domain in (%s):", quoted(domains))
	g.line("    authenticate['*.%%s.org' %% domain] = tokens")
	g.line("del fam, domain, tokens")
}

func (g *generator) literalLayout() {
	g.header()
	bot := g.bot()
	for _, f := range families[:4+g.rnd.IntN(len(families)-4)] {
		g.line("usernames['%s']['*'] = '%s'", f, bot)
	}
	g.line("")
	for _, d := range domains[:3+g.rnd.IntN(len(domains)-3)] {
		g.line("authenticate['*.%s.org'] = %s", d, g.tokens())
	}
	if g.rnd.IntN(3) == 0 {
		g.line("put_throttle = %d", 1+g.rnd.IntN(10))
		g.line("maxlag = %d", 5+g.rnd.IntN(10))
	}
}

func (g *generator) fromEnvironment() {
	g.line("import os")
	g.header()
	g.line("usernames['*']['*'] = os.environ.get('BOT_USERNAME', '%s')", g.bot())
	g.line("_oauth = (")
	g.line("    os.environ.get('PWB_CONSUMER_TOKEN', '%s'),", g.hex(32))
	g.line("    os.environ.get('PWB_CONSUMER_SECRET', '%s'),", g.hex(40))
	g.line("    os.getenv('PWB_ACCESS_TOKEN'),")
	g.line("    os.environ.get('PWB_ACCESS_SECRET'),")
	g.line(")")
	g.line("for _domain in ('wikipedia', 'wikimedia', 'wikidata'):")
	g.line("    authenticate[f'*.{_domain}.org'] = _oauth")
}

func (g *generator) annotated() {
	g.line("# Generated-style file: settings copied with their type annotations.")
	g.line("from __future__ import annotations")
	g.line("from typing import Union")
	g.line("")
	g.header()
	g.line("usernames['wikipedia'][mylang] = '%s'", g.bot())
	g.line("editor: Union[bool, str, None] = None")
	g.line("editor_encoding = 'utf-8'")
	g.line("user_agent_description: str | None = '{} ; contact via {}'.format('%s', 'User talk:X')",
		g.bot())
	g.line("put_throttle: int | float = %d.5", g.rnd.IntN(5))
	g.line("logfilename: str | None = f'{family}-{mylang}.log'")
}

func (g *generator) typosAndTypes() {
	g.line("import os")
	g.header()
	g.line("usernames['wikipedia']['en'] = '%s'", g.bot())
	g.line("put_throtle = %d", g.rnd.IntN(10))
	g.line("user_script_path = ['scripts']")
	g.line("maxlagg = 10")
	g.line("home = os.path.expanduser('~')")
	g.line("put_throttle = '10'")
	g.line("maxlag = 5.5")
	g.line("minthrottle = 1")
	g.line("noisysleep = None")
}

func (g *generator) wildcards() {
	g.header()
	g.line("usernames['wikipedia']['*'] = '%s'", g.bot())
	g.line("usernames['*']['en'] = 'ExampleAdmin'")
	g.line("usernames['*']['*'] = 'ExampleFallback'")
	g.line("usernames['wikidata']['test'] = 'ExampleTester'")
	g.line("authenticate['*.wikipedia.org'] = %s", g.tokens())
}

func (g *generator) tokenMistakes() {
	g.line("family = 'commons'")
	g.line("mylang = 'commons'")
	g.line("usernames['commons']['commons'] = '%s'", g.bot())
	g.line("# consumer secret and access token swapped")
	g.line("authenticate['commons.wikimedia.org'] = ('%s', '%s', '%s', '%s')",
		g.hex(32), g.hex(32), g.hex(40), g.hex(40))
	g.line("authenticate['*.wikidata.org'] = (' %s', '%s', '%s\\n', '%s')",
		g.hex(32), g.hex(40), g.hex(32), g.hex(40))
	g.line("usernames['wikidata']['wikidata'] = '%s'", g.bot())
	g.line("authenticate['*.wikidata.org'] = %s", g.tokens())
}

func (g *generator) hostKeys() {
	g.header()
	g.line("usernames['wikipedia']['*'] = '%s'", g.bot())
	for _, key := range []string{"https://en.wikipedia.org", "*wikipedia.org", "*.Wikipedia.org",
		"en.wikipedia.org/", "wikipedia.org", "*.wikipedia.org:443", "en.*.org"} {
		g.line("authenticate['%s'] = %s", key, g.tokens())
	}
}

// large is a long file in the shape of Pywikibot's generated template: a
// comment block before each of a few hundred lines of settings.
func (g *generator) large() {
	g.line("# -*- coding: utf-8 -*-")
	g.header()
	bot := g.bot()
	for i := range 60 {
		g.line("# ---- section %d ----", i)
		g.line("# This setting controls part %d of the bot's work.", i)
		g.line("usernames['wikipedia']['%s%d'] = '%s'", g.pick(langs), i, bot)
		g.line("authenticate['l%d.wikipedia.org'] = %s", i, g.tokens())
		g.line("_custom_%d = '{}-{}'.format('x', %d)", i, i)
	}
	g.line("for fam in ('wikidata', 'commons', 'meta'):")
	g.line("    usernames[fam]['*'] = '%s'", bot)
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "'" + s + "'"
	}
	return strings.Join(q, ", ")
}
