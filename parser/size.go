package parser

import (
	"fmt"
	"math/big"
	"math/bits"
	"runtime"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
)

// 'x' * (1 << 34), [0] * 10**10 or 10 ** 10 ** 10 build their result in
// one step of the interpreter, a Go loop no statement hook interrupts, so
// the heap check between statements comes too late, and so does the one
// after x = x + x, which doubles in one step. The rewrite hands the
// left operand of each *, **, << and + to __pwbconf_size__, and the value it
// gives back works out the size of the result before gpython builds it.

// sizeOperand is the left operand of one *, **, << or +.
type sizeOperand struct {
	ev *evaluation
	x  py.Object
}

// Type returns the operand's own type, for any error message.
func (o *sizeOperand) Type() *py.Type { return o.x.Type() }

func (o *sizeOperand) M__mul__(other py.Object) (py.Object, error) {
	if err := o.ev.checkSize("*", productBytes(o.x, other)); err != nil {
		return nil, err
	}
	return py.Mul(o.x, other)
}

func (o *sizeOperand) M__add__(other py.Object) (py.Object, error) {
	if err := o.ev.checkSize("+", sumBytes(o.x, other)); err != nil {
		return nil, err
	}
	return py.Add(boolAsInt(o.x, other), boolAsInt(other, o.x))
}

// boolAsInt gives a bool that meets another number in arithmetic as the
// int it is in Python, where bool is a subclass of int; gpython's bool
// has no arithmetic of its own.
func boolAsInt(x, other py.Object) py.Object {
	b, ok := x.(py.Bool)
	if !ok {
		return x
	}
	switch other.(type) {
	case py.Bool, py.Int, *py.BigInt, py.Float, py.Complex:
		if b {
			return py.Int(1)
		}
		return py.Int(0)
	}
	return x
}

func (o *sizeOperand) M__pow__(other, modulo py.Object) (py.Object, error) {
	if err := o.ev.checkSize("**", powerBytes(o.x, other)); err != nil {
		return nil, err
	}
	return py.Pow(o.x, other, modulo)
}

func (o *sizeOperand) M__lshift__(other py.Object) (py.Object, error) {
	if err := o.ev.checkSize("<<", shiftBytes(o.x, other)); err != nil {
		return nil, err
	}
	return py.Lshift(o.x, other)
}

// sizeHook is __pwbconf_size__(x).
func (ev *evaluation) sizeHook(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "size hook takes 1 argument")
	}
	return &sizeOperand{ev: ev, x: args[0]}, nil
}

// growHook is __pwbconf_grow__(op, target, value) for `target op= value`:
// it checks the size of the result and gives value back.
func (ev *evaluation) growHook(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 3 {
		return nil, py.ExceptionNewf(py.TypeError, "grow hook takes 3 arguments")
	}
	op, _ := args[0].(py.String)
	var size float64
	switch op {
	case "*":
		size = productBytes(args[1], args[2])
	case "**":
		size = powerBytes(args[1], args[2])
	case "<<":
		size = shiftBytes(args[1], args[2])
	case "+":
		size = sumBytes(args[1], args[2])
	}
	if err := ev.checkSize(string(op), size); err != nil {
		return nil, err
	}
	if _, ok := args[1].(*py.List); ok && op == "+" {
		// A list extends itself with any iterable, where gpython's takes
		// only a list.
		if _, isList := args[2].(*py.List); !isList {
			return py.SequenceList(args[2])
		}
	}
	return args[2], nil
}

// bigResult is the size above which checkSize also counts the heap in use.
const bigResult = 1 << 20

// checkSize stops evaluation when a result of size bytes would take the
// heap past the memory limit.
func (ev *evaluation) checkSize(op string, size float64) error {
	limit := float64(ev.opts.MemoryLimit)
	if size <= bigResult || size+float64(ev.heapBytes()) <= limit {
		return nil
	}
	// The reading counts garbage not yet collected, of which a worker's
	// collector target lets a lot pile up; only what survives counts.
	runtime.GC()
	if size+float64(ev.heapBytes()) <= limit {
		return nil
	}
	return ev.setFatal(diag.CodeMemoryLimit, fmt.Sprintf(
		"the result of %s would take %s, over the memory limit of %d MiB",
		op, bytesText(size), ev.opts.MemoryLimit>>20))
}

// bytesText renders a size for a message.
func bytesText(n float64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	i := 0
	for n >= 1024 && i < len(units)-1 {
		n /= 1024
		i++
	}
	if i == len(units)-1 && n >= 1024 {
		return "more than 1024 EiB"
	}
	return fmt.Sprintf("%.0f %s", n, units[i])
}

// productBytes estimates the size of a * b: a sequence repeated, or an
// integer product. It is 0 for anything else.
func productBytes(a, b py.Object) float64 {
	if n, ok := intValue(b); ok {
		if size, ok := seqBytes(a); ok {
			return size * max(n, 0)
		}
	}
	if n, ok := intValue(a); ok {
		if size, ok := seqBytes(b); ok {
			return size * max(n, 0)
		}
	}
	x, ok1 := intBits(a)
	y, ok2 := intBits(b)
	if ok1 && ok2 {
		return (x + y) / 8
	}
	return 0
}

// sumBytes estimates the size of a + b: two sequences joined. Numbers
// never grow by addition.
func sumBytes(a, b py.Object) float64 {
	x, ok1 := seqBytes(a)
	y, ok2 := seqBytes(b)
	if !ok1 || !ok2 {
		return 0
	}
	return x + y
}

// powerBytes estimates the size of a ** b for integers.
func powerBytes(a, b py.Object) float64 {
	x, ok1 := intBits(a)
	n, ok2 := intValue(b)
	if !ok1 || !ok2 || n <= 0 || x <= 1 {
		return 0 // a float, or a base of -1, 0 or 1
	}
	return x * n / 8
}

// shiftBytes estimates the size of a << b for integers.
func shiftBytes(a, b py.Object) float64 {
	x, ok1 := intBits(a)
	n, ok2 := intValue(b)
	if !ok1 || !ok2 || n <= 0 || x == 0 {
		return 0
	}
	return (x + n) / 8
}

// seqBytes is the size of a sequence that * repeats.
func seqBytes(o py.Object) (float64, bool) {
	const item = 16 // an interface value
	switch v := o.(type) {
	case py.String:
		return float64(len(v)), true
	case py.Bytes:
		return float64(len(v)), true
	case py.Tuple:
		return float64(len(v) * item), true
	case *py.List:
		return float64(len(v.Items) * item), true
	}
	return 0, false
}

// intValue is an integer operand as a float, which is exact enough to
// compare sizes and does not overflow.
func intValue(o py.Object) (float64, bool) {
	switch v := o.(type) {
	case py.Int:
		return float64(v), true
	case py.Bool:
		if v {
			return 1, true
		}
		return 0, true
	case *py.BigInt:
		f, _ := new(big.Float).SetInt((*big.Int)(v)).Float64()
		return f, true
	}
	return 0, false
}

// intBits is the bit length of an integer's magnitude.
func intBits(o py.Object) (float64, bool) {
	switch v := o.(type) {
	case py.Int:
		if v < 0 {
			v = -v
		}
		return float64(bits.Len64(uint64(v))), true
	case py.Bool:
		if v {
			return 1, true
		}
		return 0, true
	case *py.BigInt:
		return float64((*big.Int)(v).BitLen()), true
	}
	return 0, false
}
