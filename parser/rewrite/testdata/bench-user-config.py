# -*- coding: utf-8 -*-
# This is an automatically generated file. You can find more
# configuration parameters in the config.py file.
from __future__ import annotations

import os
from typing import Union

family = 'wikipedia'
mylang = 'en'
usernames['wikipedia']['en'] = 'ExampleBot'
usernames['wikidata']['wikidata'] = 'ExampleBot'
usernames['commons']['commons'] = 'ExampleBot'

_tokens = (os.environ.get('CK', 'a4c123b1612dd272d1371c17149d4395'),
           os.environ.get('CS', '36b3216fdaeeb975729fae923d5a4fd12aabfe22'),
           os.environ.get('AK', '8f219e9cb0eb53f16947ccf25ec84d8d'),
           os.environ.get('AS', 'bc74254770f58904dba41ecccc3fc1626e53a130'))
for _fam in ('wikipedia', 'wikimedia', 'wikidata', 'wiktionary',
             'wikibooks', 'wikinews', 'wikiquote', 'wikisource'):
    authenticate[f'*.{_fam}.org'] = _tokens
    usernames[_fam]['*'] = 'ExampleBot'


# ############# SETTING 0 ##############
# Explains what put_throttle does; the default is in config.py.
put_throttle: int | float = 0_000

# ############# SETTING 1 ##############
# Explains what maxlag does; the default is in config.py.
maxlag: str | None = f'{family}-{mylang}-{1:>4}.log'

# ############# SETTING 2 ##############
# Explains what minthrottle does; the default is in config.py.
minthrottle = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; minthrottle_x = 2

# ############# SETTING 3 ##############
# Explains what maxthrottle does; the default is in config.py.
if os.environ.get('PWB_3'):
    maxthrottle = os.environ['PWB_3']

# ############# SETTING 4 ##############
# Explains what socket_timeout does; the default is in config.py.
socket_timeout: Union[bool, str, None] = None  # editor

# ############# SETTING 5 ##############
# Explains what retry_wait does; the default is in config.py.
retry_wait = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 6 ##############
# Explains what max_retries does; the default is in config.py.
max_retries = 'contact {}'.format('User talk:Example')

# ############# SETTING 7 ##############
# Explains what noisysleep does; the default is in config.py.
noisysleep: int | float = 7_000

# ############# SETTING 8 ##############
# Explains what editor does; the default is in config.py.
editor: str | None = f'{family}-{mylang}-{8:>4}.log'

# ############# SETTING 9 ##############
# Explains what editor_encoding does; the default is in config.py.
editor_encoding = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; editor_encoding_x = 9

# ############# SETTING 10 ##############
# Explains what console_encoding does; the default is in config.py.
if os.environ.get('PWB_10'):
    console_encoding = os.environ['PWB_10']

# ############# SETTING 11 ##############
# Explains what textfile_encoding does; the default is in config.py.
textfile_encoding: Union[bool, str, None] = None  # editor

# ############# SETTING 12 ##############
# Explains what log does; the default is in config.py.
log = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 13 ##############
# Explains what logfilename does; the default is in config.py.
logfilename = 'contact {}'.format('User talk:Example')

# ############# SETTING 14 ##############
# Explains what user_agent_description does; the default is in config.py.
user_agent_description: int | float = 14_000

# ############# SETTING 15 ##############
# Explains what password_file does; the default is in config.py.
password_file: str | None = f'{family}-{mylang}-{15:>4}.log'

# ############# SETTING 16 ##############
# Explains what step does; the default is in config.py.
step = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; step_x = 16

# ############# SETTING 17 ##############
# Explains what special_page_limit does; the default is in config.py.
if os.environ.get('PWB_17'):
    special_page_limit = os.environ['PWB_17']

# ############# SETTING 18 ##############
# Explains what max_queue_size does; the default is in config.py.
max_queue_size: Union[bool, str, None] = None  # editor

# ############# SETTING 19 ##############
# Explains what cosmetic_changes does; the default is in config.py.
cosmetic_changes = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 20 ##############
# Explains what put_throttle_1 does; the default is in config.py.
put_throttle_1 = 'contact {}'.format('User talk:Example')

# ############# SETTING 21 ##############
# Explains what maxlag_1 does; the default is in config.py.
maxlag_1: int | float = 21_000

# ############# SETTING 22 ##############
# Explains what minthrottle_1 does; the default is in config.py.
minthrottle_1: str | None = f'{family}-{mylang}-{22:>4}.log'

# ############# SETTING 23 ##############
# Explains what maxthrottle_1 does; the default is in config.py.
maxthrottle_1 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; maxthrottle_1_x = 23

# ############# SETTING 24 ##############
# Explains what socket_timeout_1 does; the default is in config.py.
if os.environ.get('PWB_24'):
    socket_timeout_1 = os.environ['PWB_24']

# ############# SETTING 25 ##############
# Explains what retry_wait_1 does; the default is in config.py.
retry_wait_1: Union[bool, str, None] = None  # editor

# ############# SETTING 26 ##############
# Explains what max_retries_1 does; the default is in config.py.
max_retries_1 = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 27 ##############
# Explains what noisysleep_1 does; the default is in config.py.
noisysleep_1 = 'contact {}'.format('User talk:Example')

# ############# SETTING 28 ##############
# Explains what editor_1 does; the default is in config.py.
editor_1: int | float = 28_000

# ############# SETTING 29 ##############
# Explains what editor_encoding_1 does; the default is in config.py.
editor_encoding_1: str | None = f'{family}-{mylang}-{29:>4}.log'

# ############# SETTING 30 ##############
# Explains what console_encoding_1 does; the default is in config.py.
console_encoding_1 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; console_encoding_1_x = 30

# ############# SETTING 31 ##############
# Explains what textfile_encoding_1 does; the default is in config.py.
if os.environ.get('PWB_31'):
    textfile_encoding_1 = os.environ['PWB_31']

# ############# SETTING 32 ##############
# Explains what log_1 does; the default is in config.py.
log_1: Union[bool, str, None] = None  # editor

# ############# SETTING 33 ##############
# Explains what logfilename_1 does; the default is in config.py.
logfilename_1 = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 34 ##############
# Explains what user_agent_description_1 does; the default is in config.py.
user_agent_description_1 = 'contact {}'.format('User talk:Example')

# ############# SETTING 35 ##############
# Explains what password_file_1 does; the default is in config.py.
password_file_1: int | float = 35_000

# ############# SETTING 36 ##############
# Explains what step_1 does; the default is in config.py.
step_1: str | None = f'{family}-{mylang}-{36:>4}.log'

# ############# SETTING 37 ##############
# Explains what special_page_limit_1 does; the default is in config.py.
special_page_limit_1 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; special_page_limit_1_x = 37

# ############# SETTING 38 ##############
# Explains what max_queue_size_1 does; the default is in config.py.
if os.environ.get('PWB_38'):
    max_queue_size_1 = os.environ['PWB_38']

# ############# SETTING 39 ##############
# Explains what cosmetic_changes_1 does; the default is in config.py.
cosmetic_changes_1: Union[bool, str, None] = None  # editor

# ############# SETTING 40 ##############
# Explains what put_throttle_2 does; the default is in config.py.
put_throttle_2 = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 41 ##############
# Explains what maxlag_2 does; the default is in config.py.
maxlag_2 = 'contact {}'.format('User talk:Example')

# ############# SETTING 42 ##############
# Explains what minthrottle_2 does; the default is in config.py.
minthrottle_2: int | float = 42_000

# ############# SETTING 43 ##############
# Explains what maxthrottle_2 does; the default is in config.py.
maxthrottle_2: str | None = f'{family}-{mylang}-{43:>4}.log'

# ############# SETTING 44 ##############
# Explains what socket_timeout_2 does; the default is in config.py.
socket_timeout_2 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; socket_timeout_2_x = 44

# ############# SETTING 45 ##############
# Explains what retry_wait_2 does; the default is in config.py.
if os.environ.get('PWB_45'):
    retry_wait_2 = os.environ['PWB_45']

# ############# SETTING 46 ##############
# Explains what max_retries_2 does; the default is in config.py.
max_retries_2: Union[bool, str, None] = None  # editor

# ############# SETTING 47 ##############
# Explains what noisysleep_2 does; the default is in config.py.
noisysleep_2 = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 48 ##############
# Explains what editor_2 does; the default is in config.py.
editor_2 = 'contact {}'.format('User talk:Example')

# ############# SETTING 49 ##############
# Explains what editor_encoding_2 does; the default is in config.py.
editor_encoding_2: int | float = 49_000

# ############# SETTING 50 ##############
# Explains what console_encoding_2 does; the default is in config.py.
console_encoding_2: str | None = f'{family}-{mylang}-{50:>4}.log'

# ############# SETTING 51 ##############
# Explains what textfile_encoding_2 does; the default is in config.py.
textfile_encoding_2 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; textfile_encoding_2_x = 51

# ############# SETTING 52 ##############
# Explains what log_2 does; the default is in config.py.
if os.environ.get('PWB_52'):
    log_2 = os.environ['PWB_52']

# ############# SETTING 53 ##############
# Explains what logfilename_2 does; the default is in config.py.
logfilename_2: Union[bool, str, None] = None  # editor

# ############# SETTING 54 ##############
# Explains what user_agent_description_2 does; the default is in config.py.
user_agent_description_2 = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 55 ##############
# Explains what password_file_2 does; the default is in config.py.
password_file_2 = 'contact {}'.format('User talk:Example')

# ############# SETTING 56 ##############
# Explains what step_2 does; the default is in config.py.
step_2: int | float = 56_000

# ############# SETTING 57 ##############
# Explains what special_page_limit_2 does; the default is in config.py.
special_page_limit_2: str | None = f'{family}-{mylang}-{57:>4}.log'

# ############# SETTING 58 ##############
# Explains what max_queue_size_2 does; the default is in config.py.
max_queue_size_2 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; max_queue_size_2_x = 58

# ############# SETTING 59 ##############
# Explains what cosmetic_changes_2 does; the default is in config.py.
if os.environ.get('PWB_59'):
    cosmetic_changes_2 = os.environ['PWB_59']

# ############# SETTING 60 ##############
# Explains what put_throttle_3 does; the default is in config.py.
put_throttle_3: Union[bool, str, None] = None  # editor

# ############# SETTING 61 ##############
# Explains what maxlag_3 does; the default is in config.py.
maxlag_3 = ('long', 'tuple',
    'over', 'lines')

# ############# SETTING 62 ##############
# Explains what minthrottle_3 does; the default is in config.py.
minthrottle_3 = 'contact {}'.format('User talk:Example')

# ############# SETTING 63 ##############
# Explains what maxthrottle_3 does; the default is in config.py.
maxthrottle_3: int | float = 63_000

# ############# SETTING 64 ##############
# Explains what socket_timeout_3 does; the default is in config.py.
socket_timeout_3: str | None = f'{family}-{mylang}-{64:>4}.log'

# ############# SETTING 65 ##############
# Explains what retry_wait_3 does; the default is in config.py.
retry_wait_3 = {'a': 1, 'b': [1, 2, 3], 'c': (4, 5)}; retry_wait_3_x = 65
