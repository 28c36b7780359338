package validate

import "github.com/pwbconf/pwbconf/diag"

// The rules below have no check: the evaluator reports their findings
// while it runs the file. They are declared here so that they are
// listed, explained, selected and re-graded like the rest.

var syntaxError = &Rule{
	Code:           diag.CodeSyntaxError,
	Name:           "syntax-error",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "the file is not valid Python",
	Doc: "Pywikibot compiles user-config.py before it runs it, so a syntax " +
		"error stops every script before it starts, and nothing in the file " +
		"takes effect. The finding points at the place Python's parser gave " +
		"up; the mistake is often just before it, such as an unclosed quote " +
		"or bracket.",
	Bad:  "family = 'wikipedia\n",
	Good: "family = 'wikipedia'\n",
}

var unsupportedSyntax = &Rule{
	Code:           diag.CodeUnsupportedSyntax,
	Name:           "unsupported-syntax",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "the file uses Python syntax pwbconf cannot run",
	Doc: "pwbconf runs user-config.py in an embedded interpreter of the " +
		"Python 3.4 language, which it extends to newer syntax (f-strings, " +
		"annotations, underscores in numbers and more). A few newer " +
		"constructs remain out of its reach: the assignment expression :=, " +
		"unpacking with * or ** inside a list, tuple, set or dict display, " +
		"more than one unpacking in a call or an argument after one, the @ " +
		"operator, async def, positional-only lambda parameters, " +
		"parenthesized context managers, the match " +
		"statement, except*, the type statement and type parameters. " +
		"pwbconf cannot check such a file, and reports an error so that an " +
		"unchecked file does not pass; whether Pywikibot loads it depends on " +
		"its Python, and on the rest of the line being right, which pwbconf " +
		"cannot tell either. Write the line with older syntax, for example " +
		"dict(a, **b) or a | b instead of {**a, **b}.",
	Bad:  "_extra = {'en': 'ExampleBot'}\nusernames['wikipedia'] = {**_extra}\n",
	Good: "_extra = {'en': 'ExampleBot'}\nusernames['wikipedia'] = dict(_extra)\n",
}

var exception = &Rule{
	Code:           diag.CodeException,
	Name:           "exception",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "running the file raises an exception",
	Doc: "Pywikibot runs user-config.py as Python. When a statement raises an " +
		"exception, Pywikibot fails to import its config and no script runs. " +
		"The finding names the exception and the statement; what the file " +
		"sets after that statement is not checked, because it never runs.",
	Bad:  "mylang = 'en'\nput_throttle = mylang + 1\n",
	Good: "mylang = 'en'\nput_throttle = 1\n",
}

var removedName = &Rule{
	Code:           diag.CodeRemovedName,
	Name:           "removed-name-read",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "the file reads a variable Pywikibot has removed",
	Doc: "Subscripting a variable that Pywikibot no longer defines, such as " +
		"sysopnames['wikipedia']['en'] = 'ExampleAdmin', first reads the name, " +
		"and Python raises NameError. Pywikibot then fails to load the file " +
		"and stops. Delete the line; for sysopnames, log in with the bot " +
		"account in usernames instead.",
	Bad:  "sysopnames['wikipedia']['en'] = 'ExampleAdmin'\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
}

var refused = &Rule{
	Code:           diag.CodeRefused,
	Name:           "refused",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "the sandbox refused an operation",
	Doc: "pwbconf evaluates files in a sandbox that may not read or write " +
		"files, run commands or open connections. When the file tries, " +
		"evaluation stops at that statement and the rest is not checked. " +
		"Pywikibot itself may run the line fine; the finding is an error " +
		"all the same, because the check did not finish. Setting os.environ " +
		"and os.getcwd() are allowed. A file that names one of the evaluator's " +
		"own hooks, any name starting with __pwbconf_, is refused before it " +
		"runs. Keep user-config.py to plain settings; " +
		"read secrets from environment variables, which pwbconf can follow.",
	Bad:  "usernames['wikipedia']['en'] = open('/etc/hostname').read().strip()\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
}

var timeLimit = &Rule{
	Code:           diag.CodeTimeLimit,
	Name:           "time-limit",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "evaluation ran out of time",
	Doc: "Evaluation of one file is bounded in time, and a file that runs " +
		"longer is stopped at the statement it was running, usually a loop " +
		"that never ends. Pywikibot would hang on the same file. Make the " +
		"loop end, or replace it with plain settings.",
	Bad:  "while True:\n    pass\n",
	Good: "for fam in ('wikipedia', 'commons'):\n    usernames[fam]['*'] = 'ExampleBot'\n",
}

var memoryLimit = &Rule{
	Code:           diag.CodeMemoryLimit,
	Name:           "memory-limit",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "evaluation ran out of memory",
	Doc: "Evaluation of one file is bounded in memory, and a file that builds " +
		"values too large for it is stopped. A user-config.py never needs " +
		"more than a few kilobytes of data; a multiplied string or list is " +
		"the usual cause.",
	Bad:               "blob = 'x' * (1 << 34)\n",
	Good:              "_blob = 'x' * 10\n",
	exampleUntestable: "the worker process enforces the limit, not the evaluator",
}

var recursionLimit = &Rule{
	Code:           diag.CodeRecursionLimit,
	Name:           "recursion-limit",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "calls nested too deep",
	Doc: "A function that calls itself without end is stopped when the calls " +
		"nest too deep, at the line of the call. Python raises RecursionError " +
		"in the same place and Pywikibot fails to load the file.",
	Bad:  "def _f(n):\n    return _f(n + 1)\nput_throttle = _f(0)\n",
	Good: "put_throttle = 1\n",
}

var internalError = &Rule{
	Code:           diag.CodeInternal,
	Name:           "internal-error",
	Severity:       diag.Error,
	stopsPywikibot: true,
	Summary:        "pwbconf failed on this file",
	Doc: "The evaluator met something it could not handle and gave up on this " +
		"file alone; other files are still checked. This is a fault in " +
		"pwbconf, not necessarily in the file. The finding carries a short " +
		"trace that points into the file; please report it with the file, " +
		"its secrets removed. The examples show one file before and after " +
		"the fault is fixed in pwbconf: the file itself needs no change.",
	Bad:               "# checked by a pwbconf with the fault\nfamily = 'wikipedia'\n",
	Good:              "# checked by a pwbconf without it\nfamily = 'wikipedia'\n",
	exampleUntestable: "no input is meant to produce it",
}

var unknownImport = &Rule{
	Code:     diag.CodeUnknownImport,
	Name:     "unknown-import",
	Severity: diag.Info,
	Summary:  "the file imports a module the sandbox does not provide",
	Doc: "The sandbox provides os and a few standard modules. Any other import, " +
		"a local module holding secrets or a package such as dotenv, is not " +
		"followed, and the values taken from it are unknown: pwbconf checks " +
		"what it can and says which values it could not see. This is " +
		"information, not a fault in the file.",
	Bad:  "import bot_secrets\nusernames['wikipedia']['en'] = bot_secrets.USERNAME\n",
	Good: "import os\nusernames['wikipedia']['en'] = os.environ.get('BOT_NAME', 'ExampleBot')\n",
}

var fileSystem = &Rule{
	Code:     diag.CodeFileSystem,
	Name:     "file-system-query",
	Severity: diag.Info,
	Summary:  "the file asks whether a path exists, which the sandbox answers false",
	Doc: "os.path.exists, isfile, isdir and the like answer false in the " +
		"sandbox, which never looks at files: the machine pwbconf runs on is " +
		"not the one the bot runs on. A config that tells Toolforge from a " +
		"laptop by a path is then checked on the branch where the path is " +
		"missing, and the other branch is not run. This is information, not " +
		"a fault in the file; read such a switch from an environment " +
		"variable, which pwbconf can be given with --env, to check both.",
	Bad:  "import os\nif os.path.exists('/etc/wmcs-project'):\n    mylang = 'de'\n",
	Good: "import os\nif os.environ.get('ON_TOOLFORGE'):\n    mylang = 'de'\n",
}

var unresolvedEnv = &Rule{
	Code:     diag.CodeUnresolvedEnv,
	Name:     "unresolved-env",
	Severity: diag.Info,
	Summary:  "a value comes from an environment variable pwbconf was not given",
	Doc: "Values read with os.environ or os.getenv depend on the environment " +
		"Pywikibot runs in. When pwbconf is not given that variable, the " +
		"value stays unknown and the checks that need it are skipped. Pass " +
		"the variables to pwbconf to check the values too. Note that " +
		"os.getenv without a default gives None when the variable is unset.",
	Bad:  "import os\nusernames['wikipedia']['en'] = os.environ['PWBCONF_UNSET_NAME']\n",
	Good: "usernames['wikipedia']['en'] = 'ExampleBot'\n",
}
