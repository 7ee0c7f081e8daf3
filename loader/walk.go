package loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// job is one file to load.
type job struct {
	file string                  // the path shown to the user and stored in Article.File
	abs  string                  // its absolute path, the key of its cache entry; "" when not on disk
	open func() (fs.File, error) // nil for a file on disk, opened by its path
}

// openJob opens the job's file.
func (j job) openJob() (fs.File, error) {
	if j.open != nil {
		return j.open()
	}
	return openFile(j.file)
}

// walker finds the files to load and sends them on to the workers (through runAhead). It runs
// on one goroutine; skips and ignored are read only after it has finished.
type walker struct {
	ctx     context.Context
	jobs    chan<- job
	found   atomic.Int64 // jobs sent, for Progress.Total
	skips   []model.Skip
	ignored int // files in folders that are not articles: other extensions, hidden files
}

func (w *walker) send(j job) bool {
	select {
	case w.jobs <- j:
		w.found.Add(1)
		return true
	case <-w.ctx.Done():
		return false
	}
}

// runAhead passes the jobs of in on to out, in order, holding those that come faster than they
// are taken, and closes out when in is closed and drained, or when ctx ends. The walker only
// reads folders, and so finds every file long before the workers have parsed them:
// Progress.Total reaches the real count early, where a walker held back by the workers kept it
// a few files ahead of Done, and the bar stood near full for the whole load. A job held costs a
// few dozen bytes besides its paths, which its article keeps anyway.
func runAhead(ctx context.Context, in <-chan job, out chan<- job) {
	defer close(out)
	var held []job
	for in != nil || len(held) > 0 {
		var send chan<- job // nil, which never sends, while nothing is held
		var next job
		if len(held) > 0 {
			send, next = out, held[0]
		}
		select {
		case j, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			held = append(held, j)
		case send <- next:
			held[0] = job{}
			held = held[1:]
		case <-ctx.Done():
			return
		}
	}
}

func (w *walker) skip(path, reason string) {
	w.skips = append(w.skips, model.Skip{Path: sanitize.Line(path), Reason: reason})
}

// root is a path given to Load, checked before loading starts.
type root struct {
	path string
	info fs.FileInfo
}

// checkRoots stats and opens every given path, so that a typing mistake fails at once with a
// clear error instead of an empty corpus.
func checkRoots(paths []string) ([]root, error) {
	roots := make([]root, 0, len(paths))
	for _, p := range paths {
		info, err := os.Stat(p)
		if err == nil {
			err = tryRead(p, info)
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &fs.PathError{Op: "open", Path: sanitize.Line(p), Err: err}
		}
		roots = append(roots, root{p, info})
	}
	return roots, nil
}

func tryRead(p string, info fs.FileInfo) error {
	if !info.IsDir() && !info.Mode().IsRegular() {
		return nil // opening a named pipe would block until something writes to it
	}
	dir := info.IsDir()
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if dir {
		if _, err := f.ReadDir(1); err != nil && err != io.EOF {
			return err
		}
	}
	return nil
}

// walkRoots sends the given files whatever their extension, and the .txt files inside the
// given folders. A folder without any is noted as a skip, saying how many other files it holds.
func (w *walker) walkRoots(roots []root) {
	seen := map[string]bool{} // a file given twice, or given and inside a given folder, loads once
	for _, r := range roots {
		if w.ctx.Err() != nil {
			return
		}
		abs := realPath(r.path)
		if !r.info.IsDir() {
			if !r.info.Mode().IsRegular() {
				w.skip(r.path, "not a regular file")
				continue
			}
			w.sendFile(r.path, abs, seen)
			continue
		}
		ignored := w.ignored
		if found := w.walkDir(r.path, abs, withParents(abs, r.info), seen); found == 0 {
			w.skip(r.path, fmt.Sprintf("no .txt files in this folder (%d other files ignored)", w.ignored-ignored))
		}
	}
}

// realPath is p absolute and without symbolic links, so that a file reached by two paths
// (a folder and a link to it) is known as the same file.
func realPath(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		p = real
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// sendFile sends the file at p (abs is its real path) unless it has been sent already.
func (w *walker) sendFile(p, abs string, seen map[string]bool) bool {
	n := len(seen)
	if seen[abs] = true; len(seen) == n {
		return true // seen before (one look-up, not two, per file)
	}
	return w.send(job{file: p, abs: abs})
}

// walkDir sends the .txt files under dir (abs is its real path) and returns how many it
// found. Symbolic links are followed, except into a folder that is dir or one of its parents
// (ancestors), which would loop.
func (w *walker) walkDir(dir, abs string, ancestors []fs.FileInfo, seen map[string]bool) (found int) {
	if beforeReadDir != nil {
		beforeReadDir(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.skip(dir, folderReason(err))
		return 0
	}
	dirPrefix, absPrefix := joinPrefix(dir), joinPrefix(abs)
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return found
		}
		name := e.Name()
		p := dirPrefix + name
		if strings.HasPrefix(name, ".") {
			w.ignored++
			continue
		}
		mode := e.Type()
		var info fs.FileInfo
		if mode&fs.ModeSymlink != 0 {
			if info, err = os.Stat(p); err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					w.skip(p, "broken symlink (its target does not exist)")
				} else {
					w.skip(p, reason(err))
				}
				continue
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if info == nil {
				if info, err = e.Info(); err != nil {
					w.skip(p, folderReason(err))
					continue
				}
			}
			if loops(ancestors, info) {
				w.skip(p, "symlink loop (leads back to a folder it is in)")
				continue
			}
			real := absPrefix + name
			if e.Type()&fs.ModeSymlink != 0 {
				real = realPath(p) // the folder may also be walked where it is
			}
			found += w.walkDir(p, real, append(ancestors[:len(ancestors):len(ancestors)], info), seen)
		case !strings.EqualFold(filepath.Ext(name), ".txt"):
			w.ignored++
		case !mode.IsRegular():
			w.skip(p, "not a regular file")
		default:
			found++
			if !w.sendFile(p, absPrefix+name, seen) {
				return found
			}
		}
	}
	return found
}

// joinPrefix returns what filepath.Join(dir, name) puts before name, for a name read from the
// folder dir: one element, never "." or "..", which filepath.Clean leaves as it is. Cleaning
// dir once, not every file's whole path, saves a third of the walker's work (BenchmarkWalk).
func joinPrefix(dir string) string {
	return strings.TrimSuffix(filepath.Join(dir, "_"), "_")
}

// withParents returns the folder at the absolute path dir with the folders it is in on disk,
// up to the root, so that a link back to any of them is seen as a loop.
func withParents(dir string, info fs.FileInfo) []fs.FileInfo {
	chain := []fs.FileInfo{info}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return chain
	}
	for p := filepath.Dir(real); ; p = filepath.Dir(p) {
		if parent, err := os.Stat(p); err == nil {
			chain = append(chain, parent)
		}
		if p == filepath.Dir(p) {
			return chain
		}
	}
}

func loops(ancestors []fs.FileInfo, dir fs.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, dir) {
			return true
		}
	}
	return false
}

// walkFS sends the .txt files of fsys, shown as prefix/path.
func (w *walker) walkFS(fsys fs.FS, prefix string) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			w.skip(path.Join(prefix, p), reason(err))
		case d.IsDir():
		case !strings.EqualFold(path.Ext(p), ".txt"):
			w.ignored++
		case !w.send(job{file: path.Join(prefix, p), open: func() (fs.File, error) { return fsys.Open(p) }}):
			return fs.SkipAll
		}
		return nil
	})
	if err != nil {
		w.skip(prefix, reason(err))
	}
}

// errChanged is the skip reason of a file written to while it was read: its bytes may be
// half old and half new.
var errChanged = errors.New("changed while loading (size or modification time differ after reading)")

// beforeReadDir, when a test sets it, runs before a folder is read, to change it at the worst
// moment: the walker runs far ahead of the workers, so a test cannot time that otherwise.
var beforeReadDir func(dir string)

// afterRead, when a test sets it, runs after a file is read and before it is checked for
// changes, to change it at the worst moment.
var afterRead func(file string)

// unchanged checks that the open file f still has the size and modification time it had
// (before) when reading started.
func unchanged(file string, f fs.File, before fs.FileInfo) error {
	if afterRead != nil {
		afterRead(file)
	}
	after, err := f.Stat()
	if err != nil {
		return errors.New(reason(err))
	}
	if after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		return errChanged
	}
	return nil
}

// folderReason is reason for a folder.
func folderReason(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "folder vanished while loading"
	}
	return reason(err)
}

// reason turns a file error into a one-line skip reason.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, syscall.ELOOP):
		return "symlink loop"
	case errors.Is(err, fs.ErrNotExist):
		return "file vanished while loading"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return sanitize.Line(err.Error())
}
