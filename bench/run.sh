#!/bin/sh
# Times pwbconf lint against CPython; see bench/main.go. Arguments go to it:
# bench/run.sh -quick, bench/run.sh -n 100,1000,10000.
cd "$(dirname "$0")/.." && exec go run ./bench "$@"
