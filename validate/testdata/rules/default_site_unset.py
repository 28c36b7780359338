family = 'wikipedia'  # want: PWB109
usernames['wikipedia']['en'] = 'ExampleBot'
