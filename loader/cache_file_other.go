//go:build !unix

package loader

import "os"

// readCacheFile reads the file at path; release does nothing, the heap takes the bytes back.
func readCacheFile(path string) (data []byte, release func(), err error) {
	data, err = os.ReadFile(path)
	return data, func() {}, err
}
