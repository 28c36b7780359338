# BotPassword logins from a password file, no OAuth.
family = 'wikipedia'
mylang = 'de'
usernames['wikipedia']['de'] = 'ExampleBot'
usernames['wikipedia']['en'] = 'ExampleBot'
usernames['commons']['commons'] = 'ExampleBot'
usernames['wikidata']['wikidata'] = 'ExampleBot'
password_file = 'user-password.py'
put_throttle = 1
maxlag = 5
console_encoding = 'utf-8'
