// Package state keeps an analyst's reading state for one corpus: which articles were read,
// which are starred, short notes on articles, and where the analyst was (view, selected row,
// last search). It imports nothing from the terminal UI.
//
// State is in memory; the caller mutates it (MarkRead, ToggleStar, SetNote, SetPlace), which
// is cheap and never touches the disk, and calls Save to write. Save takes a file lock and
// does file I/O, so a UI must call it off its event loop (from a goroutine or a tea.Cmd), never
// in Update. A State is safe for concurrent use: the UI may keep mutating while a Save runs.
//
// The store is one file per corpus in the user's state folder ($XDG_STATE_HOME/dispatch or
// ~/.local/state/dispatch; Options.Dir or $DISPATCH_STATE_DIR override it), named by a hash of
// the corpus's absolute paths; nothing is ever written into the corpus folder. Writes go to a
// temporary file in the same folder, are synced and renamed over the store, so a crash leaves
// either the old or the new file. The file carries a format version and a checksum; a damaged
// one is set aside as NAME.corrupt and a fresh state is started, with a notice (Notices).
//
// Several dispatch processes may share a corpus: Save holds an advisory lock on NAME.lock while
// it reads the file, applies this State's changes since its last save to what is on disk, and
// writes the result, so changes made elsewhere are kept rather than overwritten.
package state

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/sanitize"
)

// MaxNote is the longest note kept, in bytes; longer notes are cut at a character boundary.
const MaxNote = 4096

// Place is where the analyst was: the view, the key of the selected row (an article ID or an
// entity key) and the last search query.
type Place struct {
	View  string `json:"view"`
	Key   string `json:"key"`
	Query string `json:"query"`
}

// Options configure Open.
type Options struct {
	// Dir is the folder of the state files; "" means $DISPATCH_STATE_DIR, else
	// $XDG_STATE_HOME/dispatch, else ~/.local/state/dispatch.
	Dir string
	// NoState keeps the state in memory only: nothing is read or written.
	NoState bool
}

// State is the reading state of one corpus. The zero value is not usable; call Open.
type State struct {
	path   string // "" when nothing is stored (NoState)
	corpus []string

	saveMu sync.Mutex // one Save at a time per State

	mu      sync.Mutex // guards the fields below
	data    data
	pending map[target]change // changes since the last successful save, the last per target
	notices []string
}

// change is one mutation, recorded as its outcome (not as a toggle) so that applying it to a
// newer on-disk state gives what the analyst saw. Changes to different targets commute, and
// of changes to one target only the last counts, so pending changes are kept one per target:
// their number is bounded by what the analyst touched, however long between saves.
type change struct {
	kind changeKind
	id   string
	on   bool
	text string
	at   Place
}

type changeKind uint8

// target is what a change sets: one flag or note of one article, or the place.
type target struct {
	kind changeKind
	id   string
}

const (
	setRead changeKind = iota
	setStar
	setNote
	setPlace
)

// Open returns the state of the corpus read from paths (the folders and files given to the
// loader; none for the embedded seeds). A missing file is an empty state; a damaged one is set
// aside and reported by Notices. When the store cannot be used (no state folder, a file from a
// newer dispatch) Open returns an error, and the caller may go on with NoState. Open reads a
// small file under a lock: call it at start-up or off the UI's event loop.
func Open(paths []string, opt Options) (*State, error) {
	corpus, err := corpusKey(paths)
	if err != nil {
		return nil, err
	}
	s := &State{corpus: corpus, data: newData()}
	if opt.NoState {
		return s, nil
	}
	dir, err := stateDir(opt)
	if err != nil {
		return nil, err
	}
	s.path = filepath.Join(dir, fileName(corpus))
	if _, err := os.Stat(s.path); errors.Is(err, os.ErrNotExist) {
		return s, nil // nothing to read: create the folder only when saving
	}
	err = s.locked(func() error {
		d, notice, err := readFile(s.path)
		if err != nil {
			return err
		}
		s.data = d
		s.addNotice(notice)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Path returns the file the state is stored in, or "" when nothing is stored.
func (s *State) Path() string { return s.path }

// Stored reports whether the state is read from and written to a file (not NoState).
func (s *State) Stored() bool { return s.path != "" }

// Notices returns, and forgets, messages for the analyst about the store (a damaged file set
// aside). They are plain text, safe to show.
func (s *State) Notices() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.notices
	s.notices = nil
	return n
}

func (s *State) addNotice(n string) {
	if n != "" {
		s.mu.Lock()
		s.notices = append(s.notices, sanitize.Line(n)) // the path may hold anything
		s.mu.Unlock()
	}
}

// MarkRead marks the article read (or unread).
func (s *State) MarkRead(id string, read bool) {
	s.record(change{kind: setRead, id: id, on: read})
}

// ToggleStar stars the article, or unstars it if it was starred, and returns whether it is
// starred now.
func (s *State) ToggleStar(id string) bool {
	s.mu.Lock()
	on := !s.data.Starred[id]
	s.mu.Unlock()
	s.record(change{kind: setStar, id: id, on: on})
	return on
}

// SetStar stars or unstars the article.
func (s *State) SetStar(id string, on bool) {
	s.record(change{kind: setStar, id: id, on: on})
}

// SetNote sets the note on an article; an empty (or all-space) text removes it. Notes longer
// than MaxNote bytes are cut.
func (s *State) SetNote(id, text string) {
	s.record(change{kind: setNote, id: id, text: cutNote(text)})
}

// SetPlace records where the analyst is.
func (s *State) SetPlace(p Place) {
	s.record(change{kind: setPlace, at: p})
}

func (s *State) record(c change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data.apply(c)
	if s.path != "" {
		if s.pending == nil {
			s.pending = map[target]change{}
		}
		s.pending[target{c.kind, c.id}] = c
	}
}

// IsRead reports whether the article was read.
func (s *State) IsRead(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.Read[id]
}

// IsStarred reports whether the article is starred.
func (s *State) IsStarred(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.Starred[id]
}

// Note returns the note on the article, "" if none. It is the analyst's raw text: sanitise it
// before printing.
func (s *State) Note(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.Notes[id]
}

// Place returns where the analyst was.
func (s *State) Place() Place {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.data.Place
}

// Starred returns the IDs of the starred articles, sorted.
func (s *State) Starred() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.data.Starred)
}

// Read returns the IDs of the articles marked read, sorted.
func (s *State) Read() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.data.Read)
}

// Noted returns the IDs of the articles with a note, sorted.
func (s *State) Noted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return sortedKeys(s.data.Notes)
}

// ReadCount returns how many articles were read.
func (s *State) ReadCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.data.Read)
}

// Unsaved reports whether there are changes Save has not written yet.
func (s *State) Unsaved() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending) > 0
}

// Save writes the changes made since the last save. Under the store's lock it reads the file
// as it is now (perhaps changed by another dispatch), applies this State's changes to it and
// replaces the file atomically; the State then holds the merged result plus any change made
// while Save ran. With no change to write, Save only reads: it picks up what other instances
// saved. On failure the changes stay pending for the next Save. Save does file I/O and
// may wait for another process's lock: never call it on a UI's event loop. With NoState it
// does nothing.
func (s *State) Save() error {
	if s.path == "" {
		return nil
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()

	s.mu.Lock()
	changes := s.pending
	s.pending = nil
	s.mu.Unlock()

	var merged data
	err := s.locked(func() error {
		d, notice, err := readFile(s.path)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		if err != nil {
			d = newData()
		}
		s.addNotice(notice)
		for _, c := range changes {
			d.apply(c)
		}
		d.Corpus = s.corpus
		merged = d
		if len(changes) == 0 {
			return nil
		}
		if err := writeFile(s.path, d); err != nil {
			merged = data{}
			return err
		}
		return nil
	})

	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		for t, c := range changes { // keep them for the next Save, under any made since
			if _, newer := s.pending[t]; !newer {
				if s.pending == nil {
					s.pending = map[target]change{}
				}
				s.pending[t] = c
			}
		}
		return err
	}
	for _, c := range s.pending { // made while saving: keep them on top of the merge
		merged.apply(c)
	}
	s.data = merged
	return nil
}

// locked runs f holding the store's lock: an in-process mutex per file and, on Unix, an
// advisory lock on NAME.lock that other processes honour.
func (s *State) locked(f func() error) error {
	mu := fileMutex(s.path)
	mu.Lock()
	defer mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return fmt.Errorf("state folder: %w", err)
	}
	unlock, err := lockFile(s.path + ".lock")
	if err != nil {
		return fmt.Errorf("locking the state file: %w", err)
	}
	defer unlock()
	return f()
}

var fileMutexes sync.Map // path → *sync.Mutex

func fileMutex(path string) *sync.Mutex {
	mu, _ := fileMutexes.LoadOrStore(path, new(sync.Mutex))
	return mu.(*sync.Mutex)
}

// stateDir is where state files live.
func stateDir(opt Options) (string, error) {
	switch {
	case opt.Dir != "":
		return opt.Dir, nil
	case os.Getenv("DISPATCH_STATE_DIR") != "":
		return os.Getenv("DISPATCH_STATE_DIR"), nil
	case os.Getenv("XDG_STATE_HOME") != "" && filepath.IsAbs(os.Getenv("XDG_STATE_HOME")):
		return filepath.Join(os.Getenv("XDG_STATE_HOME"), "dispatch"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no folder for the reading state: %w", err)
	}
	return filepath.Join(home, ".local", "state", "dispatch"), nil
}

// Dir returns the folder state files are kept in under opt, for messages and documentation.
func Dir(opt Options) (string, error) { return stateDir(opt) }

// seedsKey names the corpus embedded in the binary, which has no paths.
const seedsKey = "embedded:seeds"

// corpusKey is the corpus's identity: its absolute, cleaned paths, sorted and deduplicated.
func corpusKey(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return []string{seedsKey}, nil
	}
	key := make([]string, 0, len(paths))
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("corpus path %q: %w", p, err)
		}
		key = append(key, abs)
	}
	slices.Sort(key)
	return slices.Compact(key), nil
}

// fileName is the state file's name for a corpus key.
func fileName(corpus []string) string {
	sum := sha256.Sum256([]byte(strings.Join(corpus, "\x00")))
	return hex.EncodeToString(sum[:12]) + ".state"
}

func cutNote(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	if len(text) <= MaxNote {
		return text
	}
	cut := MaxNote
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
