// Command pwbconf lints and inspects Pywikibot user-config.py files.
package main

import (
	"os"

	"github.com/pwbconf/pwbconf/cli"
	"github.com/pwbconf/pwbconf/sandbox"
)

func main() {
	// A worker process of the sandbox is this same binary; it must become
	// one before anything else runs.
	sandbox.RunWorkerIfRequested()
	os.Exit(cli.Run(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Environ()))
}
