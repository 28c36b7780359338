import os
family = 'wikipedia'
mylang = os.environ.get('PWBCONF_TEST_UNSET_LANG', 'en')
usernames['wikipedia']['*'] = os.getenv('PWBCONF_TEST_BOT_NAME', 'ExampleBot')
usernames['wikidata']['*'] = os.environ.get('PWBCONF_TEST_UNSET_BOT', 'Bot "quoted" \'too\' }')
user_agent_description = os.environ.get('PWBCONF_TEST_UNSET_UA', '${HOME} $$ \\ ünï\n\ttab 🐍')
extra_headers = {'X-Note': os.environ.get('PWBCONF_TEST_UNSET_NOTE', '$${X}')}
authenticate['*.wikipedia.org'] = (
    os.environ.get('PWBCONF_TEST_CK', 'ck-default'), os.environ.get('PWBCONF_TEST_UNSET_CS', 'cs-default'),
    os.environ.get('PWBCONF_TEST_UNSET_AT', ''), os.environ['PWBCONF_TEST_AS'],
)
