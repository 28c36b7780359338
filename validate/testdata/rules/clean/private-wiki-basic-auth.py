# A private wiki behind HTTP basic auth, with a family registered by URL.
family = 'corpwiki'
mylang = 'en'
family_files['corpwiki'] = 'https://wiki.corp.example.com/w/api.php'
usernames['corpwiki']['en'] = 'MaintenanceBot'
authenticate['wiki.corp.example.com'] = ('MaintenanceBot', 'not-a-real-password')  # pwbconf: ignore[PWB311] the wiki is reachable from the intranet only
password_file = 'user-password.py'
