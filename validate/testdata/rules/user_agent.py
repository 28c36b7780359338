family = 'wiktionary'
mylang = 'fr'
user_agent_format = '{script} ({contact}) {pwb}'  # want: PWB106
