package loader

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model/search"
)

// TestLoadMemory reports the memory a loaded corpus holds, against the target of a resident
// size of at most twice the bytes of its files. It generates DISPATCH_MEM_ARTICLES articles (say
// 100000: 540 MB, minutes on two cores), so it runs only when that is set:
//
//	DISPATCH_MEM_ARTICLES=100000 go test ./loader -run TestLoadMemory -v -timeout 30m
//
// It loads the folder twice, cold (filling an empty cache) and warm (from the cache), builds
// the search index as the browser does, gives back what is free as the browser does once
// loaded, and logs for each the time, the live heap, the heap's spans and the process's
// resident memory (which includes this test's own generated data and tables).
func TestLoadMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DISPATCH_MEM_ARTICLES"))
	if n <= 0 {
		t.Skip("set DISPATCH_MEM_ARTICLES=100000 to measure")
	}
	dir := t.TempDir()
	total := generated(t, dir, n)
	opt := Options{CacheDir: t.TempDir()}
	for _, run := range []string{"cold", "warm"} {
		runtime.GC()
		debug.FreeOSMemory()
		var before runtime.MemStats // the program's own tables, and the test's
		runtime.ReadMemStats(&before)
		start := time.Now()
		var last Progress
		opt.Progress = func(p Progress) { last = p }
		c, err := Load(context.Background(), []string{dir}, opt)
		if err != nil {
			t.Fatal(err)
		}
		elapsed := time.Since(start)
		ix := search.New(c)
		if err := ix.Ready(context.Background()); err != nil {
			t.Fatal(err)
		}
		debug.FreeOSMemory()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live, inuse := ms.HeapAlloc-before.HeapAlloc, ms.HeapInuse-before.HeapInuse
		t.Logf("%s: %d articles (%d from the cache), %d MB in %v (%.0f MB/s); corpus and index: %d MB live (%.2fx), %d MB of heap spans (%.2fx); process: VmRSS %s, VmHWM %s",
			run, len(c.Articles), last.Cached, total>>20, elapsed.Round(time.Millisecond), float64(total)/1e6/elapsed.Seconds(),
			live>>20, float64(live)/float64(total), inuse>>20, float64(inuse)/float64(total),
			procStatus("VmRSS"), procStatus("VmHWM"))
		if len(c.Articles) != n {
			t.Errorf("%d articles, want %d", len(c.Articles), n)
		}
		if inuse > 2*uint64(total) {
			t.Errorf("%s: corpus and index take %d MB of heap, more than twice their %d MB of files", run, inuse>>20, total>>20)
		}
		runtime.KeepAlive(c)
		runtime.KeepAlive(ix)
	}
}

// procStatus returns a field of /proc/self/status ("123456 kB"), or "?" where there is none.
func procStatus(field string) string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "?"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if name, value, ok := strings.Cut(s.Text(), ":"); ok && name == field {
			return strings.TrimSpace(value)
		}
	}
	return "?"
}
