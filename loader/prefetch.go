package loader

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync"
)

// A folder not yet in the system's memory (the first load after a reboot, a folder just
// mounted) is read from the disk. A worker that opened and read its file itself would wait for
// the disk twice per file, with nothing else asked of it meanwhile: two workers kept two
// requests in flight, and 100k articles took 15-17 s to load instead of 6, the processors
// mostly idle. The prefetchers open the files a little ahead of the workers and ask
// the system to read them into its cache (readAhead) without waiting for it; many requests are
// in flight at once, and the workers find the bytes in memory. On files already cached they
// cost one system call per file.
const (
	prefetchers = 8  // goroutines opening files; each may wait for the disk in open or stat
	prefetched  = 64 // files opened ahead of the workers at most, besides those being opened
)

// opened is a job with its file open, or the reason it could not be opened.
type opened struct {
	job
	f    fs.File     // nil when the cache serves the file, or on error
	info fs.FileInfo // the file's stat when opened: the key of its cache entry
	err  error       // a skip reason
}

// close closes the job's file, if it is open.
func (o *opened) close() {
	if o.f != nil {
		o.f.Close()
		o.f = nil
	}
}

// prefetch opens the files of jobs on several goroutines and sends them on, asking for each
// file's bytes as it goes. A file whose cache entry in c is current is stat'ed, not opened:
// its bytes are not needed. Files opened but not sent when ctx ends are closed; the receiver
// must close those it drops.
func prefetch(ctx context.Context, jobs <-chan job, c *cache, maxSize int64) <-chan opened {
	out := make(chan opened, prefetched)
	var wg sync.WaitGroup
	for range prefetchers {
		wg.Go(func() {
			for j := range jobs {
				o := c.open(j, maxSize)
				select {
				case out <- o:
				case <-ctx.Done():
					o.close()
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// open opens j's file and asks for its bytes, unless its cache entry in c is current.
func (c *cache) open(j job, maxSize int64) opened {
	if c.serves(j) {
		if info, err := os.Stat(j.abs); err == nil && c.current(j.abs, info) {
			return opened{job: j, info: info} // the worker decodes the entry, not the file
		}
	}
	o := openJob(j, maxSize)
	if o.f != nil && j.open == nil {
		readAhead(o.f)
	}
	return o
}

// openJob opens j's file, if it is a regular file of at most maxSize bytes.
func openJob(j job, maxSize int64) opened {
	o := opened{job: j}
	f, err := j.openJob()
	if err != nil {
		o.err = errors.New(reason(err))
		return o
	}
	info, err := f.Stat()
	switch {
	case err != nil:
		o.err = errors.New(reason(err))
	case !info.Mode().IsRegular():
		o.err = errors.New("not a regular file")
	case info.Size() > maxSize:
		o.err = tooLarge(maxSize)
	default:
		o.f, o.info = f, info
		return o
	}
	f.Close()
	return o
}
