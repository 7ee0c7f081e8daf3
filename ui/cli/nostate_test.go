package cli

import (
	"errors"
	"testing"
)

func TestNoStateFlag(t *testing.T) {
	a, err := parseArgs([]string{"--no-state", "articles"})
	if err != nil {
		t.Fatal(err)
	}
	if !a.noState || a.command != "" || len(a.paths) != 1 || a.paths[0] != "articles" {
		t.Fatalf("--no-state articles parsed as %+v", a)
	}
	if a, _ := parseArgs([]string{"articles"}); a.noState {
		t.Fatal("the reading state is off without --no-state")
	}
	if _, err := parseArgs([]string{"--no-state=yes"}); !errors.Is(err, errUsage) {
		t.Fatalf("--no-state=yes: %v, want a usage error", err)
	}
}
