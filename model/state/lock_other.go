//go:build !unix

package state

// lockFile does nothing where there is no flock: processes are not kept apart there, only
// States within one process (by the per-file mutex).
func lockFile(string) (unlock func(), err error) { return func() {}, nil }

// syncDir does nothing: directories cannot be synced here.
func syncDir(string) {}
