package cli

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pwbconf/pwbconf/model"
)

// masker hides a file's secrets in any text pwbconf prints about it.
type masker struct {
	// spells holds every way a secret may be written, longest first, so a
	// whole token is replaced before any part of it.
	spells []spelling
	// probes are the spellings no other spelling lies inside: text holds
	// some spelling only if it holds a probe.
	probes []string
	// firsts has the bit of each byte a spelling starts with set, so that
	// line tries the spellings only where one can start.
	firsts [4]uint64
	// guard picks further literals to mask in source lines; nil for none.
	guard *guard
	// whole holds the secrets, which a text that is nothing else is
	// masked as, however short.
	whole map[string]bool
}

type spelling struct {
	text string // as it appears in printed text or in the source
	mask string // model.Mask of the secret itself
}

// newMasker returns a masker for secrets (see model.Config.Secrets). Each
// secret is also looked for as a Python string literal would spell it, and
// without the surrounding white space a validator might have trimmed.
// A secret put together from pieces in the source is not recognized there.
func newMasker(secrets []string) *masker {
	m := &masker{whole: map[string]bool{}}
	seen := map[string]bool{}
	probed := map[string]bool{}
	for _, s := range secrets {
		m.whole[s] = true
		sps := spellings(s)
		for _, sp := range sps {
			if sp.text != "" && !seen[sp.text] {
				seen[sp.text] = true
				m.spells = append(m.spells, sp)
				m.firsts[sp.text[0]>>6] |= 1 << (sp.text[0] & 63)
			}
			// A secret's spellings mostly hold one another; looking for
			// the innermost ones is enough to know none is there.
			inner := slices.ContainsFunc(sps, func(o spelling) bool {
				return o.text != sp.text && o.text != "" && strings.Contains(sp.text, o.text)
			})
			if sp.text != "" && !inner && !probed[sp.text] {
				probed[sp.text] = true
				m.probes = append(m.probes, sp.text)
			}
		}
	}
	slices.SortStableFunc(m.spells, func(a, b spelling) int {
		return cmp.Compare(len(b.text), len(a.text))
	})
	return m
}

// minBare is the length from which a secret is masked wherever it appears.
// A shorter one, such as a one-letter test token, would also match inside
// ordinary words, so it is masked only as a whole quoted literal, or as
// the whole of a text (see masker.text).
const minBare = model.MinBare

func spellings(s string) []spelling {
	mask := model.Mask(s)
	out := make([]spelling, 0, 7)
	add := func(text, mask string) {
		// Most secrets need no escape and carry no white space, so most
		// of their spellings are one text; it is searched for once.
		if !slices.ContainsFunc(out, func(o spelling) bool { return o.text == text }) {
			out = append(out, spelling{text, mask})
		}
	}
	bare := utf8.RuneCountInString(s) >= minBare
	if utf8.RuneCountInString(strings.TrimSpace(s)) >= minBare {
		add(s, mask)
		add(strings.TrimSpace(s), mask)
		add(pyEscape(s, 0), mask)
	}
	for _, quote := range []rune{'\'', '"'} {
		q := string(quote)
		esc := pyEscape(s, quote)
		add(q+esc+q, q+mask+q)
		if bare {
			add(esc, mask)
		}
	}
	return out
}

// pyEscape writes s as it would appear between quotes in a Python string
// literal, escaping quote too when it is not 0.
func pyEscape(s string, quote rune) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r == '\\' || r == quote || r < 0x20 || r == 0x7f
	}) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == quote:
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// text returns s with every secret masked. A text that is a secret is
// masked whatever its length: a setting holding a copy of a short token
// is the token. The password of a URL is masked however short, and alone:
// the rest of the URL says where it leads.
func (m *masker) text(s string) string {
	if m.whole[s] {
		return model.Mask(s)
	}
	out, _ := m.line(model.MaskURLPasswords(s), 0)
	return out
}

// line masks one source line and moves col, a 1-based character column in
// it, to the same character in the result; a column inside a secret moves
// to the start of its mask.
func (m *masker) line(s string, col int) (string, int) {
	if !m.anyIn(s) {
		return s, col
	}
	var b strings.Builder
	newCol := 0
	inRunes, outRunes := 0, 0
	for i := 0; i < len(s); {
		if sp, ok := m.match(s[i:]); ok {
			n := utf8.RuneCountInString(sp.text)
			if newCol == 0 && col > inRunes && col <= inRunes+n {
				newCol = outRunes + 1
			}
			b.WriteString(sp.mask)
			i += len(sp.text)
			inRunes += n
			outRunes += utf8.RuneCountInString(sp.mask)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if newCol == 0 && col == inRunes+1 {
			newCol = outRunes + 1
		}
		b.WriteRune(r)
		i += size
		inRunes++
		outRunes++
	}
	if newCol == 0 {
		// A column past the end of the line stays past the end.
		newCol = col - inRunes + outRunes
	}
	return b.String(), newCol
}

// anyIn reports whether some spelling occurs in s. Most text holds none,
// and a search per spelling is far quicker than trying every spelling at
// every byte.
func (m *masker) anyIn(s string) bool {
	for _, p := range m.probes {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func (m *masker) match(s string) (spelling, bool) {
	if m.firsts[s[0]>>6]&(1<<(s[0]&63)) == 0 {
		return spelling{}, false
	}
	for _, sp := range m.spells {
		if strings.HasPrefix(s, sp.text) {
			return sp, true
		}
	}
	return spelling{}, false
}

// sourceLine masks one source line as line does, then masks the body of
// every literal the guard suspects, moving col along.
func (m *masker) sourceLine(s string, col int) (string, int) {
	s, col = m.line(s, col)
	var edits []edit
	for _, sp := range m.guard.suspects(s) {
		edits = append(edits, edit{sp[0], sp[1], model.Mask(s[sp[0]:sp[1]])})
	}
	return replaceSpans(s, col, edits)
}

// edit replaces the bytes start:end of a line with text.
type edit struct {
	start, end int
	text       string
}

// replaceSpans applies edits, sorted and apart, to s, and moves col, a
// 1-based character column, to the same character in the result; a column
// inside a replaced span moves to the start of its replacement.
func replaceSpans(s string, col int, edits []edit) (string, int) {
	if len(edits) == 0 {
		return s, col
	}
	var b strings.Builder
	newCol := 0
	in, out := 0, 0 // characters read and written
	copyTo := func(from, end int) {
		for _, r := range s[from:end] {
			in++
			out++
			if col == in {
				newCol = out
			}
			b.WriteRune(r)
		}
	}
	at := 0
	for _, e := range edits {
		copyTo(at, e.start)
		n := utf8.RuneCountInString(s[e.start:e.end])
		if col > in && col <= in+n {
			newCol = out + 1
		}
		b.WriteString(e.text)
		in += n
		out += utf8.RuneCountInString(e.text)
		at = e.end
	}
	copyTo(at, len(s))
	if newCol == 0 {
		// A column past the end of the line stays past the end.
		newCol = col - in + out
	}
	return b.String(), newCol
}
