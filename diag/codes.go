package diag

// Codes of the findings the evaluator makes itself, while it runs a file,
// and of the one the command line makes when it cannot read a file.
// Their explanations live with the other rules in package validate; they
// are declared here so that the evaluator need not import the rules.
//
// Codes never change meaning and are never reused. They are grouped by
// area: PWB0xx evaluation, PWB1xx top-level variables, PWB2xx usernames
// and sites, PWB3xx authenticate and tokens, PWB9xx the tool's own
// comments (suppressions).
const (
	// CodeUnreadable (error): pwbconf could not read the file or folder,
	// so nothing in it was checked. The command line reports it.
	CodeUnreadable = "PWB000"
	// CodeSyntaxError (error): the file is not valid Python.
	CodeSyntaxError = "PWB001"
	// CodeException (error): running the file raised an exception, so
	// Pywikibot fails to start.
	CodeException = "PWB002"
	// CodeRemovedName (error): the file reads a variable Pywikibot removed,
	// such as sysopnames, and Pywikibot fails to start with NameError.
	CodeRemovedName = "PWB003"
	// CodeRefused (error): the sandbox refused an operation (opening a
	// file, running a command) and evaluation stopped there.
	CodeRefused = "PWB004"
	// CodeTimeLimit (error): evaluation ran out of time.
	CodeTimeLimit = "PWB005"
	// CodeMemoryLimit (error): evaluation ran out of memory.
	CodeMemoryLimit = "PWB006"
	// CodeRecursionLimit (error): calls nested too deep.
	CodeRecursionLimit = "PWB007"
	// CodeInternal (error): the evaluator itself failed on this file.
	CodeInternal = "PWB008"
	// CodeUnknownImport (info): the file imports a module the sandbox
	// does not provide, so values taken from it are unknown.
	CodeUnknownImport = "PWB009"
	// CodeUnresolvedEnv (info): a value comes from an environment
	// variable the sandbox was not given, so it is unknown.
	CodeUnresolvedEnv = "PWB010"
	// CodeUnsupportedSyntax (error): the file uses syntax of a newer
	// Python that the embedded interpreter lacks, so it was not checked.
	CodeUnsupportedSyntax = "PWB011"
	// CodeFileSystem (info): the file asks whether a path exists, which
	// the sandbox answers false without looking.
	CodeFileSystem = "PWB012"
)
