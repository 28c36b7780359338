family = 'wikipedja'  # want: PWB110
mylang = 'en'
