# Every kind of secret a user-config.py holds, for the test that no output
# prints one unless asked.
family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['en'] = 'ExampleBot'
_tokens = ('0b9e5c6dd4a1f2e3b8c7a6f5e4d3c2b1',
           'c0ffee00deadbeef1234567890abcdef12345678',
           'fa11ba11cafe0123456789abcdef0123',
           'f00dfeed0123456789abcdef0123456789abcdef\n')
authenticate['*.wikipedia.org'] = _tokens
authenticate['wiki.example.org'] = ('ExampleBot', "hunter2-\"quoted\"-pass")
authenticate['*.wikidata.org'] = (_tokens[2], _tokens[1], _tokens[0], _tokens[3])
db_password = 'tool-db-pass-7731'
# Copies that draw findings, so that the lines shown under them hold secrets.
api_key = 'c0ffee00deadbeef1234567890abcdef12345678'
maxlag = 'f00dfeed0123456789abcdef0123456789abcdef\n'
socket_timeout = "hunter2-\"quoted\"-pass"
