//go:build !unix

package loader

import "os"

// readCacheFile reads the file at path into the heap.
func readCacheFile(path string) (*cacheFile, error) {
	data, err := os.ReadFile(path)
	return &cacheFile{data: data}, err
}

// cacheFile is the bytes of a cache file.
type cacheFile struct{ data []byte }

// forget does nothing: the bytes are the process's own, needed until the load ends.
func (f *cacheFile) forget(lo, hi int) {}

// release lets the heap take the bytes back.
func (f *cacheFile) release() { f.data = nil }
