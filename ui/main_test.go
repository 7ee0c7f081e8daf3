package ui

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps the tests' reading state out of the user's state folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dispatch-ui-state-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("DISPATCH_STATE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
