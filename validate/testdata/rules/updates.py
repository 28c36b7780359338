family = 'wikipedia'
mylang = 'en'
user_script_paths = ['scripts']
user_script_paths = user_script_paths + ['more']
user_script_paths += ['other']
put_throttle = 1
put_throttle = 2  # want: PWB111
