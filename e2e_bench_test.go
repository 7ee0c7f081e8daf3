package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// BenchmarkFirstFrame measures how long the real binary takes, started in a real terminal
// (tmux), to show its first screen: from the command that starts it to the first capture of
// the pane with the program's title on it. The first frame must not wait for the corpus, so
// it is measured on the embedded seeds and on a generated folder (10k articles, or
// DISPATCH_BENCH_ARTICLES). "shell" is the same measure for a shell that prints the title:
// what tmux and the polling cost by themselves.
func BenchmarkFirstFrame(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux is not installed")
	}
	bin := filepath.Join(b.TempDir(), "dispatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	n := 10000
	if env := os.Getenv("DISPATCH_BENCH_ARTICLES"); env != "" {
		var err error
		if n, err = strconv.Atoi(env); err != nil || n <= 0 {
			b.Fatalf("DISPATCH_BENCH_ARTICLES=%q: want a number of articles", env)
		}
	}
	folder := b.TempDir()
	if _, err := corpusgen.WriteFiles(folder, n, 1); err != nil {
		b.Fatal(err)
	}
	state := b.TempDir()
	cases := []struct{ name, command string }{
		{"shell", "echo dispatch; sleep 30"},
		{"seeds", bin + " --no-cache"},
		{fmt.Sprintf("%dk", n/1000), bin + " --no-cache --corpus " + folder},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			term := newBenchTerminal(b)
			for b.Loop() {
				term.start(b, "env TERM=xterm-256color DISPATCH_STATE_DIR="+state+" "+c.command)
				b.StopTimer()
				term.stop()
				b.StartTimer()
			}
		})
	}
}

// benchTerminal is a tmux server of its own with one pane, in which each run is started by
// respawning the pane: the server is not started again for every run.
type benchTerminal struct{ socket string }

func newBenchTerminal(b *testing.B) *benchTerminal {
	b.Helper()
	t := &benchTerminal{socket: "dispatch-bench-" + strconv.Itoa(os.Getpid())}
	if out, err := t.tmux("new-session", "-d", "-x", "120", "-y", "40", "sleep 600").CombinedOutput(); err != nil {
		b.Fatalf("tmux: %v\n%s", err, out)
	}
	b.Cleanup(func() { _ = t.tmux("kill-server").Run() })
	return t
}

func (t *benchTerminal) tmux(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-L", t.socket}, args...)...)
}

// start runs command in the pane and returns once the pane shows "dispatch".
func (t *benchTerminal) start(b *testing.B, command string) {
	if out, err := t.tmux("respawn-pane", "-k", "-t", "0", command).CombinedOutput(); err != nil {
		b.Fatalf("respawn-pane: %v\n%s", err, out)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		out, err := t.tmux("capture-pane", "-p", "-t", "0").Output()
		if err != nil {
			b.Fatalf("capture-pane: %v", err)
		}
		if strings.Contains(string(out), "dispatch") {
			return
		}
	}
	b.Fatalf("%s showed nothing in 10 s", command)
}

// stop ends what runs in the pane, leaving it empty for the next run.
func (t *benchTerminal) stop() {
	_ = t.tmux("respawn-pane", "-k", "-t", "0", "sleep 600").Run()
	time.Sleep(50 * time.Millisecond) // let the program's exit settle before the next run
}
