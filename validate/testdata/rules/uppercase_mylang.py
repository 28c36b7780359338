family = 'wikipedia'
mylang = 'EN'  # want: PWB204
usernames['wikipedia']['EN'] = 'ExampleBot'
usernames['wikipedia']['de'] = 'ExampleBot'
