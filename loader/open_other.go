//go:build !linux

package loader

import (
	"io/fs"
	"os"
)

// openFile opens the file at name for reading.
func openFile(name string) (fs.File, error) { return os.Open(name) }

// readAhead does nothing: the hint it gives on Linux has no portable equivalent.
func readAhead(fs.File) {}
