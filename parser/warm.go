package parser

import "sync"

// Warm does the evaluator's one-time set-up: it gives gpython's built-in
// types the methods and guards the sandbox relies on, records their
// attribute dicts as every file must find them, and converts Pywikibot's
// defaults. Evaluate does this on its first call, so that a process that
// never evaluates never pays for it; a process that will evaluate, such as
// a sandbox worker, calls Warm before it reports ready, so that its first
// file costs no more than the next one. Warm is safe to call more than once.
func Warm() { setup() }

// setup runs each step once, in the order the steps were written to run:
// digits.go's and repr.go's both replace str(), and repr.go's comes last.
var setup = sync.OnceFunc(func() {
	installFrozenSet()
	installDepthBound()
	installDictMethods()
	installDigitChecks()
	installListMethods()
	installModules()
	installOutputStream()
	installEnviron()
	installStrNew()
	installStrMethods()
	installTypeGuards()
	// Before any file can have changed a type.
	typeDicts()
	namespaceDefaults()
	builtinNames()
	intDigitsLimit()
})
