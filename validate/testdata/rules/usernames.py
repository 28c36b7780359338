family = 'wikipedia'
mylang = 'en'
usernames['wikiboks']['*'] = 'ExampleBot'  # want: PWB201
usernames['wikimedia']['*'] = 'ExampleBot'  # want: PWB201
usernames['wikidata']['en'] = 'ExampleBot'  # want: PWB202
usernames['mediawiki']['en'] = 'ExampleBot'  # want: PWB202
usernames['mediawiki']['mediawiki'] = 'ExampleBot'
usernames['wikipedia']['nb'] = 'ExampleBot'  # want: PWB203
usernames['wikipedia']['EN'] = 'ExampleBot'  # want: PWB204
usernames['wikipedia']['aa'] = 'ExampleBot'  # want: PWB205
usernames['wikipedia']['tlh'] = 'ExampleBot'  # want: PWB206
usernames['wiktionary']['fr'] = 'ExampleBot',  # want: PWB208
usernames['wiktionary']['de'] = ''  # want: PWB209
usernames['wiktionary']['it'] = ' _ '  # want: PWB209
usernames['wiktionary']['*'] = 'ExampleUser'  # want: PWB210
usernames['wikipedia']['en'] = 'ExampleBot'
register_families_folder('no-such-families')  # want: PWB207
