family = 'wikipedia'
mylang = 'en'
put_throtle = 2  # pwbconf: ignore[PWB101] read by our wrapper script
maxlagg = 2  # pwbconf: ignore[unknown-variable]  # want: PWB901
put_throttle = 2  # pwbconf: ignore[PWB101] left over  # want: PWB902
maxthrotle = 2  # pwbconf: ignore[PWB1O1] typo in the code  # want: PWB101, PWB903
minthrotle = 1  # pwbconf: ignore PWB101  # want: PWB101, PWB903
text = '# pwbconf: ignore[PWB101]'  # want: PWB101
# pwbconf: ignore-next-line[PWB101] read by our wrapper script
throtle_next = 2
# pwbconf: ignore-next-line[PWB102] nothing to silence below  # want: PWB902
throtle_after = 2  # want: PWB101
