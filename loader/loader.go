// Package loader reads article files (paths, folders or the embedded seeds), decodes and
// sanitises them, parses each into a model.Article, extracts its entities, and builds the
// model.Corpus. It imports nothing from the terminal UI, and never writes to the files it reads.
//
// Loading runs a walker goroutine that finds the files, running ahead of the rest (runAhead),
// prefetchers that open them ahead and ask the system to read them (prefetch.go), and a pool
// of workers (one per core) that each read, decode, sanitise, parse and annotate one file at a
// time. Results are put in path order, so the corpus does not depend on scheduling; then a
// final pass links people across articles, makes duplicate IDs unique and infers the years
// datelines leave out.
//
// A second start on the same folders is fast: each file's article as the workers leave it is
// cached (cache.go) in the user's cache folder, never in the folders read, and used again while
// the file keeps its path, size and modification time and the binary is the same. The final
// pass always reruns. A damaged cache file is set aside and rebuilt, with a note in
// Corpus.Skipped under the cache file's path; Progress.Cached counts the files it served.
//
// Decisions the input formats leave open:
//   - Lead: a title line that runs on into a paragraph is cut after its first sentence and the
//     rest is the lead; otherwise the first paragraph of the body is the lead, whether it stands
//     apart before the dateline or opens with it. An article of one paragraph has no lead.
//   - Titles never end with a single full stop (it is dropped; "..." and "г." stay).
//   - A dateline gives Place and Source and is cut from the text; it gives the date only when
//     the file has no header. A missing year is inferred (DateInferred) from the nearest dated
//     article of the same source, else the year the text mentions most, else the nearest dated
//     article of any source, else the last time that day came round.
//   - Skip entries also carry two notes that are not failures: a given folder without .txt
//     files ("no .txt files in this folder (N other files ignored)"), and a file loaded under a
//     suffixed ID because another file has its name ("loaded as news-2: ...").
//   - Hidden files and folders (".git") and files of other extensions inside folders are not
//     articles; they are counted in Progress.Ignored, not listed.
//
// LICENSES: the month names, abbreviations and credit words in this package were written for
// dispatch from common Russian news usage; no external data is embedded.
package loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dispatch-news/dispatch/loader/extract"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
	"github.com/dispatch-news/dispatch/seeds"
)

// MaxFileSize is the largest file Load reads; larger files are skipped.
const MaxFileSize = 64 << 20

// Progress reports how far loading has got.
type Progress struct {
	Done, Total int   // files parsed, files found so far
	Bytes       int64 // bytes read so far
	Skipped     int   // files among Done that could not be loaded
	// Ignored counts files inside the given folders that are not articles (not .txt, or
	// hidden); it is final only in the last report, where Done == Total.
	Ignored int
	Cached  int // files among Done read from the cache instead of being parsed
	// Counted is set once every folder has been walked: Total is then final. The walk runs
	// ahead of the parsing, so Total is near its end long before the files are parsed.
	Counted bool
}

// Options tune Load.
type Options struct {
	// Progress, when set, is called from loading goroutines as files finish (not more often
	// than needed to draw a progress bar). It must not block. The last call has Done == Total.
	Progress func(Progress)
	// Workers is the number of parsing goroutines; 0 means one per core.
	Workers int
	// CacheDir is where parsed articles are cached between runs (see the package doc); "" means
	// $DISPATCH_CACHE_DIR, else dispatch/ in the user's cache folder (os.UserCacheDir).
	// Problems with the cache never fail a load; they are noted in Corpus.Skipped under the
	// cache file's path.
	CacheDir string
	// NoCache turns the cache off: nothing is read from or written to CacheDir.
	NoCache bool

	maxFileSize int64 // 0 means MaxFileSize; tests set it small
}

// progressInterval is how often Progress is called at most: a frame at 20 fps.
const progressInterval = 50 * time.Millisecond

// Load reads the given files and folders (folders are walked for .txt files); with no paths it
// loads the embedded seeds. Files that cannot be loaded are listed in Corpus.Skipped with a
// reason. Load fails only when a path given on the command line does not exist or cannot be
// read at all, or ctx is cancelled.
//
// Files given explicitly are loaded whatever their extension. A given folder without any .txt
// file yields a Skip entry for the folder, not an error. Two files with the same name in
// different folders are both loaded, the later (by path) with a suffixed ID, and a Skip entry
// whose reason starts with "loaded as" says so.
func Load(ctx context.Context, paths []string, opt Options) (*model.Corpus, error) {
	if len(paths) == 0 {
		return LoadFS(ctx, seeds.FS, "seeds", opt)
	}
	roots, err := checkRoots(paths)
	if err != nil {
		return nil, err
	}
	return run(ctx, opt, openCache(opt, roots), func(w *walker) { w.walkRoots(roots) })
}

// LoadFS is Load for the .txt files of a file system, such as the embedded seeds; each
// Article.File is prefix joined with the file's path in fsys.
func LoadFS(ctx context.Context, fsys fs.FS, prefix string, opt Options) (*model.Corpus, error) {
	return run(ctx, opt, nil, func(w *walker) { w.walkFS(fsys, prefix) })
}

// result is what a worker makes of one job: an article, or a reason to skip the file.
type result struct {
	parsed *parsed
	skip   model.Skip
	bytes  int64
	cached *cacheItem // the file's cache entry, if it has one
}

// run loads the files walk finds, through the cache c when it is not nil.
func run(ctx context.Context, opt Options, c *cache, walk func(*walker)) (*model.Corpus, error) {
	ctx, cancel := context.WithCancel(ctx)
	// The walk ends soon after ctx does, and is waited for: a cancelled load returns with no
	// folder of its own still open.
	var walking sync.WaitGroup
	defer walking.Wait()
	defer cancel()
	defer relaxGC()()
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	if opt.maxFileSize <= 0 {
		opt.maxFileSize = MaxFileSize
	}

	found, ahead := make(chan job), make(chan job)
	w := &walker{ctx: ctx, jobs: found}
	var walked atomic.Bool
	walking.Go(func() {
		defer close(found)
		walk(w)
		walked.Store(true)
	})
	walking.Go(func() { runAhead(ctx, found, ahead) })

	files := prefetch(ctx, ahead, c, opt.maxFileSize)
	results := make(chan result, 4*opt.Workers)
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Go(func() {
			var s scratch
			for o := range files {
				if ctx.Err() != nil {
					o.close()
					continue
				}
				results <- c.load(o, opt.maxFileSize, &s)
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var (
		ps    []*parsed
		skips []model.Skip
		prog  Progress
		last  time.Time
	)
	for r := range results {
		prog.Done++
		prog.Bytes += r.bytes
		if r.cached != nil && r.cached.hit {
			prog.Cached++
		}
		c.add(r.cached)
		if r.parsed != nil {
			ps = append(ps, r.parsed)
		} else {
			prog.Skipped++
			skips = append(skips, r.skip)
		}
		if opt.Progress != nil && time.Since(last) >= progressInterval {
			last = time.Now()
			prog.Counted = walked.Load() // before Total: a total read after the end is final
			prog.Total = int(w.found.Load())
			opt.Progress(prog)
		}
	}
	if err := ctx.Err(); err != nil {
		c.finish(true)
		return nil, err
	}
	c.finish(false)
	skips = append(skips, w.skips...)
	if c != nil {
		skips = append(skips, c.notes...)
	}
	if opt.Progress != nil {
		prog.Total, prog.Ignored, prog.Counted = int(w.found.Load()), w.ignored, true
		opt.Progress(prog)
	}
	return build(ps, skips), nil
}

// build is the final pass over the parsed articles: path order, unique IDs, people linked
// across articles, years inferred, then the corpus.
func build(ps []*parsed, skips []model.Skip) *model.Corpus {
	slices.SortFunc(ps, func(a, b *parsed) int { return strings.Compare(a.article.File, b.article.File) })
	byID := make(map[string]string, len(ps)) // ID → file
	articles := make([]*model.Article, len(ps))
	for i, p := range ps {
		a := p.article
		if other, taken := byID[a.ID]; taken {
			id := a.ID
			for n := 2; byID[a.ID] != ""; n++ {
				a.ID = fmt.Sprintf("%s-%d", id, n)
			}
			skips = append(skips, model.Skip{Path: a.File,
				Reason: fmt.Sprintf("loaded as %s: ID %s is taken by %s", a.ID, id, other)})
		}
		byID[a.ID] = a.File
		articles[i] = a
	}
	// Linking rewrites the people of articles, inferring years their dates: the two are
	// independent, and run side by side.
	var linked sync.WaitGroup
	linked.Go(func() { extract.LinkCorpus(articles) })
	inferYears(ps, time.Now())
	linked.Wait()
	slices.SortStableFunc(skips, func(a, b model.Skip) int { return strings.Compare(a.Path, b.Path) })
	return model.NewCorpus(articles, skips)
}

// loadFile reads, decodes, sanitises, parses and annotates the file of o, reading into s.buf
// (which it may grow; nothing parsed points into it). It never panics: a failure of any
// stage, even a bug, skips the file with a reason.
func loadFile(o opened, maxSize int64, s *scratch) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{skip: model.Skip{Path: sanitize.Line(o.file), Reason: sanitize.Line(fmt.Sprintf("internal error: %v", p))}}
		}
	}()
	data, err := readFile(o, maxSize, s.buf[:0])
	if cap(data) <= maxReadBuffer {
		s.buf = data
	}
	r.bytes = int64(len(data))
	if err != nil {
		r.skip = model.Skip{Path: sanitize.Line(o.file), Reason: err.Error()}
		return r
	}
	p, err := parse(idOf(o.file), o.file, data, &s.keep)
	if err != nil {
		r.skip = model.Skip{Path: sanitize.Line(o.file), Reason: err.Error()}
		return r
	}
	extract.AnnotateIn(p.article, &s.keep)
	p.article = s.keepArticle(p.article)
	r.parsed = p
	return r
}

// idOf is a file's name without its extension.
func idOf(file string) string {
	base := path.Base(filepath.ToSlash(file))
	if id := strings.TrimSuffix(base, path.Ext(base)); id != "" {
		return id
	}
	return base
}

// maxReadBuffer is the largest read buffer a worker keeps for the next file.
const maxReadBuffer = 1 << 20

// readFile reads at most maxSize bytes of the regular file of o into buf, growing it as
// needed, and closes it; the error is a skip reason. It opens the file if o has not.
func readFile(o opened, maxSize int64, buf []byte) ([]byte, error) {
	if o.f == nil && o.err == nil {
		o = openJob(o.job, maxSize)
	}
	if o.err != nil {
		return nil, o.err
	}
	f, info := o.f, o.info
	defer f.Close()
	// The size may change under us: read one byte past the limit to notice.
	data := slices.Grow(buf[:0], int(info.Size())+1)
	for int64(len(data)) <= maxSize {
		if len(data) == cap(data) {
			data = slices.Grow(data, int(min(maxSize+1, int64(len(data))+64<<10))-len(data))
		}
		want := int(min(int64(cap(data)), maxSize+1)) - len(data)
		n, err := f.Read(data[len(data) : len(data)+want])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		// A short read that brings the file to its size is its end: skip the read that would
		// say so. A file growing meanwhile is caught by unchanged, which stats it again.
		if err == nil && n > 0 && n < want && int64(len(data)) == info.Size() {
			break
		}
		if err != nil {
			return data, errors.New(reason(err))
		}
	}
	if int64(len(data)) > maxSize {
		return data, tooLarge(maxSize)
	}
	return data, unchanged(o.file, f, info)
}

func tooLarge(maxSize int64) error {
	return fmt.Errorf("larger than the %s limit", byteSize(maxSize))
}

func byteSize(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
