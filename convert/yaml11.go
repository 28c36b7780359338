package convert

import "regexp"

// yaml11Typed matches the plain scalars a YAML 1.1 reader, such as
// PyYAML's safe_load, takes for something other than a string: booleans
// (y, yes, on, off, ...) and nulls in any case, and anything that starts
// like a number, which covers every int, float, sexagesimal (1:30),
// timestamp (2024-01-01) and special float (.inf, .NaN) of the spec's
// tag regexes, with some harmless extra quoting of strings such as "1st".
// The YAML writer quotes such strings, since it only knows YAML 1.2.
var yaml11Typed = regexp.MustCompile(`(?i)^(?:y|yes|n|no|true|false|on|off|null|~|` +
	`[-+]?\.?[0-9_].*|[-+]?\.(?:inf|nan)|<<|=)$`)

// yaml11Indicator matches a string that starts with one of YAML's
// indicator characters, which a reader may take for syntax even where the
// spec allows them plain (readers differ on "-x", ":x" and "?x").
var yaml11Indicator = regexp.MustCompile("^[-?:,\\[\\]{}#&*!|>'\"%@`]")

// needsQuotes reports whether s must be quoted to read back as the same
// string in YAML 1.1 and 1.2 readers alike.
func needsQuotes(s string) bool {
	return s == "" || yaml11Typed.MatchString(s) || yaml11Indicator.MatchString(s)
}
