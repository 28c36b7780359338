# Pywikibot configuration, written by pwbconf from user-config.py.
# Pywikibot runs this file; os.environ[...] reads a value from the environment.
import os

family = 'wikipedia'
mylang = 'en'

usernames['wikipedia']['*'] = 'ExampleBot'
usernames['meta']['*'] = 'ExampleBot'
usernames['commons']['*'] = 'ExampleBot'
usernames['wikidata']['*'] = 'ExampleBot'
usernames['wiktionary']['*'] = 'ExampleBot'
usernames['wikibooks']['*'] = 'ExampleBot'
usernames['wikinews']['*'] = 'ExampleBot'
usernames['wikiquote']['*'] = 'ExampleBot'
usernames['wikisource']['*'] = 'ExampleBot'
usernames['wikiversity']['*'] = 'ExampleBot'
usernames['wikivoyage']['*'] = 'ExampleBot'

authenticate['*.wikipedia.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikimedia.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikidata.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wiktionary.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikibooks.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikinews.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikiquote.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikisource.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikiversity.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.wikivoyage.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['*.mediawiki.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
authenticate['wikisource.org'] = (
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_CONSUMER_SECRET'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_TOKEN'],
    os.environ['PWB_OAUTH_WIKIPEDIA_ORG_ACCESS_SECRET'],
)
