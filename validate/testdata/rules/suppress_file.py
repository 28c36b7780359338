# pwbconf: ignore-file[PWB101, PWB109] settings of our wrapper, the site from its command line
family = 'wikipedia'
wrapper_setting = 1
wrapper_other = 2
# pwbconf: ignore-file[PWB102] nothing of it here  # want: PWB902
