//go:build unix

package loader

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// readCacheFile reads the file at path into memory mapped outside the Go heap, which release
// gives back to the system at once. Read into the heap, the bytes of a cache file (more than
// the corpus) would stay in the process as free heap long after loading. Nothing may use the
// bytes after release.
func readCacheFile(path string) (data []byte, release func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := info.Size()
	switch {
	case size == 0:
		return nil, func() {}, nil // damaged: index says so
	case size < 0 || size != int64(int(size)):
		return nil, nil, fmt.Errorf("cache file of %d bytes", size)
	}
	data, err = syscall.Mmap(-1, 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, err
	}
	release = func() { syscall.Munmap(data) }
	if _, err := io.ReadFull(f, data); err != nil {
		release()
		return nil, nil, err
	}
	return data, release, nil
}
