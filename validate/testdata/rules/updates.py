family = 'wikipedia'
mylang = 'en'
user_script_paths = ['scripts']
user_script_paths = user_script_paths + ['more']
user_script_paths += ['other']
put_throttle = 1
put_throttle = 2  # want: PWB111
max_retries = 1
max_retries = 2  # max_retries was 1  # want: PWB111
maxlag = 1
maxlag = 2; x = maxlag  # want: PWB111, PWB101
user_families_paths = []
user_families_paths = []  # want: PWB111
user_families_paths += []
