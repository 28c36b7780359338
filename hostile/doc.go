// Package hostile holds tests that feed pwbconf configs written to break
// it: deep nesting, huge literals, broken encodings, endless generators,
// escapes from the sandbox and files that tamper with the interpreter for
// the next file. Each test checks the finding and its line, the time taken,
// that the next file is still checked as if alone, and that nothing outside
// the sandbox was read, written, run or changed.
package hostile
