package rewrite

import (
	"strings"
	"unicode/utf8"
)

// Result is rewritten source plus what is needed to map positions back.
type Result struct {
	// Src is the rewritten source; it has as many lines as the original.
	Src string
	// Futures lists the names imported from __future__, with positions,
	// in order.
	Futures []Future
	// Binds holds, by the position of a simple statement, the module-level
	// names the statement binds by its syntax (see binds.go).
	Binds map[Pos][]string
	// Headers holds the column of the first if, elif, while, for or with
	// header starting on a line, by line. These headers run no statement
	// hook of their own; the header hook of an if, elif or while only
	// tells where the condition is evaluated.
	Headers map[int]int
	// Hooks holds every position a hook was written for. A hook read at
	// another position was not put there by the rewrite: the file reached
	// the hook object by a path the sandbox did not foresee.
	Hooks map[Pos]bool

	constructs []Construct // see Unsupported

	lines  [][]anchor // anchors of each line of Src, by column
	starts []int      // byte offset of each line of Src
}

// Future is one feature named in a `from __future__ import` statement.
type Future struct {
	Name      string
	Line, Col int // 1-based, Col in characters
}

// anchor ties a column of Src to a place in the original file. Columns
// after it map one to one (linear) or all to that place (fixed), up to
// the next anchor of the line.
type anchor struct {
	outCol    int
	line, col int
	fixed     bool
}

// Original maps a 1-based line and 1-based column (characters) in r.Src to
// the original file's line and column.
func (r *Result) Original(line, col int) (int, int) {
	if line < 1 || line > len(r.lines) || len(r.lines[line-1]) == 0 {
		return line, col
	}
	as := r.lines[line-1]
	lo, hi := 0, len(as)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if as[mid].outCol <= col {
			lo = mid
		} else {
			hi = mid
		}
	}
	a := as[lo]
	if a.fixed || col < a.outCol {
		return a.line, a.col
	}
	return a.line, a.col + col - a.outCol
}

// OriginalOffset is Original for a 0-based byte offset into a line of
// r.Src, the unit gpython reports syntax errors in.
func (r *Result) OriginalOffset(line, offset int) (int, int) {
	if line < 1 || line > len(r.starts) {
		return r.Original(line, offset+1)
	}
	start := r.starts[line-1]
	end := min(start+max(offset, 0), len(r.Src))
	if k := strings.IndexByte(r.Src[start:end], '\n'); k >= 0 {
		end = start + k
	}
	return r.Original(line, utf8.RuneCountInString(r.Src[start:end])+1)
}

// builder writes the rewritten source and its anchors. The anchors of all
// lines share one array, each line a run of it, since lines are written
// one after the other.
type builder struct {
	src     *source
	out     strings.Builder
	anchors []anchor
	first   []int // index in anchors of the first anchor of each line
	col     int
}

func newBuilder(src *source) *builder {
	b := &builder{src: src, col: 1}
	b.first = make([]int, 1, len(src.starts))
	b.anchors = make([]anchor, 0, len(src.starts)*5/2) // about two a line
	b.out.Grow(len(src.text) + len(src.text)/2)
	return b
}

// line is the 1-based line being written.
func (b *builder) line() int { return len(b.first) }

func (b *builder) mark(a anchor) {
	if n := len(b.anchors); n > b.first[len(b.first)-1] {
		last := &b.anchors[n-1]
		switch {
		case last.outCol == a.outCol:
			*last = a
			return
		case !last.fixed && !a.fixed && last.line == a.line &&
			a.col-last.col == a.outCol-last.outCol:
			return
		}
	}
	b.anchors = append(b.anchors, a)
}

func (b *builder) newline() {
	b.out.WriteByte('\n')
	b.first = append(b.first, len(b.anchors))
	b.col = 1
}

// copy writes original text unchanged.
func (b *builder) copy(start, end int) {
	if start >= end {
		return
	}
	line, col := b.src.pos(start)
	text := b.src.text[start:end]
	for {
		b.mark(anchor{outCol: b.col, line: line, col: col})
		k := strings.IndexByte(text, '\n')
		if k < 0 {
			b.out.WriteString(text)
			b.col += utf8.RuneCountInString(text)
			return
		}
		b.out.WriteString(text[:k])
		b.newline()
		text = text[k+1:]
		line, col = line+1, 1
		if text == "" {
			return
		}
	}
}

// insert writes text that has no counterpart in the original; it maps
// to the original position at.
func (b *builder) insert(text string, at int) {
	if text == "" {
		return
	}
	line, col := b.src.pos(at)
	b.mark(anchor{outCol: b.col, line: line, col: col, fixed: true})
	b.out.WriteString(text)
	b.col += utf8.RuneCountInString(text)
}

// replace writes text in place of the original token at start, mapping
// its columns one to one from the token's start.
func (b *builder) replace(text string, start int) {
	line, col := b.src.pos(start)
	b.mark(anchor{outCol: b.col, line: line, col: col})
	b.out.WriteString(text)
	b.col += utf8.RuneCountInString(text)
}

// blank writes a space for each character of the original text, keeping
// columns, and keeps its line breaks as backslash continuations so the
// logical line stays joined.
func (b *builder) blank(start, end int) {
	if start >= end {
		return
	}
	line, col := b.src.pos(start)
	b.mark(anchor{outCol: b.col, line: line, col: col})
	for _, r := range b.src.text[start:end] {
		if r == '\n' {
			b.out.WriteByte('\\')
			b.newline()
			line, col = line+1, 1
			b.mark(anchor{outCol: 1, line: line, col: 1})
			continue
		}
		b.out.WriteByte(' ')
		b.col++
	}
}

func (b *builder) result() *Result {
	lines := make([][]anchor, len(b.first))
	for i, start := range b.first {
		end := len(b.anchors)
		if i+1 < len(b.first) {
			end = b.first[i+1]
		}
		lines[i] = b.anchors[start:end:end]
	}
	r := &Result{Src: b.out.String(), lines: lines}
	r.starts = make([]int, 1, len(lines))
	for i := 0; i < len(r.Src); i++ {
		if r.Src[i] == '\n' {
			r.starts = append(r.starts, i+1)
		}
	}
	return r
}
