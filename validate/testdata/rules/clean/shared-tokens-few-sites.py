# One consumer for three wikis, copied from the first key.
family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['en'] = 'Example Bot'
usernames['wikipedia']['simple'] = 'Example Bot'
usernames['meta']['meta'] = 'Example Bot'
authenticate['en.wikipedia.org'] = (
    '0123456789abcdef0123456789abcdef',
    '0123456789abcdef0123456789abcdef01234567',
    'fedcba9876543210fedcba9876543210',
    'fedcba9876543210fedcba9876543210fedcba98',
)
authenticate['simple.wikipedia.org'] = authenticate['en.wikipedia.org']
authenticate['meta.wikimedia.org'] = authenticate['en.wikipedia.org']
noisysleep = 60.0
