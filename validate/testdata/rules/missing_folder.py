family = 'intranet'
mylang = 'en'
register_families_folder('no-such-families')  # want: PWB207
usernames['intranet']['en'] = 'ExampleBot'
