package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBrowserInTmux builds the real binary and drives it in a real terminal (tmux), as a person
// would: open, search Kosherbayev, open the person, open an article, search inside it, go back,
// quit.
func TestBrowserInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run installs it")
		}
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "dispatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	term := newTmux(t, bin, 120, 40)

	term.waitFor("Views")
	term.waitFor("Лавров и глава МИД")

	// Filter the article list as you type, in Latin letters for a Cyrillic name.
	term.keys("/")
	term.typeText("Kosherbayev")
	term.waitFor("2 found")
	term.keys("Escape")

	// Search everything: the person comes first, marked as a person.
	term.keys("C-k")
	term.typeText("Kosherbayev")
	screen := term.waitFor("[person]")
	if !strings.Contains(screen, "Ермек Кошербаев") {
		t.Fatalf("global search for Kosherbayev does not show Ермек Кошербаев:\n%s", screen)
	}
	term.keys("Enter") // from the input to the results
	term.keys("Enter") // open the person
	term.waitFor("Person · Ермек Кошербаев")
	term.waitFor("Yermek Kosherbayev")

	// Open the person's newest article in the pager.
	term.keys("Enter")
	screen = term.waitFor("e entity")
	if !strings.Contains(screen, "Кошербаев") {
		t.Errorf("the article opened from the person does not mention them:\n%s", screen)
	}

	// Search inside the article: every hit is counted.
	term.keys("/")
	term.typeText("МАГАТЭ")
	term.keys("Enter")
	term.waitFor("/МАГАТЭ 1/")
	term.keys("n")
	term.waitFor("/МАГАТЭ 2/")

	// Back to the person, back to the search, back to the start, then quit.
	term.keys("Escape")
	term.waitFor("Person · Ермек Кошербаев")
	term.keys("Escape")
	term.waitFor("Search everything")
	term.keys("Escape")
	term.waitFor("Views")
	term.keys("q")
	term.waitExit()
}

// tmux is one tmux session running the binary.
type tmux struct {
	t    *testing.T
	name string
}

func newTmux(t *testing.T, bin string, width, height int) *tmux {
	t.Helper()
	name := "dispatch-e2e-" + strings.ReplaceAll(t.Name(), "/", "-") + "-" + time.Now().Format("150405.000")
	name = strings.ReplaceAll(name, ".", "")
	cmd := exec.Command("tmux", "new-session", "-d", "-s", name,
		"-x", strconv.Itoa(width), "-y", strconv.Itoa(height), "env", "TERM=xterm-256color",
		// The test's own state folder, passed on: a tmux server already running would not.
		"DISPATCH_STATE_DIR="+testStateDir(t), bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	tm := &tmux{t: t, name: name}
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", name).Run() })
	return tm
}

func (tm *tmux) keys(keys ...string) {
	tm.t.Helper()
	args := append([]string{"send-keys", "-t", tm.name}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys %q: %v\n%s", keys, err, out)
	}
	time.Sleep(150 * time.Millisecond)
}

func (tm *tmux) typeText(s string) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "send-keys", "-t", tm.name, "-l", s).CombinedOutput(); err != nil {
		tm.t.Fatalf("send-keys -l %q: %v\n%s", s, err, out)
	}
	time.Sleep(300 * time.Millisecond)
}

func (tm *tmux) capture() (string, bool) {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", tm.name).Output()
	return string(out), err == nil
}

// waitFor polls the screen until it shows want, and returns the screen.
func (tm *tmux) waitFor(want string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var screen string
	for time.Now().Before(deadline) {
		var ok bool
		if screen, ok = tm.capture(); !ok {
			tm.t.Fatalf("the program exited while waiting for %q", want)
		}
		if strings.Contains(screen, want) {
			return screen
		}
		time.Sleep(100 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, screen)
	return ""
}

// waitExit waits for the program (and so the tmux session) to end.
func (tm *tmux) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "has-session", "-t", tm.name).Run() != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	screen, _ := tm.capture()
	tm.t.Fatalf("dispatch did not quit; the screen shows:\n%s", screen)
}
