// Command pwbconf lints and inspects Pywikibot user-config.py files.
package main

import (
	"os"
	"runtime/debug"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/sandbox"
)

func main() {
	// A worker process of the sandbox is this same binary; it must become
	// one before anything else runs.
	sandbox.RunWorkerIfRequested()
	// The command keeps little alive at once (lint forgets each file once
	// its findings are printed), so a few megabytes more between
	// collections buy back most of their time.
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
	os.Exit(cli.Run(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Environ()))
}
