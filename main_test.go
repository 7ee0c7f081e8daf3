package main

import (
	"fmt"
	"os"
	"testing"
)

// TestMain keeps the state of the browsers the tests drive out of the user's state folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dispatch-e2e-state-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("DISPATCH_STATE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// testStateDir is a state folder of the test's own, so where one test left the browser is not
// where the next one starts. It is removed with the tests' folder (TestMain), not with the
// test: a browser killed at the test's end may still be saving.
func testStateDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(os.Getenv("DISPATCH_STATE_DIR"), "test-")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
