package loader

import (
	"os"
	"runtime/debug"
	"sync"
)

// gcPercentLoading is the garbage collector's target while files load. Loading keeps most of
// what it allocates (the texts, articles and mentions of the corpus) and throws away little,
// about 0.6 bytes for every byte kept: collecting each time the heap doubles, as Go does by
// default, marks the growing corpus again and again to free little, and took a fifth of the
// CPU time of a load of 100k articles. At 400 a load collects a few times at most; its peak
// grew by about a sixth at 100k articles.
const gcPercentLoading = 400

// relaxedGC counts the loads running, so that the first raises the collector's target and the
// last puts back what it found, whichever ends first.
var relaxedGC struct {
	sync.Mutex
	loads int
	saved int // the target before the first load
}

// relaxGC raises the collector's target for a load, unless the user set GOGC, and returns
// the function that ends it.
func relaxGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	relaxedGC.Lock()
	defer relaxedGC.Unlock()
	if relaxedGC.loads == 0 {
		relaxedGC.saved = debug.SetGCPercent(gcPercentLoading)
	}
	relaxedGC.loads++
	return func() {
		relaxedGC.Lock()
		defer relaxedGC.Unlock()
		if relaxedGC.loads--; relaxedGC.loads == 0 {
			debug.SetGCPercent(relaxedGC.saved)
		}
	}
}
