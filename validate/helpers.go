package validate

import (
	"fmt"
	"github.com/pwbconf/pwbconf/model"
	"strings"
)

// plural writes "1 site", "3 sites".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// andList joins "a", "b" and "c" as "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// quoted quotes each item as %q does.
func quoted(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// examples lists up to max items and says how many more there are.
func examples(items []string, max int) string {
	if len(items) <= max {
		return andList(items)
	}
	return strings.Join(items[:max], ", ") + fmt.Sprintf(" and %d more", len(items)-max)
}

// describeType names a value's type for a message: "None", "an int",
// "a tuple".
func describeType(v model.Value) string {
	name := v.TypeName()
	switch {
	case v.Kind == model.None:
		return "None"
	case strings.ContainsRune("aeiou", rune(name[0])):
		return "an " + name
	}
	return "a " + name
}
