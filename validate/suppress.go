package validate

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
)

// An inline suppression is a comment on the line of a finding:
//
//	put_throtle = 2  # pwbconf: ignore[PWB101] read by our own wrapper
//
// or on the line before it, as ignore-next-line[...], where a comment at
// the end of the line would make it too long; ignore-file[...] anywhere
// silences the rules in the whole file, findings about the file as a
// whole included. The brackets hold rule codes or names, separated by
// commas; the text after them is the reason, which is required. Findings
// at a statement that spans lines are reported at its first line, so the
// comment goes there.

var suppressionNoReason = &Rule{
	Code:     "PWB901",
	Name:     "suppression-without-reason",
	Severity: diag.Warning,
	Summary:  "a pwbconf: ignore comment that gives no reason",
	Doc: "An inline suppression, # pwbconf: ignore[CODE] followed by a " +
		"reason, silences the named rules on its line (ignore-next-line[CODE] " +
		"on the next line, ignore-file[CODE] in the whole file). The reason is " +
		"required, so that a reader knows why the finding does not apply " +
		"and when the comment may go. Write it after the closing bracket.",
	Bad:  "put_throtle = 2  # pwbconf: ignore[PWB101]\n",
	Good: "put_throtle = 2  # pwbconf: ignore[PWB101] read by our wrapper script\n",
}

var unusedSuppression = &Rule{
	Code:     "PWB902",
	Name:     "unused-suppression",
	Severity: diag.Warning,
	Summary:  "a pwbconf: ignore comment that suppresses nothing",
	Doc: "A suppression names rules whose findings it silences on its line, " +
		"the next line or the whole file. When none of them reports anything " +
		"there, the comment is stale: " +
		"the problem was fixed, or the finding moved to another line. " +
		"Delete the comment, or move it to the line of the finding. Rules " +
		"turned off by --select, --ignore or the project file do not count.",
	Bad:  "put_throttle = 2  # pwbconf: ignore[PWB101] read by our wrapper script\n",
	Good: "put_throttle = 2\n",
}

var badSuppression = &Rule{
	Code:     "PWB903",
	Name:     "bad-suppression",
	Severity: diag.Warning,
	Summary:  "a pwbconf: comment that cannot be read, or names no rule",
	Doc: "A comment that starts with pwbconf: must read ignore[CODE, ...], " +
		"ignore-next-line[CODE, ...] or ignore-file[CODE, ...] followed by a " +
		"reason, where each entry is a rule code such as PWB101 " +
		"or a rule name such as unknown-variable. A comment in another form, " +
		"or one naming a rule that does not exist, silences nothing.",
	Bad:  "put_throtle = 2  # pwbconf: ignore[PWB1O1] read by our wrapper script\n",
	Good: "put_throtle = 2  # pwbconf: ignore[PWB101] read by our wrapper script\n",
}

// scope is what a suppression silences.
type scope int

const (
	thisLine scope = iota
	nextLine
	wholeFile
)

// where names a scope in a message.
func (sc scope) where() string {
	switch sc {
	case nextLine:
		return "on the next line"
	case wholeFile:
		return "in this file"
	}
	return "on this line"
}

// suppression is one pwbconf: comment.
type suppression struct {
	pos     model.Pos
	scope   scope
	entries []string
	used    []bool
	reason  string
	// malformed holds why the comment could not be read.
	malformed string
}

// suppress drops the findings that a comment on their line silences and
// adds the findings about the comments themselves. Unless the rules ran
// (ran is false for a file that was not evaluated), a comment that
// silences nothing is not reported: nothing was checked for it to
// silence.
func suppress(cfg *model.Config, opts *Options, ds []diag.Diagnostic, ran bool) []diag.Diagnostic {
	if opts.Source == nil {
		return ds
	}
	sups := parseSuppressions(opts.Source)
	if len(sups) == 0 {
		return ds
	}
	kept := ds[:0]
	for _, d := range ds {
		if !silence(sups, d) {
			kept = append(kept, d)
		}
	}
	return append(kept, suppressionFindings(cfg, opts, sups, ran)...)
}

// silence marks the entries of the suppression on d's line that name d's
// rule, and reports whether there was one.
func silence(sups []suppression, d diag.Diagnostic) bool {
	if strings.HasPrefix(d.Code, "PWB9") {
		return false
	}
	found := false
	for i := range sups {
		s := &sups[i]
		switch s.scope {
		case thisLine:
			if s.pos.Line != d.Line {
				continue
			}
		case nextLine:
			if s.pos.Line+1 != d.Line {
				continue
			}
		}
		for j, entry := range s.entries {
			if namesCode(entry, d.Code) {
				s.used[j], found = true, true
			}
		}
	}
	return found
}

// namesCode reports whether a suppression entry names the rule code.
func namesCode(entry, code string) bool {
	if r, ok := byCode[code]; ok {
		return entry == r.Name || strings.EqualFold(entry, r.Code)
	}
	return strings.EqualFold(entry, code)
}

func suppressionFindings(cfg *model.Config, opts *Options, sups []suppression,
	ran bool) []diag.Diagnostic {
	var out []diag.Diagnostic
	add := func(r *Rule, pos model.Pos, format string, args ...any) {
		if !opts.enabled(r) {
			return
		}
		out = append(out, diag.Diagnostic{
			Code: r.Code, Severity: opts.severity(r), Message: fmt.Sprintf(format, args...),
			File: cfg.File, Line: pos.Line, Column: pos.Col,
		})
	}
	for _, s := range sups {
		if s.malformed != "" {
			add(badSuppression, s.pos, "%s. Write # pwbconf: ignore[CODE] reason "+
				"(or ignore-next-line, ignore-file)", s.malformed)
			continue
		}
		if s.reason == "" {
			add(suppressionNoReason, s.pos, "the suppression comment gives no reason. "+
				"Say why after the closing bracket")
		}
		for j, entry := range s.entries {
			r, ok := Lookup(entry)
			switch {
			case !ok:
				if near := NearestRule(entry); near != "" {
					add(badSuppression, s.pos, "suppression names %q, which is no rule; did you mean %q?",
						entry, near)
					continue
				}
				add(badSuppression, s.pos, "suppression names %q, which is no rule", entry)
			case ran && !s.used[j] && opts.enabled(byCode[r.Code]):
				add(unusedSuppression, s.pos, "suppression of %s silences nothing %s",
					r.Code, s.scope.where())
			}
		}
	}
	return out
}

// parseSuppressions finds the pwbconf: comments of a Python source.
func parseSuppressions(src []byte) []suppression {
	if !bytes.Contains(src, []byte("pwbconf:")) {
		return nil
	}
	var out []suppression
	for _, c := range comments(src) {
		body := strings.TrimSpace(c.text[1:])
		rest, ok := strings.CutPrefix(body, "pwbconf:")
		if !ok {
			continue
		}
		out = append(out, parseSuppression(c.pos, strings.TrimSpace(rest)))
	}
	return out
}

func parseSuppression(pos model.Pos, text string) suppression {
	s := suppression{pos: pos}
	var list string
	var ok bool
	for _, form := range []struct {
		prefix string
		scope  scope
	}{{"ignore[", thisLine}, {"ignore-next-line[", nextLine}, {"ignore-file[", wholeFile}} {
		if list, ok = strings.CutPrefix(text, form.prefix); ok {
			s.scope = form.scope
			break
		}
	}
	if !ok {
		s.malformed = "a pwbconf: comment must say ignore[...]"
		return s
	}
	list, reason, ok := strings.Cut(list, "]")
	if !ok {
		s.malformed = "the ignore[ list of the pwbconf: comment is not closed"
		return s
	}
	for _, entry := range strings.Split(list, ",") {
		if entry = strings.TrimSpace(entry); entry != "" {
			s.entries = append(s.entries, entry)
		}
	}
	if len(s.entries) == 0 {
		s.malformed = "the pwbconf: ignore[] list names no rule"
		return s
	}
	s.used = make([]bool, len(s.entries))
	// A further "#" starts another comment, such as a test expectation.
	reason, _, _ = strings.Cut(reason, "#")
	s.reason = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(reason), ":-"))
	return s
}

// comment is a "#" comment and where it starts.
type comment struct {
	pos  model.Pos
	text string
}

// comments returns the comments of a Python source, skipping "#" inside
// string literals. Strings are followed by their quotes alone, which is
// exact for everything but f-strings that reuse their own quote inside a
// replacement field (Python 3.12 and later). Lines end as Python ends
// them: at "\r\n", "\n" or a lone "\r".
func comments(src []byte) []comment {
	var out []comment
	for lineNo, inString := 1, ""; len(src) > 0; lineNo++ {
		line := src
		if i := bytes.IndexAny(src, "\r\n"); i >= 0 {
			end := i + 1
			if src[i] == '\r' && end < len(src) && src[end] == '\n' {
				end++
			}
			line, src = src[:i], src[end:]
		} else {
			src = nil
		}
		var c *comment
		inString, c = scanLine(string(line), inString)
		if c != nil {
			c.pos.Line = lineNo
			out = append(out, *c)
		}
	}
	return out
}

// scanLine walks one line, starting inside the string that opened with
// quote (or "" outside any), and returns the string still open at the
// end and the line's comment.
func scanLine(line, quote string) (string, *comment) {
	for i := 0; i < len(line); {
		if quote != "" {
			switch {
			case line[i] == '\\':
				i += 2
			case strings.HasPrefix(line[i:], quote):
				i += len(quote)
				quote = ""
			default:
				i++
			}
			continue
		}
		switch c := line[i]; c {
		case '#':
			col := utf8.RuneCountInString(line[:i]) + 1
			return "", &comment{pos: model.Pos{Col: col}, text: line[i:]}
		case '\'', '"':
			quote = string(c)
			if strings.HasPrefix(line[i:], strings.Repeat(string(c), 3)) {
				quote = strings.Repeat(string(c), 3)
			}
			i += len(quote)
		default:
			i++
		}
	}
	if len(quote) == 1 && !strings.HasSuffix(line, "\\") {
		quote = ""
	}
	return quote, nil
}
