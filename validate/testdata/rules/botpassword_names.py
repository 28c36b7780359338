family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['en'] = 'ExampleBot'
usernames['wikipedia']['de'] = 'ExampleBot@archiver'  # want: PWB211
# Not the shape of a login name: other mistakes.
usernames['wikipedia']['fr'] = 'ExampleBot@'
usernames['wikipedia']['it'] = 'ExampleBot@a@b'
usernames['wikipedia']['nl'] = '@archiver'
