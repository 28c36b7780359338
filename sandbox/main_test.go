package sandbox

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

func TestMain(m *testing.M) {
	evaluate = misbehave
	RunWorkerIfRequested()
	os.Exit(m.Run())
}

// fakePrefix starts a file that makes a test worker misbehave on purpose
// instead of evaluating it, so that each way of dying can be tested without
// depending on what the evaluator can or cannot stop.
const fakePrefix = "#fake:"

// misbehave is the evaluator of test workers.
func misbehave(file string, src []byte, opts parser.Options) *model.Config {
	what, ok := bytes.CutPrefix(src, []byte(fakePrefix))
	if !ok {
		return parser.Evaluate(file, src, opts)
	}
	opts.Line.Store(7)
	switch strings.TrimSpace(string(what)) {
	case "spin":
		for {
		}
	case "grow":
		var keep [][]byte
		for {
			keep = append(keep, make([]byte, 1<<20))
		}
	case "huge":
		b := make([]byte, 16<<30)
		b[len(b)-1] = 1
		return &model.Config{File: fmt.Sprint(b[len(b)-1])}
	case "recurse":
		return &model.Config{File: fmt.Sprint(deep(0))}
	case "panic":
		panic("deliberate")
	case "exit":
		fmt.Fprintln(os.Stderr, "going away")
		os.Exit(2)
	case "noise":
		// What a careless library might do: print, and read stdin.
		fmt.Println("noise on stdout")
		os.Stdout.Write([]byte{0, 0, 0, 9})
		var buf [64]byte
		n, _ := os.Stdin.Read(buf[:])
		return &model.Config{File: file, Output: fmt.Sprintf("read %d bytes", n)}
	case "pid":
		return &model.Config{File: file, Output: fmt.Sprint(os.Getpid())}
	case "cpu":
		// Burn CPU on every core, so that CPU time runs ahead of the clock.
		for range runtime.NumCPU() {
			go func() {
				for {
				}
			}()
		}
		time.Sleep(time.Hour)
	}
	panic("unknown fake: " + string(what))
}

// deep recurses without end; the array makes each frame large.
func deep(n int) int {
	var pad [256]byte
	pad[n%256] = byte(n)
	return deep(n+1) + int(pad[0])
}
