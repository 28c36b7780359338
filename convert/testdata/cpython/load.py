# Runs each user-config.py given on the command line the way Pywikibot
# does, with exec in a namespace whose usernames is a defaultdict, and
# prints what it set as one JSON line per file, or the exception that
# stopped it. Every value is tagged with its type, so that a tuple never
# passes for a list nor an int for a float; dict order does not count, as
# for Python's ==. Each file starts from the same environment: what one
# sets with os.environ.setdefault is not there for the next.
import collections
import json
import os
import sys


def canon(v):
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return {type(v).__name__: repr(v)}
    if isinstance(v, str):
        return {'str': v}
    if isinstance(v, (tuple, list)):
        return {type(v).__name__: [canon(x) for x in v]}
    if isinstance(v, dict):
        return {'dict': sorted([k, canon(x)] for k, x in v.items())}
    return {'other': type(v).__name__}


environ = dict(os.environ)
for path in sys.argv[1:]:
    os.environ.clear()
    os.environ.update(environ)
    ns = {'usernames': collections.defaultdict(dict), 'authenticate': {}}
    with open(path, encoding='utf-8') as f:
        try:
            exec(compile(f.read(), path, 'exec'), ns)
        except Exception as e:
            print(json.dumps({'exception': type(e).__name__}))
            continue
    out = {}
    for name, value in ns.items():
        if name.startswith('_') or type(value).__name__ == 'module':
            continue
        if name == 'usernames':
            value = {k: v for k, v in value.items() if v}
        out[name] = canon(value)
    print(json.dumps(out, sort_keys=True))
