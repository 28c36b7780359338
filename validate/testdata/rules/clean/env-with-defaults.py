# Tokens from the environment, with defaults that only matter when unset.
from os import environ
family = 'wikipedia'
mylang = 'en'
for fam in ['wikipedia', 'wiktionary', 'wikiquote']:
    usernames[fam]['*'] = environ.get('BOT_USERNAME', 'ExampleBot')
tokens = (environ.get('PWB_CONSUMER_TOKEN', ''), environ.get('PWB_CONSUMER_SECRET', ''),
          environ.get('PWB_ACCESS_TOKEN', ''), environ.get('PWB_ACCESS_SECRET', ''))
for domain in ['wikipedia', 'wiktionary', 'wikiquote']:
    authenticate[f'*.{domain}.org'] = tokens
del fam, domain, tokens
max_retries = 5
retry_wait = 10
user_agent_description = 'ExampleBot/1.0 (https://example.org/bot; bot@example.org)'
