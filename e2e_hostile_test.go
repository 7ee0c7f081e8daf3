package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Hostile input through the real binary in a real terminal (tmux): articles and file names that
// carry escape sequences must show as placeholders and never act (title, clipboard, screen), a
// pasted megabyte must leave the browser responsive, and a dumb, colourless, non-UTF-8
// terminal resized in a storm must end on the same screen as a fresh start.

// hostileArticle is an article in the seeds' format whose title and text try every trick: OSC 0
// (window title), OSC 52 (clipboard), OSC 8 (hyperlink), CSI clear screen, 8-bit CSI as a raw
// byte and as a C1 rune, C0 codes, a bidi override and a zero-width space.
const hostileArticle = " date 2026-01-15 Заголовок \x1b]0;pwned-title\x07 \x1b]52;c;cHduZWQ=\x07 тест\n\n" +
	"Министр иностранных дел Казахстана Ермек Кошербаев \x1b[2J\x1b[H встретился с послом Франции. " +
	"\x1b]8;;https://evil.example\x1b\\ссылка\x1b]8;;\x1b\\ \u202eтекст\u200b конец.\n\n" +
	"Второй абзац \x9b31m красный \u009b31m \x07\x08\x7f ТАСС.\n"

func TestHostileFilesInTmux(t *testing.T) {
	bin := buildForTmux(t)
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("evil\x1b]0;pwned-name\x07\u202etxt.txt", hostileArticle)
	write("bad\x1b[2J\x1b]52;c;QUFBQQ==\x07.txt", "\x00\x01\x02\xff\xfe binary")

	tm := newPrivateTmux(t, 120, 30, "TERM=xterm-256color", bin, dir)
	screen := tm.waitFor("Views")
	tm.waitFor("␛]52;c;cHduZWQ=␇") // the title's escape, shown
	tm.noHarm("the main screen")
	for _, want := range []string{"1 skipped (S)", "Заголовок ␛]0;pwned-title␇"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the main screen does not show %q:\n%s", want, screen)
		}
	}

	tm.keys("Enter") // the pager
	screen = tm.waitFor("e entity")
	for _, want := range []string{"␛[2J␛[H", "␛]8;;https://evil.example␛\\ссылка", "⟨U+202E⟩текст⟨U+200B⟩", "⟨U+009B⟩31m", "␇␈␡"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the pager does not show %q:\n%s", want, screen)
		}
	}
	tm.keys("e")
	tm.waitFor("enter: open")
	tm.keys("/")
	tm.typeText("ссылка")
	tm.keys("Enter")
	tm.waitFor("/ссылка 1/1")
	tm.noHarm("the pager")

	tm.keys("Escape")
	tm.waitFor("Views")
	tm.keys("S")
	screen = tm.waitFor("Skipped files")
	if !strings.Contains(screen, "bad␛[2J␛]52;c;QUFBQQ==␇.txt") {
		t.Errorf("the skipped file's name is not shown as placeholders:\n%s", screen)
	}
	tm.noHarm("the skipped files")
	tm.keys("Escape")
	tm.waitFor("Views")

	// A hostile paste into the filter: the escapes are left out, and it says so.
	tm.keys("/")
	tm.paste("Кошербаев\x1b]52;c;QUFBQQ==\x07\x1b]0;pwned-paste\x07\u202e")
	tm.waitFor("unprintable characters left out")
	tm.noHarm("a hostile paste")
	tm.keys("Escape")

	// A pasted megabyte: cut, said, and the next search still answers at once.
	tm.keys("C-k")
	tm.paste(strings.Repeat("Кошербаев встретился с министром ", 1<<20/60))
	tm.waitFor("cut to 200 characters")
	tm.keys("C-u")
	tm.typeText("Kosherbayev")
	tm.waitFor("[person]")
	tm.keys("Escape")
	tm.keys("Escape")
	tm.waitFor("Views")
	tm.keys("q")
	tm.waitFor("EXIT=0")
}

func TestDumbTerminalResizeStormInTmux(t *testing.T) {
	// TERM=dumb, no colour, a C locale: the screen is drawn all the same, and after a storm of
	// resizes it is exactly what a fresh start at the final size shows.
	bin := buildForTmux(t)
	env := []string{"TERM=dumb", "LANG=C", "LC_ALL=C", "NO_COLOR=1"}
	tm := newPrivateTmux(t, 100, 30, append(env, bin)...)
	tm.waitFor("Лавров и глава")
	tm.keys("2")
	tm.keys("j")
	tm.waitFor("People ")
	for i := range 40 {
		sizes := [][2]int{{1, 1}, {250, 80}, {20, 3}, {3, 40}, {89, 12}}
		sz := sizes[i%len(sizes)]
		tm.run("resize-window", "-t", tm.session, "-x", strconv.Itoa(sz[0]), "-y", strconv.Itoa(sz[1]))
	}
	tm.run("resize-window", "-t", tm.session, "-x", "100", "-y", "30")

	fresh := newPrivateTmux(t, 100, 30, append(env, bin)...)
	fresh.waitFor("Лавров и глава")
	fresh.keys("2")
	fresh.keys("j")
	want := fresh.waitFor("People ")
	got := tm.waitFor("People ")
	for deadline := time.Now().Add(5 * time.Second); got != want && time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		got, _ = tm.capture()
	}
	if got != want {
		t.Errorf("after the resizes the screen is:\n%s\na fresh start shows:\n%s", got, want)
	}
	if colours := tm.colours(); colours != "" {
		t.Errorf("NO_COLOR: the screen has colour %s", colours)
	}
	tm.keys("Enter")
	tm.waitFor("articles")
	tm.keys("Q")
	tm.waitFor("EXIT=0")
}

// buildForTmux builds the binary for a tmux test, or skips when tmux is missing.
func buildForTmux(t *testing.T) string {
	t.Helper()
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
	return bin
}

// privateTmux is a tmux server of its own (a socket per test), so the test can set server
// options and look at its paste buffers without touching anyone else's tmux. Its configuration
// turns set-clipboard on, so that an OSC 52 reaching the terminal creates a buffer.
type privateTmux struct {
	t               *testing.T
	socket, session string
}

// newPrivateTmux starts a server with one session running `env args...`; when the program
// exits the pane prints EXIT=<status> and stays a few seconds so the status can be read.
func newPrivateTmux(t *testing.T, width, height int, args ...string) *privateTmux {
	t.Helper()
	tm := &privateTmux{t: t, socket: fmt.Sprintf("dispatch-%d-%d", os.Getpid(), time.Now().UnixNano()), session: "main"}
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	state := "'DISPATCH_STATE_DIR=" + strings.ReplaceAll(testStateDir(t), "'", `'\''`) + "' "
	script := "env " + state + strings.Join(quoted, " ") + "; echo EXIT=$?; sleep 5"
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set-option -g set-clipboard on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.run("-f", conf, "new-session", "-d", "-s", tm.session, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height), script)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *privateTmux) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %q: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *privateTmux) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", tm.session}, keys...)...)
	time.Sleep(150 * time.Millisecond)
}

func (tm *privateTmux) typeText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", tm.session, "-l", s)
	time.Sleep(300 * time.Millisecond)
}

// paste pastes s as a terminal does (bracketed paste), through a buffer deleted right after.
func (tm *privateTmux) paste(s string) {
	tm.t.Helper()
	f := filepath.Join(tm.t.TempDir(), "paste")
	if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
		tm.t.Fatal(err)
	}
	tm.run("load-buffer", "-b", "paste", f)
	tm.run("paste-buffer", "-p", "-d", "-b", "paste", "-t", tm.session)
	time.Sleep(300 * time.Millisecond)
}

func (tm *privateTmux) capture() (string, bool) {
	out, err := exec.Command("tmux", "-L", tm.socket, "capture-pane", "-p", "-t", tm.session).Output()
	return string(out), err == nil
}

// waitFor polls the screen until it shows want, and returns the screen.
func (tm *privateTmux) waitFor(want string) string {
	tm.t.Helper()
	var screen string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var ok bool
		if screen, ok = tm.capture(); !ok {
			tm.t.Fatalf("tmux ended while waiting for %q", want)
		}
		if strings.Contains(screen, want) {
			return screen
		}
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, screen)
	return ""
}

// noHarm checks that no escape sequence acted: the window title is still the browser's own, no
// clipboard buffer was created, and the screen was not cleared (its first and last lines, the
// header and the hints, are still there).
func (tm *privateTmux) noHarm(where string) {
	tm.t.Helper()
	if title := strings.TrimSpace(tm.run("display-message", "-p", "-t", tm.session, "#{pane_title}")); title != "dispatch" {
		tm.t.Errorf("%s: the window title became %q", where, title)
	}
	if buffers := strings.TrimSpace(tm.run("list-buffers")); buffers != "" {
		tm.t.Errorf("%s: the clipboard was written: %s", where, buffers)
	}
	screen, _ := tm.capture()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if strings.TrimSpace(lines[0]) == "" || strings.TrimSpace(lines[len(lines)-1]) == "" {
		tm.t.Errorf("%s: the screen was cleared:\n%s", where, screen)
	}
}

// sgrColour matches an SGR sequence that sets a colour (30–37, 38, 40–47, 48, 90–97, 100–107);
// 39 and 49 only reset to the default.
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9:]*;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;:m]`)

// colours returns the first colour set on the screen as tmux holds it, "" if none.
func (tm *privateTmux) colours() string {
	out := tm.run("capture-pane", "-p", "-e", "-t", tm.session)
	return sgrColour.FindString(out)
}
