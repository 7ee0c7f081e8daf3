//go:build unix

package loader

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// readCacheFile maps the file at path into memory, read-only. Its bytes are the system's
// cached copy of the file, not a copy in the process: forget drops pages the load is done
// with (they are read back from the system's cache if wanted again), and release unmaps the
// whole. Without this, a load from the cache held the cache file and the corpus made from it
// at once, 3.3 times the articles' bytes at its peak.
//
// A file cut short by another program while mapped would fault (SIGBUS) where it is read:
// readers of the bytes run under readingCache.
func readCacheFile(path string) (*cacheFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	switch {
	case size == 0:
		return &cacheFile{}, nil // damaged: index says so
	case size < 0 || size != int64(int(size)):
		return nil, fmt.Errorf("cache file of %d bytes", size)
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(size), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	return &cacheFile{data: data}, nil
}

// cacheFile is the bytes of a cache file, mapped unless empty or released.
type cacheFile struct{ data []byte }

// forget tells the system that the pages wholly inside data[lo:hi] are not needed for now.
func (f *cacheFile) forget(lo, hi int) {
	page := os.Getpagesize()
	lo = (lo + page - 1) / page * page
	hi = hi / page * page
	if f.data != nil && lo < hi {
		unix.Madvise(f.data[lo:hi], unix.MADV_DONTNEED) // a hint: a failure changes nothing
	}
}

// release unmaps the file; nothing may use its bytes after.
func (f *cacheFile) release() {
	if f.data != nil {
		unix.Munmap(f.data)
	}
	f.data = nil
}
