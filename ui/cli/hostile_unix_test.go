//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedPipeDoesNotBlock names a pipe as the corpus: dispatch says it is not a regular
// file instead of waiting for a writer forever.
func TestNamedPipeDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe"+strings.ReplaceAll(hostileText, "/", "")+".txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, errOut, code := runMain(t, "list", "--corpus", fifo)
		if code != ExitNoMatch || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("named pipe: code %d, stderr %q", code, errOut)
		}
		terminalSafe(t, "named pipe", errOut)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("dispatch list blocks on a named pipe")
	}
}
