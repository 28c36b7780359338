package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

var setTwice = &Rule{
	Code:     "PWB111",
	Name:     "set-twice",
	Severity: diag.Warning,
	Summary:  "a setting, username or authenticate key set more than once",
	Doc: "When the file sets the same variable, usernames entry or " +
		"authenticate key twice, the last value wins and the first is lost " +
		"without a word; usually one of them is a left-over. The finding " +
		"points at the later place and names the first. A loop whose list " +
		"names the same family or domain twice sets its entries twice too. " +
		"A statement that builds the new value from the old one, such as " +
		"user_script_paths += ['scripts'] or x = x + [...], loses nothing " +
		"and is not reported. Keep one.",
	Bad:  "usernames['wikipedia']['*'] = 'ExampleBot'\nusernames['wikipedia']['*'] = 'ExampleOtherBot'\n",
	Good: "usernames['wikipedia']['*'] = 'ExampleOtherBot'\n",
	check: func(p *pass) {
		p.topLevel(known, func(name string, e model.Entry) {
			if at, first, ok := overwrite(p.opts.Source, e, name); ok {
				p.report(at, name, "%q is set again here; line %d set it first", name, first.Line)
			}
		})
		for _, list := range [][]model.Entry{p.cfg.Usernames, p.cfg.Authenticate} {
			for _, e := range list {
				p.reportDictRepeat(e)
			}
		}
	},
}

// reportDictRepeat reports a usernames or authenticate entry set more than
// once. Unlike a top-level name, whose repeats at one statement are a
// loop variable doing its job, an entry that one statement sets twice
// comes from a loop that visits the same key twice.
func (p *pass) reportDictRepeat(e model.Entry) {
	if first, ok := firstElsewhere(e); ok {
		p.report(e.Pos, e.Path[0], "%s is set again here; line %d set it first",
			entryName(e), first.Line)
		return
	}
	if n := countAt(e.Earlier, e.Pos); n > 0 {
		p.report(e.Pos, e.Path[0], "%s is set %d times by this statement. "+
			"The loop visits it more than once", entryName(e), n+1)
	}
}

// overwrite finds the last place after the first that sets name without
// building on the value before it, which it loses, and the first place.
// A statement that extends the value (name += [...]) loses nothing, but
// one before it may have.
func overwrite(src []byte, e model.Entry, name string) (at, first model.Pos, ok bool) {
	if first, ok = firstElsewhere(e); !ok {
		return
	}
	places := append(slices.Clone(e.Earlier), e.Pos)
	for i := len(places) - 1; i > 0; i-- {
		if places[i] != first && !updates(src, places[i], name) {
			return places[i], first, true
		}
	}
	return model.Pos{}, model.Pos{}, false
}

// updates reports whether the statement at pos builds the value of name
// from its value before: name += [...], name = name + [...], or any
// right-hand side that names it outside a string or comment. It reads
// the statement's first line, up to a semicolon, where a long right-hand
// side may not end.
func updates(src []byte, pos model.Pos, name string) bool {
	line := []rune(model.SourceLine(src, pos.Line))
	if pos.Col < 1 || pos.Col > len(line) {
		return false
	}
	rest := strings.TrimSpace(codeOnly(string(line[pos.Col-1:])))
	target, value, ok := strings.Cut(rest, "=")
	if !ok {
		return false
	}
	target = strings.TrimSpace(target)
	if bare := strings.TrimRight(target, "+-*/%|&^<>@"); bare != target {
		// An augmented assignment reads its target.
		return strings.TrimSpace(bare) == name
	}
	return target == name && wordIn(value, name)
}

// codeOnly blanks the string literals of a statement's line and cuts it
// at a comment or at the semicolon that ends the statement.
func codeOnly(line string) string {
	var b strings.Builder
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		case c == '\'' || c == '"':
			quote = c
			b.WriteString("''")
			continue
		case c == '#' || c == ';':
			return b.String()
		}
		b.WriteByte(c)
	}
	return b.String()
}

// wordIn reports whether name stands in s as a whole identifier.
func wordIn(s, name string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if (start == 0 || !identByte(s[start-1])) && (end == len(s) || !identByte(s[end])) {
			return true
		}
		i = end
	}
}

func identByte(b byte) bool {
	return b == '_' || b == '.' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// firstElsewhere returns the first place, other than the last one, that
// set e.
func firstElsewhere(e model.Entry) (model.Pos, bool) {
	i := slices.IndexFunc(e.Earlier, func(p model.Pos) bool { return p != e.Pos })
	if i < 0 {
		return model.Pos{}, false
	}
	return e.Earlier[i], true
}

func countAt(list []model.Pos, pos model.Pos) int {
	n := 0
	for _, p := range list {
		if p == pos {
			n++
		}
	}
	return n
}

// entryName writes an entry as the file would: usernames['a']['b'].
func entryName(e model.Entry) string {
	s := e.Path[0]
	for _, k := range e.Path[1:] {
		s += fmt.Sprintf("[%q]", k)
	}
	return s
}
