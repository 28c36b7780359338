// Command bench times pwbconf lint against CPython on generated configs.
//
// It builds pwbconf, writes N configs in the shapes of the shared cases,
// and times, in one run on one machine: pwbconf lint over the folder;
// CPython executing the same files in one process with Pywikibot's defaults
// pre-filled (the floor for evaluating the Python at all); and CPython
// started once per file, as a CI job that loads each config with Pywikibot
// pays at the very least. It prints times, ratios, files per second, peak
// memory and how time grows with the number of files.
//
// Run it from the repository: go run ./bench [-quick] [-n 100,1000,10000].
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed pyexec.py
var pyexec []byte

// options are the benchmark's flags.
type options struct {
	sizes   []int
	jobs    int
	perFile int // the most files CPython is started for one by one; 0 means all
	single  int
	python  string
	keep    bool
	seed    uint64
}

func main() {
	o, err := parseFlags()
	if err == nil {
		err = benchmark(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func parseFlags() (*options, error) {
	o := &options{}
	sizes := flag.String("n", "100,1000,10000", "comma-separated numbers of files to time")
	quick := flag.Bool("quick", false, "time 100 and 1,000 files only")
	flag.IntVar(&o.jobs, "jobs", runtime.NumCPU(),
		"worker processes for pwbconf, and CPython processes run at once per file")
	flag.IntVar(&o.perFile, "per-file-max", 0,
		"start CPython for at most this many files and scale up; 0 means every file")
	flag.IntVar(&o.single, "single", 20, "times to lint one typical file for its latency")
	flag.StringVar(&o.python, "python", "python3", "the CPython 3 to compare with")
	flag.BoolVar(&o.keep, "keep", false, "keep the generated files and print where")
	seed := flag.Uint64("seed", 1, "seed of the config generator")
	flag.Parse()
	o.seed = *seed
	if *quick {
		*sizes = "100,1000"
	}
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("-n %q: want positive numbers", *sizes)
		}
		o.sizes = append(o.sizes, n)
	}
	slices.Sort(o.sizes)
	if o.jobs < 1 {
		return nil, fmt.Errorf("-jobs %d: want at least 1", o.jobs)
	}
	return o, nil
}

// setup is what every measurement needs.
type setup struct {
	*options
	work, bin, script, vars string
}

func benchmark(o *options) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	s := &setup{options: o, vars: filepath.Join(root, "pywikibot", "data",
		"pywikibot-config-vars.json")}
	if s.work, err = os.MkdirTemp("", "pwbconf-bench-"); err != nil {
		return err
	}
	if o.keep {
		fmt.Println("files in", s.work)
	} else {
		defer os.RemoveAll(s.work)
	}
	s.bin = filepath.Join(s.work, "pwbconf")
	build := exec.Command("go", "build", "-o", s.bin, ".")
	build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building pwbconf: %w", err)
	}
	if s.python, err = realPython(o.python); err != nil {
		return err
	}
	s.script = filepath.Join(s.work, "pyexec.py")
	if err := os.WriteFile(s.script, pyexec, 0o644); err != nil {
		return err
	}
	printMachine(s)
	typical, err := os.ReadFile(filepath.Join(root, "testdata", "cases", "01-manual-eleven",
		"user-config.py"))
	if err != nil {
		return err
	}
	lat, err := s.latency(typical)
	if err != nil {
		return err
	}
	var rows []row
	for _, n := range o.sizes {
		r, err := s.measure(n)
		if err != nil {
			return err
		}
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "bench: %d files done\n", n)
	}
	report(os.Stdout, s, lat, rows)
	return nil
}

// realPython finds the interpreter behind a name, so that per-file starts
// do not pay for a version manager's shim (pyenv's is a shell script).
func realPython(name string) (string, error) {
	out, err := exec.Command(name, "-S", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w (the benchmark needs CPython 3)", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// moduleRoot is the folder of the go.mod the benchmark belongs to.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run the benchmark from inside the pwbconf repository")
	}
	return filepath.Dir(mod), nil
}

func printMachine(s *setup) {
	py, _ := exec.Command(s.python, "--version").CombinedOutput()
	fmt.Printf("machine: %s/%s, %d CPUs, %s, %s (%s)\n", runtime.GOOS, runtime.GOARCH,
		runtime.NumCPU(), runtime.Version(), strings.TrimSpace(string(py)), s.python)
	fmt.Printf("load average at start: %s\n", loadAverage())
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// latency lints one file again and again, a process each time, and
// returns the runs sorted by wall time.
func (s *setup) latency(src []byte) ([]time.Duration, error) {
	file := filepath.Join(s.work, "typical", "user-config.py")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		return nil, err
	}
	var walls []time.Duration
	for range s.single {
		r, err := timeCommand(exec.Command(s.bin, "lint", file), false)
		if err != nil {
			return nil, err
		}
		walls = append(walls, r.wall)
	}
	slices.Sort(walls)
	return walls, nil
}

// row is what one number of files cost each contender.
type row struct {
	files         int
	lint, pyOne   run
	pyPerFile     run
	perFileScaled bool
	pyExec        time.Duration // CPython's own time inside exec, start-up excluded
	pyFailed      int
}

// measure writes n configs and times the three contenders on them.
func (s *setup) measure(n int) (row, error) {
	dir := filepath.Join(s.work, fmt.Sprintf("n%d", n))
	files, err := s.generate(dir, n)
	if err != nil {
		return row{}, err
	}
	r := row{files: n}
	lint := exec.Command(s.bin, "lint", "--jobs", strconv.Itoa(s.jobs), dir)
	if r.lint, err = timeCommand(lint, true); err != nil {
		return r, err
	}
	list := filepath.Join(s.work, fmt.Sprintf("list%d", n))
	if err := os.WriteFile(list, []byte(strings.Join(files, "\n")+"\n"), 0o644); err != nil {
		return r, err
	}
	one := exec.Command(s.python, "-S", s.script, s.vars, "@"+list)
	if r.pyOne, err = timeCommand(one, false); err != nil {
		return r, err
	}
	if f := strings.Fields(string(r.pyOne.stdout)); len(f) == 3 {
		r.pyFailed, _ = strconv.Atoi(f[1])
		secs, _ := strconv.ParseFloat(f[2], 64)
		r.pyExec = time.Duration(secs * float64(time.Second))
	}
	sample := files
	if s.perFile > 0 && len(files) > s.perFile {
		sample, r.perFileScaled = files[:s.perFile], true
	}
	r.pyPerFile, err = perFile(sample, s.jobs, func(f string) *exec.Cmd {
		return exec.Command(s.python, "-S", s.script, s.vars, f)
	})
	if r.perFileScaled {
		scale := func(d time.Duration) time.Duration { return d * time.Duration(n) / time.Duration(len(sample)) }
		r.pyPerFile.wall, r.pyPerFile.cpu = scale(r.pyPerFile.wall), scale(r.pyPerFile.cpu)
	}
	return r, err
}

// generate writes n configs under dir, each in a folder of its own as
// user-config.py, and returns their paths. The same seed gives the same
// files, so a smaller set is the start of a larger one.
func (s *setup) generate(dir string, n int) ([]string, error) {
	g := newGenerator(s.seed)
	files := make([]string, n)
	for i := range n {
		files[i] = filepath.Join(dir, fmt.Sprintf("bot%05d", i), "user-config.py")
		if err := os.MkdirAll(filepath.Dir(files[i]), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(files[i], []byte(g.config()), 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}
