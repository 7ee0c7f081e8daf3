package cli

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps the tests' caches out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dispatch-cli-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("DISPATCH_CACHE_DIR", dir)
	os.Setenv("DISPATCH_STATE_DIR", dir) // and their reading state out of the user's
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
