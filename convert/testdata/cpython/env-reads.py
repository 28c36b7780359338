import os
family = 'wikipedia'
mylang = 'en'
usernames['*']['*'] = os.environ['PWBCONF_TEST_BOT_NAME']
authenticate['*.wikipedia.org'] = (
    os.environ['PWBCONF_TEST_CK'], os.environ['PWBCONF_TEST_CS'],
    os.environ['PWBCONF_TEST_AT'], os.environ['PWBCONF_TEST_AS'],
)
