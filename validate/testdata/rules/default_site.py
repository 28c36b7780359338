family = 'wiktionary'
mylang = 'xx'  # want: PWB110
