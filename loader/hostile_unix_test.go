//go:build unix

package loader

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model"
)

// TestLoadNamedPipeDoesNotBlock gives Load a named pipe, in a folder and by name: opening one
// waits for a writer, so it must be skipped unopened.
func TestLoadNamedPipeDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", []byte(sampleArticle))
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan *model.Corpus)
	go func() {
		c, err := Load(context.Background(), []string{dir, fifo}, Options{})
		if err != nil {
			t.Error(err)
		}
		done <- c
	}()
	select {
	case c := <-done:
		if c != nil {
			checkSkips(t, c, map[string]string{"pipe.txt": "not a regular file"}, "good")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocks on a named pipe")
	}
}
