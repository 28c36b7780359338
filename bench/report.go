package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// Targets the figures are held to.
const (
	targetLatency    = 20 * time.Millisecond
	targetVsOne      = 3.0  // lint within this many times CPython in one process
	targetVsPerFile  = 20.0 // lint at least this many times faster than CPython per file
	targetMemory     = 100 << 20
	targetLinearSlop = 1.25 // time per file may grow this much from 1,000 files up
)

func report(w io.Writer, s *setup, lat []time.Duration, rows []row) {
	fmt.Fprintf(w, "load average at end: %s\n\n", loadAverage())
	fmt.Fprintf(w, "one typical file (case 01), process start included, %d runs: "+
		"median %s, fastest %s\n\n", len(lat), ms(lat[len(lat)/2]), ms(lat[0]))
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "files\tpwbconf lint\tfiles/s\tCPU\tCPython 1 process\tCPU\t"+
		"CPython per file\tCPU\tlint/1 process\tper file/lint\t")
	for _, r := range rows {
		scaled := ""
		if r.perFileScaled {
			scaled = " (scaled)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%.0f\t%s\t%s\t%s\t%s%s\t%s\t%.2fx\t%.1fx\t\n", r.files,
			secs(r.lint.wall), float64(r.files)/r.lint.wall.Seconds(), secs(r.lint.cpu),
			secs(r.pyOne.wall), secs(r.pyOne.cpu), secs(r.pyPerFile.wall), scaled,
			secs(r.pyPerFile.cpu), ratio(r.lint.wall, r.pyOne.wall),
			ratio(r.pyPerFile.wall, r.lint.wall))
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "files\tlint max RSS\tparent peak\tlargest worker\tworkers' sum\tworkers\t"+
		"CPython 1 process\tCPython per file\tCPython exec only\t")
	for _, r := range rows {
		t := r.lint.tree
		if t == nil {
			t = &treeMemory{}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t\n", r.files, mb(r.lint.maxRSS),
			mb(t.parentPeak), mb(t.childPeak), mb(t.childSumPeak), t.children,
			mb(r.pyOne.maxRSS), mb(r.pyPerFile.maxRSS), secs(r.pyExec))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nlint runs with --jobs %d; CPython per file runs %d processes at once.\n"+
		"Max RSS is the kernel's peak of the process or of its largest child (what\n"+
		"/usr/bin/time -v reports); parent peak and workers come from /proc while it runs.\n",
		s.jobs, s.jobs)
	for _, r := range rows {
		if r.pyFailed > 0 {
			fmt.Fprintf(w, "CPython raised on %d of %d files (they stop early, as in Pywikibot).\n",
				r.pyFailed, r.files)
		}
	}
	fmt.Fprintln(w)
	targets(w, lat, rows)
}

func targets(w io.Writer, lat []time.Duration, rows []row) {
	check := func(ok bool, format string, args ...any) {
		verdict := "met   "
		if !ok {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "%s "+format+"\n", append([]any{verdict}, args...)...)
	}
	med := lat[len(lat)/2]
	check(med < targetLatency, "one typical file in %s (target under %s)", ms(med), ms(targetLatency))
	for _, r := range rows {
		if r.files < 1000 {
			continue
		}
		one := ratio(r.lint.wall, r.pyOne.wall)
		check(one <= targetVsOne, "%d files: lint takes %.2fx CPython in one process (target %.0fx)",
			r.files, one, targetVsOne)
		pf := ratio(r.pyPerFile.wall, r.lint.wall)
		check(pf >= targetVsPerFile, "%d files: lint is %.1fx faster than CPython per file "+
			"(target %.0fx)", r.files, pf, targetVsPerFile)
	}
	last := rows[len(rows)-1]
	if t := last.lint.tree; t != nil {
		check(t.parentPeak < targetMemory, "%d files: parent peaks at %s (target under %s); "+
			"workers at %s each, %s together", last.files, mb(t.parentPeak), mb(targetMemory),
			mb(t.childPeak), mb(t.childSumPeak))
	} else {
		check(last.lint.maxRSS < targetMemory, "%d files: peak %s, parent and workers "+
			"not told apart (target under %s)", last.files, mb(last.lint.maxRSS), mb(targetMemory))
	}
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		growth := perFileTime(b) / perFileTime(a)
		if a.files < 1000 {
			fmt.Fprintf(w, "       %d to %d files: time per file x%.2f (start-up weighs on "+
				"small runs)\n", a.files, b.files, growth)
			continue
		}
		check(growth <= targetLinearSlop, "%d to %d files: time per file x%.2f (linear is 1)",
			a.files, b.files, growth)
	}
}

func perFileTime(r row) float64 { return r.lint.wall.Seconds() / float64(r.files) }

func ratio(a, b time.Duration) float64 { return a.Seconds() / b.Seconds() }

func secs(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }

func mb(n int64) string { return fmt.Sprintf("%.1fMB", float64(n)/(1<<20)) }
