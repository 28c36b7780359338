//go:build race

package sandbox

// raceEnabled is set in race builds, whose shadow memory counts against a
// worker's data rlimit and so turns a deep Go stack into a memory failure.
const raceEnabled = true
