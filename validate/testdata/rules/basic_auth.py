family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['*'] = 'ExampleBot'
authenticate['*.wikipedia.org'] = ('ExampleBot', 'correct horse battery staple')  # want: PWB310
authenticate['wiki.example.org'] = ('ExampleBot', 'tr0ub4dor')  # want: PWB311
authenticate['*.org'] = ('ExampleBot', 'tr0ub4dor')  # want: PWB322
