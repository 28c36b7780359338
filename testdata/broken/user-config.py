# Bot account set-up, carried over from an older Pywikibot.
family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['en'] = 'ExampleBot'
put_throtle = 1
maxlag = '5'
sysopnames['wikipedia']['en'] = 'ExampleAdmin'
