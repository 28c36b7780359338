"""Execute user-config.py files the way Pywikibot does, at the least cost.

Each file runs with exec() in a fresh copy of a namespace pre-filled with
Pywikibot's config defaults (read from pywikibot-config-vars.json), with
usernames as a defaultdict, as Pywikibot's config module sets it up. Nothing
is checked afterwards: this is the floor for "evaluate the Python".

usage: python3 -S pyexec.py VARS_JSON FILE... | @LIST_FILE
"""
import collections
import importlib
import json
import sys
import time

EMPTY = {'int': 0, 'float': 0.0, 'str': '', 'bool': False, 'list': list,
         'dict': dict, 'tuple': (), 'set': set, 'NoneType': None}


def defaults(path):
    with open(path, encoding='utf-8') as f:
        facts = json.load(f)
    ns = {'__name__': 'pywikibot.config', '__builtins__': __builtins__}
    for var in facts['variables']:
        if 'default' in var:
            ns[var['name']] = var['default']
        else:
            empty = EMPTY.get(var['type'])
            ns[var['name']] = empty() if callable(empty) else empty
    for name in facts['functions']:
        ns[name] = lambda *args, **kwargs: None
    for name in facts['imports_not_warned']:
        try:
            ns[name] = importlib.import_module(name)
        except ImportError:
            pass
    return ns


def run(paths, base):
    failed = 0
    for path in paths:
        ns = dict(base)
        ns['usernames'] = collections.defaultdict(dict)
        ns['authenticate'] = {}
        with open(path, 'rb') as f:
            src = f.read()
        try:
            exec(compile(src, path, 'exec'), ns)
        except Exception:
            failed += 1
    return failed


def main():
    base = defaults(sys.argv[1])
    paths = sys.argv[2:]
    if len(paths) == 1 and paths[0].startswith('@'):
        with open(paths[0][1:], encoding='utf-8') as f:
            paths = f.read().split('\n')[:-1]
    start = time.perf_counter()
    failed = run(paths, base)
    print(len(paths), failed, time.perf_counter() - start)


main()
