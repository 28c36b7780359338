package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// run is what one timed command cost.
type run struct {
	wall time.Duration
	cpu  time.Duration // user and system time, waited-for children included
	// maxRSS is the kernel's peak resident set of the process and of its
	// largest waited-for descendant, whichever is larger, in bytes: what
	// /usr/bin/time -v reports as "Maximum resident set size".
	maxRSS int64
	tree   *treeMemory // nil unless the tree was sampled
	stdout []byte
}

// treeMemory is the memory of a process and its children, sampled from
// /proc while it runs.
type treeMemory struct {
	parentPeak   int64 // the parent's own high-water mark
	childPeak    int64 // the largest high-water mark of one child
	childSumPeak int64 // the largest sum of the children's resident sets at one moment
	children     int   // how many child processes were seen
}

// timeCommand runs cmd to its end and measures it; a non-zero exit status
// is not an error, since lint exits 1 on findings.
func timeCommand(cmd *exec.Cmd, sampleTree bool) (run, error) {
	var out bytes.Buffer
	if cmd.Stdout == nil {
		cmd.Stdout = &out
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return run{}, err
	}
	var tree *treeMemory
	var wg sync.WaitGroup
	stop := make(chan struct{})
	if sampleTree && procAvailable() {
		tree = &treeMemory{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sampleMemory(cmd.Process.Pid, tree, stop)
		}()
	}
	err := cmd.Wait()
	r := run{wall: time.Since(start), tree: tree, stdout: out.Bytes()}
	close(stop)
	wg.Wait()
	if cmd.ProcessState == nil {
		return r, err
	}
	if code := cmd.ProcessState.ExitCode(); code < 0 || code > 1 {
		return r, fmt.Errorf("%s: exit status %d: %s", cmd.Path, code, lastLines(stderr.String()))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		r.maxRSS = ru.Maxrss << 10 // Linux counts kilobytes
	}
	return r, nil
}

func lastLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-5):], "\n")
}

func procAvailable() bool {
	_, err := os.Stat("/proc/self/status")
	return err == nil
}

// sampleMemory reads the memory of pid and of its children every few
// milliseconds until stop is closed. A child's high-water mark is read
// while it lives, so one that lives less than a sampling interval may be
// missed; the pool's workers live as long as the run.
func sampleMemory(pid int, tree *treeMemory, stop <-chan struct{}) {
	seen := map[int]bool{}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if hwm, _ := statusBytes(pid); hwm > 0 {
			tree.parentPeak = max(tree.parentPeak, hwm)
		}
		var sum int64
		for _, child := range children(pid) {
			hwm, rss := statusBytes(child)
			if hwm == 0 {
				continue
			}
			seen[child] = true
			tree.childPeak = max(tree.childPeak, hwm)
			sum += rss
		}
		tree.childSumPeak = max(tree.childSumPeak, sum)
		tree.children = len(seen)
		select {
		case <-stop:
			return
		case <-tick.C:
		}
	}
}

// children lists the child processes of pid.
func children(pid int) []int {
	var out []int
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	for _, t := range tasks {
		b, _ := os.ReadFile(t)
		for _, f := range strings.Fields(string(b)) {
			if n, err := strconv.Atoi(f); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

// statusBytes returns the high-water mark and the current resident set of
// a process, or zeros when it is gone.
func statusBytes(pid int) (hwm, rss int64) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		name, value, ok := strings.Cut(s.Text(), ":")
		if !ok {
			continue
		}
		var dst *int64
		switch name {
		case "VmHWM":
			dst = &hwm
		case "VmRSS":
			dst = &rss
		default:
			continue
		}
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		*dst = kb << 10
	}
	return hwm, rss
}

// perFile runs one command per file, jobs at a time, and sums what they
// cost; the peak is the largest of any one run.
func perFile(files []string, jobs int, command func(file string) *exec.Cmd) (run, error) {
	start := time.Now()
	var (
		mu    sync.Mutex
		total run
		first error
		wg    sync.WaitGroup
	)
	next := make(chan string)
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				r, err := timeCommand(command(f), false)
				mu.Lock()
				total.cpu += r.cpu
				total.maxRSS = max(total.maxRSS, r.maxRSS)
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	total.wall = time.Since(start)
	return total, first
}
