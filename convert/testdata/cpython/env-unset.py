# Reads whose variables the runs leave unset, or set, in every form
# CPython accepts: each keeps what it gives where its variable is unset.
import os
family = 'wikipedia'
mylang = os.getenv(key='PWBCONF_TEST_UNSET_LANG', default='en')
usernames['wikipedia']['en'] = os.environ.setdefault('PWBCONF_TEST_BOT_NAME', 'ExampleBot')
usernames['wikipedia']['de'] = os.getenv('PWBCONF_TEST_UNSET_BOT_DE')
usernames['wikipedia']['fr'] = os.environ.get('PWBCONF_TEST_UNSET_BOT_FR', default='FrBot')
usernames['wikipedia']['it'] = os.environ.get('PWBCONF_TEST_UNSET_BOT_IT', None)
usernames['wikidata']['*'] = os.environ.get(key='PWBCONF_TEST_CK')
console_encoding = os.environ.pop('PWBCONF_TEST_UNSET_ENC', 'utf-8')
