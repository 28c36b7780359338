// Package rewrite turns a user-config.py written for CPython 3.8 to 3.13
// into source that gpython v0.2.0, a Python 3.4-level compiler, accepts,
// and adds the statement hooks the evaluator runs on.
//
// The rewrite works on tokens, never on lines as text, and never moves a
// token to another line, so line numbers in the output are those of the
// file. Columns move where text is inserted or removed; [Result.Original]
// maps any output position back.
//
// # Hooks
//
// Before every simple statement, including each statement of `a = 1; b = 2`
// and one written after a header's colon, the rewrite inserts
// `__pwbconf_at__.L<L>_<C>;` (e.g. `__pwbconf_at__.L3_1;`), L and C being
// the original 1-based line and character column of the statement's first
// token: reading that attribute runs the hook. A hook is an attribute and
// not a call with two numbers because numbers cost gpython a regular
// expression each to scan and constants to compare with every constant of
// the file. The first statement of a for loop's body is preceded by
// `__pwbconf_loop__.L<L>_<C>;`, with the position of the `for`, so the
// hook runs once per pass. When that body
// starts with `if`, `while`, `for` or `with`, the hook goes into the
// header's first expression as `(__pwbconf_loop__.L<L>_<C>, (expr))[1]`,
// which keeps the expression's value whatever the hook returns; after `try`
// it goes to the first statement inside, and a def or class header pays it
// in its own hook. Everything inserted stays on its line.
//
// A def or class header runs the statement hook with its own position
// while the statement runs, so that the name it binds is credited to it:
// through the return annotation, `def f(a) -> __pwbconf_def__.L<L>_<C>:`
// (the hook returns an empty tuple, which f.__annotations__ then shows) or
// `-> (__pwbconf_at__.L<L>_<C>, (X))[1]`, and through the first argument of
// a class, `class A(*__pwbconf_def__.L<L>_<C>):` or `class
// A((__pwbconf_at__.L<L>_<C>, (B))[1]):`. A decorated def gets no hook,
// since gpython miscompiles a decorated def with a return annotation.
//
// The condition of an if, elif or while is wrapped as
// `(__pwbconf_hdr__.L<L>_<C>, (cond))[1]`: that hook only tells the
// evaluator which line is evaluating, so that what a condition decides is
// reported there; the statement a stop is charged to stays the last simple
// statement. Other compound headers and decorators get no hook. Every
// hook position is listed in [Result.Hooks].
//
// # What is rewritten
//
//   - A UTF-8 BOM is dropped, CRLF and CR line ends become LF, and a coding
//     declaration of UTF-8, Latin-1 or cp1252 is honoured as CPython
//     honours it for compile(bytes).
//   - Underscores in numbers go: 1_000 becomes 1000.
//   - f-strings become str.format calls, one per f-string and per line of
//     a multi-line one: f'{x!r:>{w}}' becomes ('{0!r:>{1}}'.format((x), (w))).
//     Conversions, nested format specs, {{ }} and {expr=} are kept, and
//     adjacent literals are joined with + so each keeps its own prefix.
//     Fields are scanned the way Python 3.12 scans them, so quotes of the
//     same kind nested inside a field are accepted.
//   - `target: ann = value` loses `: ann` to spaces (or to a backslash
//     continuation where the annotation spans lines); a bare `target: ann`
//     becomes pass. The annotation is not evaluated, as if
//     `from __future__ import annotations` were in force.
//   - `from __future__ import ...` imports from __pwbconf_future__ instead,
//     which the evaluator provides; the names are listed in
//     [Result.Futures].
//   - The left operand of each % goes to __pwbconf_fmt__, whose str
//     result formats as CPython's printf-style formatting does, where
//     gpython's calls Go's fmt: '%s' % x becomes
//     __pwbconf_fmt__('%s') % x. The operand is the run of tokens binding
//     tighter than %, so a * b % c becomes __pwbconf_fmt__(a * b) % c, and
//     s %= v on a plain name becomes s = __pwbconf_fmt__(s) % (v).
//   - The left operand of each *, ** and << goes to __pwbconf_size__, whose
//     result checks the size of the product, power or shift before gpython
//     builds it: 'x' * n becomes __pwbconf_size__('x') * n. The operand of
//     ** is the primary before it, that of << takes sums in. s *= n (and
//     **=, <<=) on a plain name becomes s *= __pwbconf_grow__('*', s, (n)),
//     which checks and gives n back. An augmented assignment to an
//     attribute or a subscript is left to gpython.
//   - The left operand of each | goes to __pwbconf_or__, whose result
//     merges two dicts as Python 3.9 does and leaves any other | to
//     gpython; d |= e on a plain name becomes d |= __pwbconf_ior__(d, (e)),
//     which updates a dict in place.
//   - A trailing comma after *args or **kwargs in a call or a def, and the
//     / of positional-only parameters, are blanked.
//   - Form feeds, which gpython does not read as white space, are dropped
//     from indentation (CPython counts indentation again after one) and
//     become spaces elsewhere.
//
// # What the evaluator is told
//
// [Result.Binds] lists, by statement position, the module-level names each
// simple statement binds by its syntax, so that a binding to an equal
// value is still seen (see binds.go); [Result.Headers] lists where the
// headers that run no hook of their own start, so that an exception
// raised in one stops there.
//
// Errors CPython's tokenizer reports are returned as a [*SyntaxError] with
// CPython's wording: bad UTF-8, NUL bytes, unterminated strings,
// malformed f-strings, unbalanced brackets, bad underscores or leading
// zeros in numbers, stray characters, inconsistent tabs, dedents to no
// outer level, misplaced or unknown __future__ features, bytes mixed with
// str literals. So are decimal integer literals of more than 4300 digits,
// which CPython's compiler refuses, and inputs nested deeper than CPython
// parses, which would otherwise exhaust gpython's stack: more than 200
// brackets inside each other, or more than 1000 unary operators in a row.
//
// # What is left to gpython
//
// Other constructs newer than Python 3.4 pass through unchanged, and gpython
// reports them as syntax errors that the evaluator maps back with
// [Result.OriginalOffset]: unpacking in displays and calls ({**a}, [*a],
// f(*a, *b), f(**a, b=1)), the walrus operator, match statements, async
// and await, the @ operator, relaxed decorators, parenthesized context
// managers, `return *a, b`, the type statement. They are rare in configs
// and gpython's dict and list types are too limited to emulate them
// cheaply. A for loop whose body starts with a decorated def gets no loop
// hook.
//
// Known differences in meaning: gpython leaves \N{name} escapes
// undecoded, and drops the backslash and line break that CPython keeps
// when a raw string continues on the next line.
package rewrite
