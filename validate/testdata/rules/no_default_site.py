# want-file: PWB109
usernames['wikipedia']['en'] = 'ExampleBot'
