package loader

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/loader/extract"
	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// benchArticles is the size of the generated corpus by default: about 10 MB in two folders.
// DISPATCH_BENCH_ARTICLES=10000,100000 measures other sizes (100k articles are 540 MB).
const benchArticles = 2000

func benchSizes(b *testing.B) []int {
	env := os.Getenv("DISPATCH_BENCH_ARTICLES")
	if env == "" {
		return []int{benchArticles}
	}
	var sizes []int
	for _, s := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			b.Fatalf("DISPATCH_BENCH_ARTICLES=%q: want sizes like 10000,100000", env)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// generated writes n generated articles under dir, dated an hour back so the cache keeps them,
// and returns their total size.
func generated(tb testing.TB, dir string, n int) int64 {
	tb.Helper()
	total, err := corpusgen.WriteFiles(dir, n, 1)
	if err != nil {
		tb.Fatal(err)
	}
	ageFiles(tb, dir)
	return total
}

// BenchmarkLoad measures the whole of Load on a generated folder (walk, read, decode,
// sanitise, parse, extract on every core, final pass, corpus): without the cache, with an
// empty cache (which it fills), and from a full cache.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes(b) {
		dir := b.TempDir()
		total := generated(b, dir, n)
		load := func(b *testing.B, opt Options, wantCached bool) {
			var last Progress
			opt.Progress = func(p Progress) { last = p }
			c, err := Load(context.Background(), []string{dir}, opt)
			if err != nil || len(c.Articles) != n || (last.Cached == n) != wantCached {
				b.Fatalf("%v, %d articles, %d from the cache", err, len(c.Articles), last.Cached)
			}
		}
		b.Run(fmt.Sprintf("n=%d/nocache", n), func(b *testing.B) {
			b.SetBytes(total)
			for b.Loop() {
				load(b, Options{NoCache: true}, false)
			}
		})
		b.Run(fmt.Sprintf("n=%d/cold", n), func(b *testing.B) {
			b.SetBytes(total)
			for b.Loop() {
				b.StopTimer()
				cache := b.TempDir()
				runtime.GC()
				b.StartTimer()
				load(b, Options{CacheDir: cache}, false)
			}
		})
		b.Run(fmt.Sprintf("n=%d/warm", n), func(b *testing.B) {
			cache := b.TempDir()
			load(b, Options{CacheDir: cache}, false)
			b.SetBytes(total)
			b.ResetTimer()
			for b.Loop() {
				load(b, Options{CacheDir: cache}, true)
			}
		})
	}
}

// cpuTime returns the CPU time the process has used: other jobs share this machine's cores,
// so CPU time per op is steadier than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime()-since)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkParse measures parsing alone, with and without extraction, on one core from memory.
func BenchmarkParse(b *testing.B) {
	dir := b.TempDir()
	total := generated(b, dir, benchArticles)
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	var files [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(total)
		cpu := cpuTime()
		var k keeper
		for b.Loop() {
			for _, data := range files {
				if _, err := parse("id", "id.txt", data, &k); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportCPU(b, cpu)
	})
	// read is reading alone, as a worker does: open, stat, read into a reused buffer, stat
	// again to catch a change, close.
	b.Run("read", func(b *testing.B) {
		b.SetBytes(total)
		cpu := cpuTime()
		var buf []byte
		for b.Loop() {
			for _, p := range paths {
				data, err := readFile(opened{job: job{file: p, abs: p}}, MaxFileSize, buf[:0])
				if err != nil {
					b.Fatal(err)
				}
				buf = data
			}
		}
		reportCPU(b, cpu)
	})
	// read+parse is the loader's own share of a cold load: read (into a reused buffer, as a
	// worker does), decode, sanitise, parse; no extraction.
	b.Run("read+parse", func(b *testing.B) {
		b.SetBytes(total)
		cpu := cpuTime()
		var buf []byte
		var k keeper
		for b.Loop() {
			for _, p := range paths {
				j := job{file: p, abs: p}
				data, err := readFile(opened{job: j}, MaxFileSize, buf[:0])
				if err != nil {
					b.Fatal(err)
				}
				buf = data
				if _, err := parse("id", "id.txt", data, &k); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportCPU(b, cpu)
	})
	b.Run("parse+extract", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, data := range files {
				p, err := parse("id", "id.txt", data, nil)
				if err != nil {
					b.Fatal(err)
				}
				extract.Annotate(p.article)
			}
		}
	})
	b.Run("cache-decode", func(b *testing.B) {
		var bodies [][]byte
		for _, data := range files {
			p, err := parse("id", "id.txt", data, nil)
			if err != nil {
				b.Fatal(err)
			}
			extract.Annotate(p.article)
			bodies = append(bodies, appendParsed(nil, p))
		}
		b.SetBytes(total)
		b.ResetTimer()
		for b.Loop() {
			strs := map[string]string{}
			var k keeper
			for _, body := range bodies {
				if _, err := decodeParsed(body, strs, &k); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
