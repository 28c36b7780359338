package sandbox

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/internal/sharedcase"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/parser"
)

// asJSON is how models are compared: it is what crosses from a worker.
func asJSON(t testing.TB, cfg *model.Config) string {
	t.Helper()
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkGood evaluates case 01 in e, a pool or a turn, and in process, and
// wants the same model.
func checkGood(t *testing.T, e interface {
	Evaluate(string, []byte, Env) *model.Config
}) {
	t.Helper()
	file, src := sharedcase.Read(t, "01")
	want := asJSON(t, parser.Evaluate(file, src, parser.Options{}))
	if diff := cmp.Diff(want, asJSON(t, e.Evaluate(file, src, Env{}))); diff != "" {
		t.Errorf("good file after a hostile one (-in process +pool):\n%s", diff)
	}
}

// stopped returns the error diagnostic of cfg with code, or fails.
func stopped(t *testing.T, cfg *model.Config, code string) diag.Diagnostic {
	t.Helper()
	for _, d := range cfg.Diagnostics {
		if d.Code == code && d.Severity == diag.Error {
			return d
		}
	}
	t.Errorf("no %s error in %+v", code, cfg.Diagnostics)
	return diag.Diagnostic{}
}

func TestHostileCases(t *testing.T) {
	p := NewPool(1, Limits{})
	defer p.Close()
	hostname, _ := os.ReadFile("/etc/hostname")
	tests := []struct {
		num   string
		code  string
		lines []int
	}{
		{"25", diag.CodeTimeLimit, []int{4, 5}},
		{"26", diag.CodeMemoryLimit, []int{3}},
		{"27", diag.CodeRefused, []int{3}},
		{"28", diag.CodeRefused, []int{4}},
		{"29", diag.CodeRecursionLimit, []int{2, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.num, func(t *testing.T) {
			os.Remove("/tmp/pwned-by-config")
			file, src := sharedcase.Read(t, tt.num)
			start := time.Now()
			cfg := p.Evaluate(file, src, Env{})
			took := time.Since(start)
			t.Logf("case %s: %v, %+v", tt.num, took.Round(time.Millisecond), cfg.Diagnostics)
			d := stopped(t, cfg, tt.code)
			if !slices.Contains(tt.lines, d.Line) {
				t.Errorf("stopped at line %d, want one of %v", d.Line, tt.lines)
			}
			if took > 5*time.Second {
				t.Errorf("took %v", took)
			}
			if h := strings.TrimSpace(string(hostname)); h != "" &&
				strings.Contains(asJSON(t, cfg), h) {
				t.Errorf("the host name %q is in the model", h)
			}
			if _, err := os.Stat("/tmp/pwned-by-config"); err == nil {
				t.Error("a command ran")
			}
			if rss := selfRSS(t); rss > 200<<20 {
				t.Errorf("test process holds %d MiB", rss>>20)
			}
			checkGood(t, p)
		})
	}
}

func TestDeaths(t *testing.T) {
	// Only spin is about time. The others get a limit no loaded machine
	// reaches, so that their own way of dying is what is seen.
	short := NewPool(1, Limits{Timeout: 500 * time.Millisecond})
	defer short.Close()
	long := NewPool(1, Limits{Timeout: time.Minute})
	defer long.Close()
	tests := []struct{ fake, code, text string }{
		{"spin", diag.CodeTimeLimit, "time limit of 500ms"},
		{"grow", diag.CodeMemoryLimit, "memory limit of 64 MiB"},
		{"huge", diag.CodeMemoryLimit, "memory limit"},
		{"recurse", diag.CodeRecursionLimit, "recursion"},
		{"panic", diag.CodeInternal, "deliberate"},
		{"exit", diag.CodeInternal, "going away"},
	}
	for _, tt := range tests {
		t.Run(tt.fake, func(t *testing.T) {
			if raceEnabled && tt.fake == "recurse" {
				tt.code, tt.text = diag.CodeMemoryLimit, "memory limit"
			}
			p := long
			if tt.fake == "spin" {
				p = short
			}
			src := fakePrefix + tt.fake
			start := time.Now()
			cfg := p.Evaluate("x.py", []byte(src), Env{})
			t.Logf("%s: %v, %+v", tt.fake, time.Since(start).Round(time.Millisecond), cfg.Diagnostics)
			d := stopped(t, cfg, tt.code)
			if d.Line != 7 || !strings.Contains(d.Message, tt.text) {
				t.Errorf("got line %d %q, want line 7 and %q", d.Line, d.Message, tt.text)
			}
			start = time.Now()
			checkGood(t, p)
			t.Logf("next file after %s: %v", tt.fake, time.Since(start).Round(time.Millisecond))
		})
	}
}

// TestStrayIO checks that output and input outside the protocol cannot
// corrupt it.
func TestStrayIO(t *testing.T) {
	p := NewPool(1, Limits{})
	defer p.Close()
	cfg := p.Evaluate("x.py", []byte(fakePrefix+"noise"), Env{})
	if cfg.Output != "read 0 bytes" || len(cfg.Diagnostics) != 0 {
		t.Errorf("got %+v", cfg)
	}
	// The interpreter prints a note of its own to stdout for every class.
	cfg = p.Evaluate("class.py", []byte("class A:\n    pass\nfamily = 'wikipedia'\n"), Env{})
	if f, _ := cfg.Str("family"); f != "wikipedia" {
		t.Errorf("family = %q; %+v", f, cfg.Diagnostics)
	}
	checkGood(t, p)
}

func TestCPULimit(t *testing.T) {
	p := NewPool(1, Limits{Timeout: 200 * time.Millisecond})
	defer p.Close()
	// The wall-clock limit comes first, as it should; the CPU rlimit is
	// only a backstop for a worker whose parent is gone.
	cfg := p.Evaluate("x.py", []byte(fakePrefix+"cpu"), Env{})
	stopped(t, cfg, diag.CodeTimeLimit)
	checkGood(t, p)
}

// TestFilesPerWorker checks that a file cannot change how the next one
// evaluates when each file gets a fresh worker.
func TestFilesPerWorker(t *testing.T) {
	for _, n := range []int{0, 1} {
		p := NewPool(1, Limits{FilesPerWorker: n})
		pids := make(map[string]bool)
		for range 3 {
			pids[p.Evaluate("pid.py", []byte(fakePrefix+"pid"), Env{}).Output] = true
		}
		if want := map[int]int{0: 1, 1: 3}[n]; len(pids) != want {
			t.Errorf("FilesPerWorker %d: %d workers, want %d", n, len(pids), want)
		}
		p.Close()
	}
	p := NewPool(1, Limits{FilesPerWorker: 1})
	defer p.Close()
	p.Evaluate("a.py", []byte("str.upper = lambda s: 'changed'\n"), Env{})
	cfg := p.Evaluate("b.py", []byte("x = 'a'.upper()\n"), Env{})
	if x, _ := cfg.Str("x"); x != "A" {
		t.Errorf("x = %q, want %q; %+v", x, "A", cfg.Diagnostics)
	}
}

func TestTooLarge(t *testing.T) {
	p := NewPool(1, Limits{MaxFileBytes: 1 << 20})
	defer p.Close()
	src := make([]byte, 50<<20)
	cfg := p.Evaluate("big.py", src, Env{})
	d := stopped(t, cfg, diag.CodeRefused)
	if want := "file is 50 MiB, over the 1 MiB size limit"; !strings.Contains(d.Message, want) {
		t.Errorf("message %q, want %q", d.Message, want)
	}
	if kids := children(t); len(kids) != 0 {
		t.Errorf("a worker was started for a refused file: %v", kids)
	}
}

// TestConcurrent runs the cases through a small pool from many goroutines
// and wants what in-process evaluation gives; the hostile files among them
// must not disturb the others.
func TestConcurrent(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join(sharedcase.Dir, "*", "user-config.py"))
	type file struct {
		name, want string
		src        []byte
	}
	var good []file
	for _, name := range names {
		if strings.Contains(name, "hostile") {
			continue
		}
		src, _ := os.ReadFile(name)
		good = append(good, file{name, asJSON(t, parser.Evaluate(name, src, parser.Options{})), src})
	}
	endless, loop := sharedcase.Read(t, "25")
	hostile := []file{{name: "spin.py", src: []byte(fakePrefix + "spin")}, {endless, "", loop}}

	p := NewPool(2, Limits{Timeout: 500 * time.Millisecond})
	defer p.Close()
	const runs, goroutines = 200, 8
	var wg sync.WaitGroup
	start := time.Now()
	for g := range goroutines {
		wg.Go(func() {
			for i := g; i < runs; i += goroutines {
				if i%50 == 7 {
					f := hostile[i/50%len(hostile)]
					stopped(t, p.Evaluate(f.name, f.src, Env{}), diag.CodeTimeLimit)
					continue
				}
				f := good[i%len(good)]
				if diff := cmp.Diff(f.want, asJSON(t, p.Evaluate(f.name, f.src, Env{}))); diff != "" {
					t.Errorf("%s (-in process +pool):\n%s", f.name, diff)
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d evaluations in %v", runs, time.Since(start).Round(time.Millisecond))
}

// TestClose checks that Close leaves no process, descriptor, mapping or
// file behind.
func TestClose(t *testing.T) {
	pattern := filepath.Join(os.TempDir(), "*pwbconf*")
	tmp, _ := filepath.Glob(pattern)
	fds := openFDs(t)
	p := NewPool(2, Limits{})
	file, src := sharedcase.Read(t, "01")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { p.Evaluate(file, src, Env{}) })
	}
	wg.Wait()
	if kids := children(t); len(kids) != 2 {
		t.Errorf("%d workers running, want 2", len(kids))
	}
	p.Close()
	if kids := children(t); len(kids) != 0 {
		t.Errorf("processes left after Close: %v", kids)
	}
	if after := openFDs(t); after != fds {
		t.Errorf("%d descriptors open before, %d after", fds, after)
	}
	maps, _ := os.ReadFile("/proc/self/maps")
	if strings.Contains(string(maps), "pwbconf") {
		t.Error("a shared page is still mapped")
	}
	if after, _ := filepath.Glob(pattern); !slices.Equal(after, tmp) {
		t.Errorf("files left: %v, before: %v", after, tmp)
	}
	stopped(t, p.Evaluate(file, src, Env{}), diag.CodeInternal)
}

// openFDs counts this process's open descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(fds)
}

// children lists the processes whose parent is this one, zombies included.
func children(t *testing.T) []int {
	t.Helper()
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var kids []int
	for _, name := range stats {
		b, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		// The fields after the command name, which is in parentheses.
		fields := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
		if ppid, _ := strconv.Atoi(fields[1]); ppid == os.Getpid() {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(name)))
			kids = append(kids, pid)
		}
	}
	return kids
}

// selfRSS returns this process's resident memory.
func selfRSS(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := strconv.ParseInt(strings.Fields(string(b))[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

// TestTurn checks that a turn holds its worker until it is used or
// released, that a released turn's worker goes to the next one, and that
// a turn evaluates one file.
func TestTurn(t *testing.T) {
	p := NewPool(1, Limits{})
	defer p.Close()
	first := p.Take()
	got := make(chan *Turn)
	go func() { got <- p.Take() }()
	select {
	case <-got:
		t.Fatal("a second turn was granted while the only worker was held")
	case <-time.After(50 * time.Millisecond):
	}
	first.Release()
	first.Release() // a second release gives nothing back
	second := <-got
	checkGood(t, second)
	if len(p.slots) != 1 {
		t.Fatalf("%d workers free after the turns, want 1", len(p.slots))
	}
	defer func() {
		if recover() == nil {
			t.Error("a turn evaluated a second file")
		}
	}()
	second.Evaluate("x.py", []byte("x = 1\n"), Env{})
}

// TestTurnClosed checks that a turn taken from a closed pool reports it.
func TestTurnClosed(t *testing.T) {
	p := NewPool(1, Limits{})
	p.Close()
	turn := p.Take()
	stopped(t, turn.Evaluate("x.py", []byte("x = 1\n"), Env{}), diag.CodeInternal)
	turn.Release()
}
