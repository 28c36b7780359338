package hostile

import (
	"testing"

	"github.com/pwbconf/pwbconf/sandbox"
)

// tamperers change what the interpreter's built-in types, modules or
// names do. CPython refuses most of these (built-in types are immutable);
// whatever the evaluator makes of them, the next file in the same worker
// must come out as if it ran alone.
var tamperers = []struct{ name, src string }{
	{"str.upper", "str.upper = lambda s: 'changed'\n"},
	{"str.format", "str.format = lambda *a, **k: 'changed'\n"},
	{"str.lower by setattr", "setattr(str, 'lower', lambda s: 'changed')\n"},
	{"str.title by object.__setattr__", "object.__setattr__(str, 'title', lambda s: 'x')\n"},
	{"str.__mod__", "str.__mod__ = lambda a, b: 'changed'\n"},
	{"dict.get", "dict.get = lambda *a: 'changed'\n"},
	{"dict.__setitem__", "dict.__setitem__ = lambda *a: None\n"},
	{"tuple.__len__", "tuple.__len__ = lambda s: 3\n"},
	{"int.__add__", "int.__add__ = lambda a, b: 0\n"},
	{"list.__getitem__", "list.__getitem__ = lambda *a: 0\n"},
	{"set.__or__", "set.__or__ = lambda *a: set()\n"},
	{"type.__call__", "type.__call__ = lambda *a: None\n"},
	{"os.path.join", "import os\nos.path.join = lambda *a: 'changed'\n"},
	{"os.environ", "import os\nos.environ['BOT_USERNAME'] = 'Changed'\n"},
	{"os.getenv", "import os\nos.environ.get = lambda *a: 'changed'\n"},
	{"module attribute deleted", "import os\ndel os.path\n"},
	{"typing", "import typing\ntyping.Union = None\n"},
	{"usernames class", "usernames.__class__.__missing__ = lambda s, k: None\n"},
	{"builtins module", "import builtins\nbuiltins.len = lambda s: 0\nbuiltins.str = int\n"},
	{"__builtins__ item", "__builtins__['len'] = lambda s: 0\n"},
	{"sys.setrecursionlimit", "import sys\nsys.setrecursionlimit(20)\n"},
}

// TestTamperingDoesNotLeak checks the good file after each tamperer in the
// same worker, with lint's default of a worker kept for every file.
func TestTamperingDoesNotLeak(t *testing.T) {
	for _, tc := range tamperers {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t)
			before := w.snapshot(t)
			p := sandbox.NewPool(1, limits)
			defer p.Close()
			got := check(p, "tamper.py", []byte(tc.src))
			t.Logf("the tampering file gave:\n%s", dump(got.findings))
			checkGood(t, p)
			w.unchanged(t, before)
		})
	}
}

// TestTamperingOneWorkerPerFile checks that a worker per file, the
// sandbox's way out for files that change process-wide state, isolates
// every tamperer.
func TestTamperingOneWorkerPerFile(t *testing.T) {
	l := limits
	l.FilesPerWorker = 1
	p := sandbox.NewPool(1, l)
	defer p.Close()
	for _, tc := range tamperers {
		check(p, "tamper.py", []byte(tc.src))
		checkGood(t, p)
	}
}
