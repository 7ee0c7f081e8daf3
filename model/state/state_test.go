package state

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// corpusDir is a folder of articles, as an analyst would point dispatch at.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kz-france.txt"), []byte("Астана и Париж…\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func open(t *testing.T, corpus, dir string) *State {
	t.Helper()
	s, err := Open([]string{corpus}, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	s := open(t, corpus, dir)
	s.MarkRead("kz-france", true)
	s.MarkRead("kz-usa", true)
	s.MarkRead("kz-usa", false)
	if !s.ToggleStar("kz-iaea") || s.ToggleStar("kz-usa") != true {
		t.Fatal("ToggleStar on an unstarred article must star it")
	}
	s.ToggleStar("kz-usa") // unstarred again
	s.SetNote("kz-france", "Кошербаев: визит в Париж — проверить дату")
	s.SetPlace(Place{View: "people", Key: "ермек кошербаев", Query: "person:Кошербаев since:2025-11"})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if s.Unsaved() {
		t.Error("Unsaved after Save")
	}

	again := open(t, corpus+string(filepath.Separator), dir) // the same folder, spelt differently
	if again.Path() != s.Path() {
		t.Fatalf("the same corpus maps to %s and %s", s.Path(), again.Path())
	}
	if !again.IsRead("kz-france") || again.IsRead("kz-usa") || again.ReadCount() != 1 {
		t.Errorf("read: kz-france %v, kz-usa %v, count %d", again.IsRead("kz-france"), again.IsRead("kz-usa"), again.ReadCount())
	}
	if got := again.Starred(); !slices.Equal(got, []string{"kz-iaea"}) {
		t.Errorf("starred %q", got)
	}
	if got := again.Note("kz-france"); got != "Кошербаев: визит в Париж — проверить дату" {
		t.Errorf("note %q", got)
	}
	if got := again.Place(); got.View != "people" || got.Key != "ермек кошербаев" || got.Query != "person:Кошербаев since:2025-11" {
		t.Errorf("place %+v", got)
	}
	again.SetNote("kz-france", "  ")
	if err := again.Save(); err != nil {
		t.Fatal(err)
	}
	if n := open(t, corpus, dir).Noted(); len(n) != 0 {
		t.Errorf("an empty note must remove it; noted %q", n)
	}
	if other := open(t, t.TempDir(), dir); other.Path() == s.Path() || other.ReadCount() != 0 {
		t.Errorf("another corpus shares the state file %s", other.Path())
	}
}

func TestLongNoteIsCut(t *testing.T) {
	s := open(t, corpusDir(t), t.TempDir())
	s.SetNote("a", "я"+strings.Repeat("ж", MaxNote)) // two bytes a letter: the cut falls mid-letter
	if n := s.Note("a"); len(n) > MaxNote || !strings.HasPrefix(n, "яж") || strings.ContainsRune(n, '\uFFFD') {
		t.Errorf("note of %d bytes, valid %v", len(n), !strings.ContainsRune(n, '\uFFFD'))
	}
}

// TestInterleavedHandles is two dispatch windows on one corpus, each saving its own changes
// from a stale copy: neither may lose the other's.
func TestInterleavedHandles(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	a, b := open(t, corpus, dir), open(t, corpus, dir)
	a.MarkRead("kz-france", true)
	a.SetNote("kz-france", "note from A")
	b.ToggleStar("kz-iaea")
	b.SetNote("kz-usa", "note from B")
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	b.MarkRead("kz-usa", true)
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(); err != nil { // nothing new from A: it only picks up B's changes
		t.Fatal(err)
	}
	if !a.IsStarred("kz-iaea") || a.Note("kz-usa") != "note from B" {
		t.Error("a Save without changes did not pick up the other handle's")
	}
	a.MarkRead("kz-china", true)
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*State{"A after saving": a, "reopened": open(t, corpus, dir)} {
		if !s.IsRead("kz-france") || !s.IsRead("kz-usa") || !s.IsRead("kz-china") {
			t.Errorf("%s: read flags lost: %v %v %v", name, s.IsRead("kz-france"), s.IsRead("kz-usa"), s.IsRead("kz-china"))
		}
		if !s.IsStarred("kz-iaea") || s.Note("kz-france") != "note from A" || s.Note("kz-usa") != "note from B" {
			t.Errorf("%s: star %v, notes %q %q", name, s.IsStarred("kz-iaea"), s.Note("kz-france"), s.Note("kz-usa"))
		}
	}
}

// TestConcurrentSaves saves from many handles at once, as goroutines of one process would.
func TestConcurrentSaves(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	const handles, each = 4, 20
	errs := make(chan error, handles)
	for h := range handles {
		s := open(t, corpus, dir)
		go func() {
			for i := range each {
				s.MarkRead(fmt.Sprintf("h%d-%d", h, i), true)
				if err := s.Save(); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range handles {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if n := open(t, corpus, dir).ReadCount(); n != handles*each {
		t.Errorf("%d of %d read marks survived", n, handles*each)
	}
}

// TestProcessesShareTheStore runs two processes saving at the same time: the file lock, not
// only the in-process mutex, must keep every change.
func TestProcessesShareTheStore(t *testing.T) {
	if os.Getenv("DISPATCH_STATE_HELPER") != "" {
		t.Skip("helper")
	}
	corpus, dir := corpusDir(t), t.TempDir()
	const each = 30
	var cmds []*exec.Cmd
	for p := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), "DISPATCH_STATE_HELPER=1", "HELPER_CORPUS="+corpus,
			"HELPER_DIR="+dir, "HELPER_PREFIX=p"+strconv.Itoa(p), "HELPER_N="+strconv.Itoa(each))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	s := open(t, corpus, dir)
	if n := s.ReadCount(); n != 2*each {
		t.Errorf("%d of %d read marks survived two processes", n, 2*each)
	}
	if notices := s.Notices(); len(notices) > 0 {
		t.Errorf("the store was damaged: %q", notices)
	}
}

// TestHelperProcess is one of TestProcessesShareTheStore's processes.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("DISPATCH_STATE_HELPER") == "" {
		t.Skip("run by TestProcessesShareTheStore")
	}
	n, _ := strconv.Atoi(os.Getenv("HELPER_N"))
	s := open(t, os.Getenv("HELPER_CORPUS"), os.Getenv("HELPER_DIR"))
	for i := range n {
		s.MarkRead(os.Getenv("HELPER_PREFIX")+"-"+strconv.Itoa(i), true)
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDamagedFileIsSetAside(t *testing.T) {
	damage := map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"garbled":   func(b []byte) []byte { b[len(b)-5] ^= 0x20; return b },
		"not ours":  func([]byte) []byte { return []byte("read = kz-france\n") },
		"empty":     func([]byte) []byte { return nil },
	}
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			corpus, dir := corpusDir(t), t.TempDir()
			s := open(t, corpus, dir)
			s.MarkRead("kz-france", true)
			s.SetNote("kz-france", "важно")
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			file, err := os.ReadFile(s.Path())
			if err != nil {
				t.Fatal(err)
			}
			spoilt := spoil(file)
			if err := os.WriteFile(s.Path(), spoilt, 0o600); err != nil {
				t.Fatal(err)
			}

			again := open(t, corpus, dir)
			notices := again.Notices()
			if len(notices) != 1 || !strings.Contains(notices[0], s.Path()+".corrupt") {
				t.Errorf("notices %q, want one naming %s.corrupt", notices, s.Path())
			}
			if aside, err := os.ReadFile(s.Path() + ".corrupt"); err != nil || string(aside) != string(spoilt) {
				t.Errorf("the damaged file was not kept as it was: %v", err)
			}
			if again.ReadCount() != 0 {
				t.Error("a damaged file's content was used")
			}
			again.ToggleStar("kz-usa")
			if err := again.Save(); err != nil {
				t.Fatal(err)
			}
			if fresh := open(t, corpus, dir); !fresh.IsStarred("kz-usa") || len(fresh.Notices()) != 0 {
				t.Error("the fresh state was not saved cleanly")
			}
		})
	}
}

func TestNewerFormatIsLeftAlone(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	s := open(t, corpus, dir)
	newer := []byte("dispatch-state v9 sha256:00\n{}\n")
	if err := os.WriteFile(s.Path(), newer, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open([]string{corpus}, Options{Dir: dir}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open: %v, want an error about a newer format", err)
	}
	s.MarkRead("x", true)
	if err := s.Save(); err == nil || !s.Unsaved() {
		t.Errorf("Save over a newer file: %v, unsaved %v", err, s.Unsaved())
	}
	if got, _ := os.ReadFile(s.Path()); string(got) != string(newer) {
		t.Error("a newer dispatch's file was overwritten")
	}
}

func TestNoStateWritesNothing(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	t.Setenv("DISPATCH_STATE_DIR", dir)
	s, err := Open([]string{corpus}, Options{NoState: true})
	if err != nil {
		t.Fatal(err)
	}
	s.MarkRead("kz-france", true)
	s.ToggleStar("kz-france")
	s.SetNote("kz-france", "n")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if !s.IsRead("kz-france") || !s.IsStarred("kz-france") || s.Stored() || s.Unsaved() {
		t.Error("NoState must keep the state in memory, with nothing to save")
	}
	assertFiles(t, dir, nil)
	assertFiles(t, corpus, []string{"kz-france.txt"})
}

// TestStateLivesInTheStateFolder follows the XDG rules with no override, and writes nothing
// into the corpus folder.
func TestStateLivesInTheStateFolder(t *testing.T) {
	corpus, xdg := corpusDir(t), t.TempDir()
	t.Setenv("DISPATCH_STATE_DIR", "")
	t.Setenv("XDG_STATE_HOME", xdg)
	s, err := Open([]string{corpus}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(xdg, "dispatch"); filepath.Dir(s.Path()) != want {
		t.Errorf("state file %s, want it in %s", s.Path(), want)
	}
	s.MarkRead("kz-france", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	assertFiles(t, corpus, []string{"kz-france.txt"})

	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", home)
	if dir, _ := Dir(Options{}); dir != filepath.Join(home, ".local", "state", "dispatch") {
		t.Errorf("without XDG_STATE_HOME the state folder is %s", dir)
	}
	t.Setenv("DISPATCH_STATE_DIR", xdg)
	if dir, _ := Dir(Options{}); dir != xdg {
		t.Errorf("DISPATCH_STATE_DIR ignored: %s", dir)
	}
}

func TestSeedsHaveTheirOwnState(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(nil, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	s.MarkRead("kz-france", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if again, _ := Open(nil, Options{Dir: dir}); !again.IsRead("kz-france") {
		t.Error("the embedded seeds' state did not round-trip")
	}
}

func assertFiles(t *testing.T, dir string, want []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s holds %q, want %q", dir, got, want)
	}
}

// TestMutateWhileSaving is a UI marking articles while a Save runs in the background: nothing
// is lost, and the race detector sees no unguarded access.
func TestMutateWhileSaving(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	s := open(t, corpus, dir)
	done := make(chan error)
	go func() {
		for range 20 {
			if err := s.Save(); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	const n = 500
	for i := range n {
		s.MarkRead("a"+strconv.Itoa(i), true)
		s.SetPlace(Place{View: "articles", Key: "a" + strconv.Itoa(i)})
		if s.ReadCount() != i+1 {
			t.Fatalf("after %d marks the state shows %d", i+1, s.ReadCount())
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	again := open(t, corpus, dir)
	if again.ReadCount() != n || again.Place().Key != "a"+strconv.Itoa(n-1) {
		t.Errorf("saved %d of %d marks, place %+v", again.ReadCount(), n, again.Place())
	}
}

func TestCrashLeftoversAreCleared(t *testing.T) {
	corpus, dir := corpusDir(t), t.TempDir()
	s := open(t, corpus, dir)
	stale, fresh := s.Path()+".tmp-123", s.Path()+".tmp-456"
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("dispatch-state v1 sha"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	s.MarkRead("x", true)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a crashed save's temporary file was left")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a recent temporary file, perhaps another save's, was removed")
	}
}

// BenchmarkSave saves a large reading state: 10,000 read articles, 1,000 starred, 1,000 notes.
func BenchmarkSave(b *testing.B) {
	s, err := Open([]string{b.TempDir()}, Options{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 10000 {
		id := fmt.Sprintf("%03d_%016x", i%1000, i)
		s.MarkRead(id, true)
		if i%10 == 0 {
			s.SetStar(id, true)
			s.SetNote(id, "проверить: визит министра, дата и участники")
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.MarkRead(strconv.Itoa(i), true)
		if err := s.Save(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarkRead is what the UI pays on its event loop per change.
func BenchmarkMarkRead(b *testing.B) {
	s, err := Open([]string{b.TempDir()}, Options{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		s.MarkRead("kz-france", i%2 == 0)
	}
}
