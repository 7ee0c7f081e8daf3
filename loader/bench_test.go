package loader

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dispatch-news/dispatch/loader/extract"
	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// benchArticles is the size of the generated corpus: about 4 MB in two folders.
const benchArticles = 2000

func benchCorpus(b *testing.B) (dir string, files [][]byte, total int64) {
	b.Helper()
	dir = b.TempDir()
	total, err := corpusgen.WriteFiles(dir, benchArticles, 1)
	if err != nil {
		b.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	return dir, files, total
}

// BenchmarkLoad measures the whole of Load on a generated folder (walk, read, decode,
// sanitise, parse, extract on every core, final pass, corpus), and parsing alone, with and
// without extraction, on one core from memory.
func BenchmarkLoad(b *testing.B) {
	dir, files, total := benchCorpus(b)
	b.Run("pipeline", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			c, err := Load(context.Background(), []string{dir}, Options{})
			if err != nil || len(c.Articles) != benchArticles {
				b.Fatalf("%v, %d articles", err, len(c.Articles))
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, data := range files {
				if _, err := parse("id", "id.txt", data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("parse+extract", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, data := range files {
				p, err := parse("id", "id.txt", data)
				if err != nil {
					b.Fatal(err)
				}
				extract.Annotate(p.article)
			}
		}
	})
}
