# A family kept in a folder of family files, next to Wikimedia projects
# with a different bot name per family.
family = 'intranet'
mylang = 'en'
register_families_folder('families')
usernames['intranet']['en'] = 'ExampleBot'
usernames['wikipedia']['en'] = 'ExampleBot'
usernames['wiktionary']['en'] = 'ExampleWiktionaryBot'
usernames['commons']['commons'] = 'ExampleCommonsBot'
password_file = 'user-password.py'
