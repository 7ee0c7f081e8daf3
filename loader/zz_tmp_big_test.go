package loader

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestTmpBig(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(" date 2025-11-03 Большая статья\n\n")
	para := strings.Repeat("Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом Франции Эммануэлем Макроном. ", 8) + "\n\n"
	for b.Len() < 60<<20 {
		b.WriteString(para)
	}
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte(b.String()), 0o644)
	b.Reset()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	peak := uint64(0)
	done := make(chan bool)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
	}()
	c, err := Load(context.Background(), []string{dir}, Options{})
	close(done)
	runtime.ReadMemStats(&after)
	t.Logf("err %v, %d articles, skipped %v, %v, alloc %d MiB, peak heap %d MiB", err, len(c.Articles), c.Skipped, time.Since(start), (after.TotalAlloc-before.TotalAlloc)>>20, peak>>20)
}
