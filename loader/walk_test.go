package loader

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestLoadFileReachedTwice reaches one article by several ways at once: a link to its folder
// walked before or after the folder itself, the folder given as well as a file in it, and the
// same folder given twice. Each way loads it once, under the path it was first reached by.
func TestLoadFileReachedTwice(t *testing.T) {
	dir := t.TempDir()
	article := write(t, dir, "news/article.txt", []byte(sampleArticle))
	write(t, dir, "news/other.txt", []byte(sampleArticle))
	for _, link := range []string{"0-before", "z-after"} {
		if err := os.Symlink(filepath.Join(dir, "news"), filepath.Join(dir, link)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	for _, tc := range []struct {
		paths []string
		want  []string // the articles' files, relative to dir
	}{
		{[]string{dir}, []string{"0-before/article.txt", "0-before/other.txt"}},
		{[]string{filepath.Join(dir, "news"), filepath.Join(dir, "z-after")}, []string{"news/article.txt", "news/other.txt"}},
		{[]string{article, filepath.Join(dir, "news")}, []string{"news/article.txt", "news/other.txt"}},
		{[]string{filepath.Join(dir, "news"), filepath.Join(dir, "news")}, []string{"news/article.txt", "news/other.txt"}},
	} {
		c := loadDir(t, Options{NoCache: true}, tc.paths...)
		var files []string
		for _, a := range c.Articles {
			rel, _ := filepath.Rel(dir, a.File)
			files = append(files, filepath.ToSlash(rel))
		}
		slices.Sort(files)
		if !slices.Equal(files, tc.want) {
			t.Errorf("Load(%q): files %q, want %q", tc.paths, files, tc.want)
		}
	}
}

// TestJoinPrefix checks joinPrefix against filepath.Join on folder paths as users type them.
func TestJoinPrefix(t *testing.T) {
	for _, dir := range []string{".", "./", "..", "/", "//", "news", "news/", "./news//2024/",
		"a/../b", "/tmp/x/..", "../архив", "a/./b/."} {
		for _, name := range []string{"статья.txt", "_", "...", ".hidden", "a b.txt", "..txt"} {
			if got, want := joinPrefix(dir)+name, filepath.Join(dir, name); got != want {
				t.Errorf("joinPrefix(%q) + %q = %q, filepath.Join gives %q", dir, name, got, want)
			}
		}
	}
}

// BenchmarkWalk measures the walker alone, reading folders and sending a job a file, on a
// folder of 20,000 files (empty: nothing reads them) in 20 folders.
func BenchmarkWalk(b *testing.B) {
	const folders, files = 20, 20_000
	dir := b.TempDir()
	for i := range files {
		folder := filepath.Join(dir, fmt.Sprintf("%02d", i%folders))
		if err := os.MkdirAll(folder, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, fmt.Sprintf("article-%05d.txt", i)), nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	roots, err := checkRoots([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		jobs := make(chan job, 64)
		w := &walker{ctx: context.Background(), jobs: jobs}
		go func() {
			defer close(jobs)
			w.walkRoots(roots)
		}()
		sent := 0
		for range jobs {
			sent++
		}
		if sent != files {
			b.Fatalf("%d files sent, want %d", sent, files)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*files), "ns/file")
}

// TestRunAheadHoldsWhatIsNotTaken sends jobs that nobody takes yet: none of the sends waits,
// and they come out later in order, then the end.
func TestRunAheadHoldsWhatIsNotTaken(t *testing.T) {
	in, out := make(chan job), make(chan job)
	go runAhead(context.Background(), in, out)
	const n = 10000
	sent := make(chan struct{})
	go func() {
		for i := range n {
			in <- job{file: fmt.Sprint(i)}
		}
		close(in)
		close(sent)
	}()
	select {
	case <-sent:
	case <-time.After(10 * time.Second):
		t.Fatal("the sends wait for the jobs to be taken")
	}
	for i := range n {
		if j := <-out; j.file != fmt.Sprint(i) {
			t.Fatalf("job %d is %q", i, j.file)
		}
	}
	if j, ok := <-out; ok {
		t.Fatalf("after the last job, %q", j.file)
	}
}

// TestRunAheadStopsWhenCancelled: a cancelled load's queue ends, held jobs dropped.
func TestRunAheadStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in, out := make(chan job), make(chan job)
	go runAhead(ctx, in, out)
	in <- job{file: "held"}
	cancel()
	for range out { // ends once runAhead sees the cancel; a job may still come out first
	}
}

// TestLoadReportsCounted checks that the last report is final: Counted, and every file found
// done.
func TestLoadReportsCounted(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		write(t, dir, fmt.Sprintf("%02d/a.txt", i), []byte(sampleArticle))
	}
	var last Progress
	loadDir(t, Options{Progress: func(p Progress) { last = p }}, dir)
	if !last.Counted || last.Done != 50 || last.Total != 50 {
		t.Errorf("last report %+v, want Counted with 50 of 50", last)
	}
}
