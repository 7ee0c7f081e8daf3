package loader

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// The cache makes a second start on an unchanged folder fast: each file's article, as parsed
// and annotated before the passes over the whole corpus (linking people, inferring years, which
// rerun on every load), is kept in one cache file per set of folders loaded, in the user's
// cache folder. An entry is used only if the file still has the absolute path, size and
// modification time it had, and the cache was written by the same dispatch binary (a new
// binary may parse or extract differently).
//
// The cache file is a header (magic, format, binary's fingerprint, payload length, CRC-32C of
// the payload) followed by entries (path, size, mtime, encoded article). It is written to a
// temporary file in the cache folder, synced, then renamed over the old one, so a crash or a
// second dispatch never leaves a half-written cache behind: the last writer wins. A file whose
// header or checksum is wrong is set aside as *.corrupt, noted in Corpus.Skipped, and rebuilt.

const (
	cacheMagic  = "dispatch"
	cacheFormat = 1 // bump when appendParsed or the entry layout changes
	// cacheHeaderSize is the magic, format, fingerprint, payload length and checksum.
	cacheHeaderSize = len(cacheMagic) + 4 + fingerprintSize + 8 + 4
	fingerprintSize = 16
	// racyWindow: a file modified this recently may be modified again within the same mtime
	// tick (2 s on FAT), unseen; its entry is not stored, so it is parsed again next time.
	racyWindow = 2 * time.Second
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fingerprint identifies the running binary, hence its parsing and extraction rules: a hash of
// the executable, computed once. Tests may replace it.
var fingerprint = sync.OnceValue(func() [fingerprintSize]byte {
	h := sha256.New()
	fmt.Fprint(h, cacheFormat)
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return [fingerprintSize]byte(h.Sum(nil))
})

// cacheKey is what must not have changed for an entry to be used.
type cacheKey struct{ size, mtime int64 }

func keyOf(info os.FileInfo) cacheKey { return cacheKey{info.Size(), info.ModTime().UnixNano()} }

// cacheEntry is one file's stored article, encoded by appendParsed.
type cacheEntry struct {
	key  cacheKey
	body []byte
	end  int // where body ends in the cache file read, 0 for a new entry
}

// cache is the cache file of one load: the entries read when loading starts, and the writer
// of the new file, started at the first entry that differs.
type cache struct {
	path    string
	entries map[string]cacheEntry // by absolute path; bodies point into file's bytes
	file    *cacheFile            // the cache file read, nil if none
	notes   []model.Skip

	// The pages of file before forgotten are dropped from memory; furthest is the end of the
	// furthest entry used so far.
	forgotten, furthest int

	out     *os.File // the temporary file being written, nil until needed
	w       *bufio.Writer
	crc     uint32
	size    int64
	pending []cacheItem // entries used so far, written when out is opened
	used    int         // entries used (hits)
	failed  error
}

// cacheItem is an entry to write: a hit's old bytes, or a freshly parsed article.
type cacheItem struct {
	abs string
	cacheEntry
	hit bool
}

// cacheDir is where the cache lives: Options.CacheDir, else $DISPATCH_CACHE_DIR, else the
// user's cache folder; "" when caching is off.
func cacheDir(opt Options) string {
	switch {
	case opt.NoCache:
		return ""
	case opt.CacheDir != "":
		return opt.CacheDir
	case os.Getenv("DISPATCH_CACHE_DIR") != "":
		return os.Getenv("DISPATCH_CACHE_DIR")
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "dispatch")
}

// openCache reads the cache file for the given folders and files, or returns nil when caching
// is off. It never fails: a missing, outdated or damaged file is an empty cache.
func openCache(opt Options, roots []root) *cache {
	dir := cacheDir(opt)
	if dir == "" {
		return nil
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	h := sha256.New()
	for _, r := range roots {
		abs, err := filepath.Abs(r.path)
		if err != nil {
			return nil
		}
		if r.info.IsDir() && within(dir, abs) {
			return &cache{notes: []model.Skip{{Path: sanitize.Line(dir),
				Reason: "cache not used: the cache folder is inside the folder being loaded"}}}
		}
		fmt.Fprintf(h, "%s\x00", abs)
	}
	c := &cache{
		path:    filepath.Join(dir, "corpus-"+hex.EncodeToString(h.Sum(nil)[:8])+".cache"),
		entries: map[string]cacheEntry{},
	}
	removeLeftovers(c.path)
	file, err := readCacheFile(c.path)
	if err != nil {
		return c // missing (first load), or unreadable: rebuilt either way
	}
	c.file = file
	if err := readingCache(func() error { return c.index(file.data) }); err != nil {
		clear(c.entries)
		c.close()
		if errors.Is(err, errOutdated) {
			return c
		}
		set := c.path + ".corrupt"
		reason := fmt.Sprintf("cache file damaged (%v): set aside as %s and rebuilt", err, filepath.Base(set))
		if rerr := os.Rename(c.path, set); rerr != nil {
			reason = fmt.Sprintf("cache file damaged (%v), could not be set aside (%s): rebuilt", err, oneLine(rerr))
		}
		c.note(reason)
	}
	if afterCacheOpened != nil {
		afterCacheOpened(c.path)
	}
	return c
}

// afterCacheOpened, when a test sets it, runs once the cache file is read and indexed, to
// change it at the worst moment.
var afterCacheOpened func(path string)

// close forgets the entries and releases the cache file's bytes, which nothing loaded points
// into (cacheReader copies what it returns).
func (c *cache) close() {
	clear(c.entries)
	c.pending = nil
	if c.file != nil {
		c.file.release()
		c.file = nil
	}
}

// keptCaches is how many cache files (sets of folders) the cache folder keeps: the most
// recently used.
const keptCaches = 8

// prune removes the cache files of the cache folder dir beyond the keptCaches most recently
// used, and the damaged ones set aside, but never current, the file just used.
func prune(dir, current string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		used time.Time
	}
	var caches []file
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "corpus-") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		switch p := filepath.Join(dir, name); {
		case strings.HasSuffix(name, ".cache.corrupt") && time.Since(info.ModTime()) > 7*24*time.Hour:
			os.Remove(p)
		case strings.HasSuffix(name, ".cache") && p != current:
			caches = append(caches, file{p, info.ModTime()})
		}
	}
	slices.SortFunc(caches, func(a, b file) int { return b.used.Compare(a.used) })
	for _, f := range caches[min(len(caches), keptCaches-1):] {
		os.Remove(f.path)
	}
}

// removeLeftovers removes the temporary files of writers of the cache file at path that were
// killed before they finished; a file still being written by another dispatch is recent.
func removeLeftovers(path string) {
	tmps, _ := filepath.Glob(path + ".*.tmp")
	for _, tmp := range tmps {
		if info, err := os.Stat(tmp); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(tmp)
		}
	}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

var errOutdated = errors.New("written by another version of dispatch")

// index checks data's header and checksum and indexes its entries. The entries' bodies stay in
// data; their paths are copied, so that looking one up never reads data. Then all of data is
// forgotten: the workers read each entry back as they need it (see forgetBehind).
func (c *cache) index(data []byte) error {
	if len(data) < cacheHeaderSize || string(data[:len(cacheMagic)]) != cacheMagic {
		return errors.New("not a dispatch cache file or truncated")
	}
	h := data[len(cacheMagic):cacheHeaderSize]
	format, h := binary.LittleEndian.Uint32(h), h[4:]
	fp, h := h[:fingerprintSize], h[fingerprintSize:]
	size, h := binary.LittleEndian.Uint64(h), h[8:]
	sum := binary.LittleEndian.Uint32(h)
	if want := fingerprint(); format != cacheFormat || !bytes.Equal(fp, want[:]) {
		return errOutdated
	}
	payload := data[cacheHeaderSize:]
	if uint64(len(payload)) != size {
		return fmt.Errorf("truncated: %d of %d bytes", len(payload), size)
	}
	if crc32.Checksum(payload, castagnoli) != sum {
		return errors.New("checksum mismatch")
	}
	d := cacheReader{data: payload}
	for len(d.data) > 0 && d.err == nil {
		abs := strings.Clone(d.str())
		key := cacheKey{d.int(), d.int()}
		body := d.bytes(int(d.uint()))
		c.entries[abs] = cacheEntry{key, body, len(data) - len(d.data)}
	}
	if d.err != nil {
		return errors.New("entries do not decode")
	}
	c.file.forget(0, len(data))
	return nil
}

// errCacheFault is the error of reading a cache file cut short while mapped.
var errCacheFault = errors.New("cache file cut short while read")

// readingCache runs read, which reads the bytes of a mapped cache file, and turns the fault
// of reading a page the file no longer has (another program truncated it) into errCacheFault.
func readingCache(read func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, fault := r.(interface{ Addr() uintptr }); !fault {
				panic(r)
			}
			err = errCacheFault
		}
	}()
	return read()
}

func (c *cache) note(reason string) {
	c.notes = append(c.notes, model.Skip{Path: sanitize.Line(c.path), Reason: sanitize.Line(reason)})
}

// serves reports whether c may serve j's file: caching is on and the file is on disk.
func (c *cache) serves(j job) bool {
	return c != nil && c.entries != nil && j.abs != ""
}

// current reports whether the entry of the file at abs, whose stat is info, is current.
func (c *cache) current(abs string, info os.FileInfo) bool {
	e, ok := c.entries[abs]
	return ok && e.key == keyOf(info)
}

// load is loadFile through the cache: a file whose entry is current is decoded from it, not
// read; another is loaded and, when it parses, encoded for the new cache file. It runs on the
// workers; it only reads c.entries. The key is the stat taken when the file was opened (or
// stat'ed, for a hit), before reading: a change after it only makes the entry miss.
func (c *cache) load(o opened, maxSize int64, s *scratch) result {
	if !c.serves(o.job) || o.info == nil {
		return loadFile(o, maxSize, s)
	}
	key := keyOf(o.info)
	if e, ok := c.entries[o.abs]; ok && e.key == key {
		if p := decodeEntry(e.body, s.interned(), &s.keep); p != nil {
			o.close()
			p.article.ID = sanitize.Line(idOf(o.file))
			p.article.File = sanitize.Line(o.file)
			return result{parsed: p, bytes: p.article.Size, cached: &cacheItem{o.abs, e, true}}
		}
	}
	r := loadFile(o, maxSize, s)
	if r.parsed != nil && time.Since(o.info.ModTime()) > racyWindow {
		body := appendParsed(entryBuffers.Get().([]byte)[:0], r.parsed)
		r.cached = &cacheItem{abs: o.abs, cacheEntry: cacheEntry{key: key, body: body}}
	}
	return r
}

// decodeEntry decodes an entry, or returns nil: a bug, or the cache file cut short under it,
// must cost a cache miss, not a panic.
func decodeEntry(body []byte, strs map[string]string, k *keeper) (p *parsed) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if recover() != nil {
			p = nil
		}
	}()
	p, _ = decodeParsed(body, strs, k)
	return p
}

// entryBuffers hold new entries from the workers to the cache file writer, which gives them
// back: encoding allocates nothing, and leaves no holes between the texts kept in memory.
var entryBuffers = sync.Pool{New: func() any { return []byte(nil) }}

// scratch is what a loading goroutine reuses from file to file.
type scratch struct {
	buf  []byte            // the read buffer: reading allocates nothing
	keep keeper            // packs what the corpus keeps
	strs map[string]string // keys and names, interned
}

func (s *scratch) interned() map[string]string {
	if s.strs == nil {
		s.strs = map[string]string{}
	}
	return s.strs
}

// keepArticle moves the article, its lists and its mentions into the keeper's blocks, and
// makes the strings many articles repeat (roles, places) share one copy, as they do when
// decoded from the cache. It returns the article's new place.
func (s *scratch) keepArticle(a *model.Article) *model.Article {
	for i := range a.People {
		a.People[i].Role = s.intern(a.People[i].Role)
	}
	a.Source, a.Place = s.intern(a.Source), s.intern(a.Place)
	return s.keep.keepArticle(a)
}

// intern returns the copy of str this goroutine keeps.
func (s *scratch) intern(str string) string {
	strs := s.interned()
	if kept, ok := strs[str]; ok {
		return kept
	}
	strs[str] = str
	return str
}

// add takes the entry of a loaded file (nil when it was not cached), on the collecting
// goroutine. Only entries that differ from the cache file start writing a new one.
func (c *cache) add(it *cacheItem) {
	if c == nil || c.entries == nil || c.failed != nil {
		return
	}
	if it == nil {
		return // a file that did not parse, or changed too recently, is not cached
	}
	if it.hit {
		c.used++
		c.forgetBehind(it.end)
		if c.out == nil {
			c.pending = append(c.pending, *it)
			return
		}
	} else if c.out == nil {
		c.start()
		for _, p := range c.pending {
			c.write(p)
		}
		c.pending = nil
	}
	c.write(*it)
	if !it.hit {
		entryBuffers.Put(it.body)
	}
}

// forgetStep is how far the load moves on in the cache file between two calls to forget, and
// how far behind the furthest entry used the pages it forgets end.
const forgetStep = 16 << 20

// forgetBehind notes that the entry ending at end was used, and forgets the pages well behind
// the furthest used. Files load in the order the last load wrote them, about, so those pages
// are done with; one that is not is read back from the system's cache.
func (c *cache) forgetBehind(end int) {
	c.furthest = max(c.furthest, end)
	if c.furthest-c.forgotten >= 2*forgetStep {
		c.file.forget(c.forgotten, c.furthest-forgetStep)
		c.forgotten = c.furthest - forgetStep
	}
}

// start creates the temporary file in the cache folder, with room for the header.
func (c *cache) start() {
	if c.failed = os.MkdirAll(filepath.Dir(c.path), 0o700); c.failed != nil {
		return
	}
	c.out, c.failed = os.CreateTemp(filepath.Dir(c.path), filepath.Base(c.path)+".*.tmp")
	if c.failed != nil {
		return
	}
	c.w = bufio.NewWriterSize(c.out, 256<<10)
	_, c.failed = c.w.Write(make([]byte, cacheHeaderSize))
}

// write writes an entry to the new cache file. A hit's bytes are read from the old one, whose
// fault if cut short fails the new file.
func (c *cache) write(it cacheItem) {
	if c.failed != nil {
		return
	}
	if it.hit {
		c.failed = readingCache(func() error { c.writeEntry(it); return c.failed })
		return
	}
	c.writeEntry(it)
}

func (c *cache) writeEntry(it cacheItem) {
	e := cacheWriter{make([]byte, 0, 64+len(it.abs))}
	e.str(it.abs)
	e.int(it.key.size)
	e.int(it.key.mtime)
	e.uint(len(it.body))
	for _, b := range [][]byte{e.buf, it.body} {
		c.crc = crc32.Update(c.crc, castagnoli, b)
		c.size += int64(len(b))
		if _, c.failed = c.w.Write(b); c.failed != nil {
			return
		}
	}
}

// finish completes the new cache file and puts it in place, or drops it when the load was
// cancelled (abort). A cache file that is still current is left alone.
func (c *cache) finish(abort bool) {
	if c == nil || c.entries == nil {
		return
	}
	defer c.close()
	if !abort {
		defer prune(filepath.Dir(c.path), c.path)
	}
	if !abort && c.out == nil && c.failed == nil && len(c.pending) > 0 && c.used < len(c.entries) {
		// Files were removed (or the old file was unusable): rewrite what is left.
		c.start()
		for _, p := range c.pending {
			c.write(p)
		}
	}
	if c.out == nil {
		if c.failed != nil {
			c.note(fmt.Sprintf("cache not saved: %s", oneLine(c.failed)))
		} else if c.used > 0 {
			now := time.Now()
			os.Chtimes(c.path, now, now) // used: the last to be pruned
		}
		return
	}
	tmp := c.out.Name()
	err := c.failed
	if err == nil && !abort {
		err = c.w.Flush()
		if err == nil {
			var h [cacheHeaderSize]byte
			b := append(h[:0], cacheMagic...)
			b = binary.LittleEndian.AppendUint32(b, cacheFormat)
			fp := fingerprint()
			b = append(b, fp[:]...)
			b = binary.LittleEndian.AppendUint64(b, uint64(c.size))
			b = binary.LittleEndian.AppendUint32(b, c.crc)
			_, err = c.out.WriteAt(b, 0)
		}
		if err == nil {
			err = c.out.Sync()
		}
	}
	if cerr := c.out.Close(); err == nil {
		err = cerr
	}
	if err == nil && !abort {
		err = os.Rename(tmp, c.path)
	}
	if err != nil || abort {
		os.Remove(tmp)
	}
	if err != nil && !abort {
		c.note(fmt.Sprintf("cache not saved: %s", oneLine(err)))
	}
}

// oneLine is an I/O error as one line.
func oneLine(err error) string { return sanitize.Line(err.Error()) }
