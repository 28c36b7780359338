family = 'wikipedia'
mylang = 'en'
usernames['*']['*'] = 'ExampleBot'
authenticate['*'] = ('a4c123b1612dd272d1371c17149d4395', '36b3216fdaeeb975729fae923d5a4fd12aabfe22', '8f219e9cb0eb53f16947ccf25ec84d8d', 'bc74254770f58904dba41ecccc3fc1626e53a130')  # want: PWB322
