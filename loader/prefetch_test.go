package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
)

// Files opened ahead of the workers must be closed when a load is cancelled: a browser that
// reloads its folders would otherwise leak descriptors until it could open no more.
func TestLoadCancelledClosesFiles(t *testing.T) {
	if _, err := os.ReadDir("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd to count open files")
	}
	dir := t.TempDir()
	for i := range 2000 {
		write(t, dir, fmt.Sprintf("%02d/%04d.txt", i/100, i), []byte(sampleArticle))
	}
	before := openFiles(t)
	for range 5 {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Load(ctx, []string{dir}, Options{Workers: 2, NoCache: true, Progress: func(Progress) { cancel() }})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	}
	if after := openFiles(t); after != before {
		t.Errorf("%d files open after cancelled loads, %d before", after, before)
	}
}

func openFiles(t *testing.T) int {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(fds)
}
