package search

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// Generated corpora and their indexes, made once per size and shared by the benchmarks of a
// run: generating a million articles takes seconds.
var (
	benchMu      sync.Mutex
	benchCorpora = map[int]*model.Corpus{}
	benchIndexes = map[int]*Index{}
)

func benchCorpus(n int) *model.Corpus {
	benchMu.Lock()
	defer benchMu.Unlock()
	if c, ok := benchCorpora[n]; ok {
		return c
	}
	c := corpusgen.Corpus(n, 1)
	benchCorpora[n] = c
	return c
}

func benchIndex(b *testing.B, n int) *Index {
	c := benchCorpus(n)
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndexes[n]; ok {
		return ix
	}
	b.StopTimer()
	ix := New(c)
	ix.Ready(context.Background())
	benchIndexes[n] = ix
	b.StartTimer()
	return ix
}

// cpuTime returns the CPU time the process has used. Other processes share this machine's
// cores, so wall time swings; CPU time per op does not, and on idle cores the wall time of a
// search spread over them is about CPU time / cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime()-since)/float64(b.N)/1e6, "cpu-ms/op")
}

var benchSizes = []int{10_000, 100_000, 1_000_000}

func sizeName(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1000)
}

// Keystrokes of queries as typed: Cyrillic and Latin, short and long, hits and misses.
var keystrokes = []string{"к", "ко", "кош", "кошербаев", "k", "ko", "kosh", "kosherbayev",
	"zzzq", "франция", "France", "кошербаевым", "person:Токаев since:2025-11 АЭС"}

// BenchmarkNew measures New (titles, entities, sources: searchable) and New until the body
// word index is Ready.
func BenchmarkNew(b *testing.B) {
	for _, n := range benchSizes {
		c := benchCorpus(n)
		b.Run(sizeName(n), func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				ix := New(c)
				b.StopTimer()
				ix.Ready(context.Background()) // not counted, but not left running either
				b.StartTimer()
			}
			reportCPU(b, cpu) // includes the body index: see Ready
		})
		b.Run(sizeName(n)+"/Ready", func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				New(c).Ready(context.Background())
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkIndexMemory reports the heap the index of 100k articles holds, per article.
func BenchmarkIndexMemory(b *testing.B) {
	c := benchCorpus(100_000)
	var ix *Index
	for b.Loop() {
		var before, after runtime.MemStats
		ix = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix = New(c)
		ix.Ready(context.Background())
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(len(c.Articles)), "B/article")
		var text int64
		for _, a := range c.Articles {
			text += a.Size
		}
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(text)*100, "%of-text")
	}
	runtime.KeepAlive(ix)
}

func benchKeystrokes(b *testing.B, opt Options) {
	for _, n := range benchSizes {
		for _, q := range keystrokes {
			b.Run(sizeName(n)+"/"+q, func(b *testing.B) {
				ix := benchIndex(b, n)
				ctx := context.Background()
				cpu := cpuTime()
				for b.Loop() {
					if _, err := ix.Search(ctx, q, opt); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu)
			})
		}
	}
}

// BenchmarkSearch is the full search: every hit ranked and counted.
func BenchmarkSearch(b *testing.B) { benchKeystrokes(b, Options{}) }

// BenchmarkSearchTop50 is the full ranking cut to a screen of 50.
func BenchmarkSearchTop50(b *testing.B) { benchKeystrokes(b, Options{Limit: 50}) }

// BenchmarkFirstScreen is the first screen: 50 of the newest matches.
func BenchmarkFirstScreen(b *testing.B) { benchKeystrokes(b, Options{Limit: 50, FirstScreen: true}) }

// BenchmarkBodyWord searches article bodies through the word index (no entity or title has
// these words).
func BenchmarkBodyWord(b *testing.B) {
	for _, q := range []string{"нейтральности", "нейтральность", "углеродн", "референдуме"} {
		b.Run("100k/"+q, func(b *testing.B) {
			ix := benchIndex(b, 100_000)
			cpu := cpuTime()
			for b.Loop() {
				ix.Search(context.Background(), q, Options{Scope: Articles})
			}
			reportCPU(b, cpu)
		})
	}
}

// BenchmarkTyping types queries letter by letter through a Searcher, as the search box does;
// ns/op is per keystroke.
func BenchmarkTyping(b *testing.B) {
	for _, n := range benchSizes {
		for _, typed := range []string{"кошербаев", "kosherbayev", "франция"} {
			b.Run(sizeName(n)+"/"+typed, func(b *testing.B) {
				ix := benchIndex(b, n)
				letters := []rune(typed)
				cpu := cpuTime()
				keys := 0
				for b.Loop() {
					s := ix.NewSearcher()
					for i := range letters {
						s.Search(context.Background(), string(letters[:i+1]), Options{Limit: 50})
						keys++
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(keys)/1e6, "ms/key")
				reportCPU(b, cpu)
			})
		}
	}
}
