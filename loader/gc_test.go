package loader

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestRelaxGCNests starts two loads and ends them out of order: the collector's target stays
// raised until the last ends, then is what it was before the first.
func TestRelaxGCNests(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: loading leaves the collector alone")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(77))
	target := func() int { // SetGCPercent returns the target it replaces
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	endFirst := relaxGC()
	endSecond := relaxGC()
	if got := target(); got != gcPercentLoading {
		t.Fatalf("while loading: GOGC %d, want %d", got, gcPercentLoading)
	}
	endFirst()
	if got := target(); got != gcPercentLoading {
		t.Fatalf("one load still running: GOGC %d, want %d", got, gcPercentLoading)
	}
	endSecond()
	if got := target(); got != 77 {
		t.Fatalf("after both: GOGC %d, want 77", got)
	}
}
