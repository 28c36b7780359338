family = 'wikinews'
mylang = 'en'  # want: PWB205
