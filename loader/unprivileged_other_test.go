//go:build !unix

package loader

import "testing"

// rerunUnprivileged is for Unix, where root reads any file: elsewhere tests run as they are.
func rerunUnprivileged(*testing.T) bool { return false }
