package loader

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
	"github.com/dispatch-news/dispatch/seeds"
)

// TestMain keeps the tests' caches out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "dispatch-cache-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("DISPATCH_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// seedFolder copies the seed articles into a new folder, dated an hour ago (the cache does not
// keep files modified in the last seconds, which could change again unseen).
func seedFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" {
			return err
		}
		data, err := fs.ReadFile(seeds.FS, p)
		if err != nil {
			return err
		}
		return writeOld(filepath.Join(dir, "news", p), data)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeOld writes a file and sets its modification time an hour back.
func writeOld(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return err
	}
	old := time.Now().Add(-time.Hour)
	return os.Chtimes(file, old, old)
}

// loadCounting loads dir and returns the corpus and how many files came from the cache.
func loadCounting(t *testing.T, dir string, opt Options) (*model.Corpus, int) {
	t.Helper()
	var last Progress
	opt.Progress = func(p Progress) { last = p }
	c, err := Load(context.Background(), []string{dir}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if last.Done != last.Total || last.Cached > last.Done {
		t.Errorf("last progress report %+v", last)
	}
	return c, last.Cached
}

// sameCorpus fails unless a and b hold the same articles, entities and skips.
func sameCorpus(t *testing.T, a, b *model.Corpus) {
	t.Helper()
	if len(a.Articles) == 0 {
		t.Fatal("empty corpus")
	}
	if !reflect.DeepEqual(a.Articles, b.Articles) {
		for i := range min(len(a.Articles), len(b.Articles)) {
			if !reflect.DeepEqual(a.Articles[i], b.Articles[i]) {
				t.Fatalf("article %d differs:\n%+v\n%+v", i, *a.Articles[i], *b.Articles[i])
			}
		}
		t.Fatalf("%d articles, then %d", len(a.Articles), len(b.Articles))
	}
	if !reflect.DeepEqual(a.People, b.People) || !reflect.DeepEqual(a.Countries, b.Countries) || !reflect.DeepEqual(a.Orgs, b.Orgs) {
		t.Errorf("entities differ: %d/%d/%d people/countries/orgs, then %d/%d/%d",
			len(a.People), len(a.Countries), len(a.Orgs), len(b.People), len(b.Countries), len(b.Orgs))
	}
}

func TestCacheRoundTrip(t *testing.T) {
	dir := seedFolder(t)
	// An article of a title and credits only: no blocks, whichever way it is loaded.
	if err := writeOld(filepath.Join(dir, "news", "credits-only.txt"), []byte("Заголовок\n\nФото: ТАСС\n")); err != nil {
		t.Fatal(err)
	}
	opt := Options{CacheDir: t.TempDir()}
	cold, cached := loadCounting(t, dir, opt)
	if cached != 0 {
		t.Errorf("first load read %d files from an empty cache", cached)
	}
	warm, cached := loadCounting(t, dir, opt)
	if cached != len(cold.Articles) {
		t.Errorf("second load read %d of %d files from the cache", cached, len(cold.Articles))
	}
	sameCorpus(t, cold, warm)
	if len(warm.Skipped) != 0 {
		t.Errorf("skipped: %v", warm.Skipped)
	}
	// The passes over the whole corpus run again on cached articles: 003's year is inferred.
	if a := warm.Article("003_166b566368b52c2e"); a == nil || !a.DateInferred || a.Date.Year() != 2026 {
		t.Errorf("003 from the cache: %+v", a)
	}
}

func TestCacheSeesChangedFiles(t *testing.T) {
	dir := seedFolder(t)
	opt := Options{CacheDir: t.TempDir()}
	cold, _ := loadCounting(t, dir, opt)

	// One file gets a new title of the same length (only the time changes), another grows.
	sameSize := filepath.Join(dir, "news", "002_4be316f5c9669673.txt")
	data, _ := os.ReadFile(sameSize)
	title := cold.Article("002_4be316f5c9669673").Title
	retitled := strings.Replace(string(data), title, strings.ToUpper(title), 1)
	if len(retitled) != len(data) || retitled == string(data) {
		t.Fatal("test file does not have the expected title")
	}
	if err := os.WriteFile(sameSize, []byte(retitled), 0o644); err != nil {
		t.Fatal(err)
	}
	grown := filepath.Join(dir, "news", "000_84d6e83823b69b38.txt")
	data, _ = os.ReadFile(grown)
	if err := writeOld(grown, append(data, "\nФото: пресс-служба МИД\n"...)); err != nil {
		t.Fatal(err)
	}

	warm, cached := loadCounting(t, dir, opt)
	if want := len(cold.Articles) - 2; cached != want {
		t.Errorf("read %d files from the cache, want %d", cached, want)
	}
	if a := warm.Article("002_4be316f5c9669673"); a == nil || a.Title != strings.ToUpper(title) {
		t.Errorf("changed title not seen: %+v", a)
	}
	if a := warm.Article("000_84d6e83823b69b38"); a == nil || !slices.Contains(a.Credits, "Фото: пресс-служба МИД") {
		t.Errorf("grown file not parsed again: %+v", a)
	}
}

func TestCacheDamaged(t *testing.T) {
	for _, damage := range []struct {
		name string
		do   func([]byte) []byte
	}{
		{"truncated", func(b []byte) []byte { return b[:len(b)*2/3] }},
		{"flipped byte", func(b []byte) []byte { b[len(b)/2] ^= 0x20; return b }},
		{"header only", func(b []byte) []byte { return b[:10] }},
		{"not a cache", func([]byte) []byte { return []byte("hello") }},
		{"empty", func([]byte) []byte { return nil }},
	} {
		t.Run(damage.name, func(t *testing.T) {
			dir, cacheDir := seedFolder(t), t.TempDir()
			opt := Options{CacheDir: cacheDir}
			cold, _ := loadCounting(t, dir, opt)
			files, _ := filepath.Glob(filepath.Join(cacheDir, "*.cache"))
			if len(files) != 1 {
				t.Fatalf("cache files: %v", files)
			}
			data, _ := os.ReadFile(files[0])
			if err := os.WriteFile(files[0], damage.do(data), 0o600); err != nil {
				t.Fatal(err)
			}

			rebuilt, cached := loadCounting(t, dir, opt)
			if cached != 0 {
				t.Errorf("%d files read from a damaged cache", cached)
			}
			if len(rebuilt.Skipped) != 1 || rebuilt.Skipped[0].Path != files[0] ||
				!strings.HasPrefix(rebuilt.Skipped[0].Reason, "cache file damaged") ||
				!strings.Contains(rebuilt.Skipped[0].Reason, "set aside as "+filepath.Base(files[0])+".corrupt") {
				t.Errorf("skipped: %v", rebuilt.Skipped)
			}
			rebuilt.Skipped = nil
			sameCorpus(t, cold, rebuilt)
			if _, err := os.Stat(files[0] + ".corrupt"); err != nil {
				t.Errorf("damaged cache not set aside: %v", err)
			}

			again, cached := loadCounting(t, dir, opt)
			if cached != len(cold.Articles) || len(again.Skipped) != 0 {
				t.Errorf("after the rebuild: %d files from the cache, skipped %v", cached, again.Skipped)
			}
		})
	}
}

func TestCacheOfAnotherBinary(t *testing.T) {
	dir := seedFolder(t)
	opt := Options{CacheDir: t.TempDir()}
	cold, _ := loadCounting(t, dir, opt)
	defer func(f func() [fingerprintSize]byte) { fingerprint = f }(fingerprint)
	fingerprint = func() [fingerprintSize]byte { return [fingerprintSize]byte{1} }

	c, cached := loadCounting(t, dir, opt)
	if cached != 0 || len(c.Skipped) != 0 {
		t.Errorf("another binary's cache: %d files used, skipped %v", cached, c.Skipped)
	}
	sameCorpus(t, cold, c)
	if _, cached = loadCounting(t, dir, opt); cached != len(cold.Articles) {
		t.Errorf("cache not rebuilt for this binary: %d files used", cached)
	}
}

func TestNoCacheWritesNothing(t *testing.T) {
	dir, cacheDir := seedFolder(t), t.TempDir()
	for range 2 {
		if _, cached := loadCounting(t, dir, Options{CacheDir: cacheDir, NoCache: true}); cached != 0 {
			t.Errorf("NoCache read %d files from the cache", cached)
		}
	}
	if entries, _ := os.ReadDir(cacheDir); len(entries) != 0 {
		t.Errorf("NoCache wrote %v", entries)
	}
}

// listing is every file and folder under dir with its size and modification time.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		list = append(list, fmt.Sprintf("%s %d %s", p, info.Size(), info.ModTime().Format(time.RFC3339Nano)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestLoadNeverWritesCorpusFolder(t *testing.T) {
	dir := seedFolder(t)
	before := listing(t, dir)
	for range 2 {
		loadCounting(t, dir, Options{CacheDir: t.TempDir()})
	}
	// A cache folder inside the corpus is not used at all.
	c, _ := loadCounting(t, dir, Options{CacheDir: filepath.Join(dir, "news", ".cache")})
	if len(c.Skipped) != 1 || !strings.HasPrefix(c.Skipped[0].Reason, "cache not used") {
		t.Errorf("cache inside the corpus: skipped %v", c.Skipped)
	}
	if after := listing(t, dir); !slices.Equal(before, after) {
		t.Errorf("the corpus folder changed:\n%s\nthen\n%s", strings.Join(before, "\n"), strings.Join(after, "\n"))
	}
}

// TestCacheRoundTripGenerated checks the cache on articles with many people, countries and
// organisations, as a generated corpus has.
func TestCacheRoundTripGenerated(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.WriteFiles(dir, 300, 7); err != nil {
		t.Fatal(err)
	}
	ageFiles(t, dir)
	opt := Options{CacheDir: t.TempDir()}
	cold, _ := loadCounting(t, dir, opt)
	warm, cached := loadCounting(t, dir, opt)
	if cached != len(cold.Articles) || len(cold.People) == 0 || len(cold.Orgs) == 0 {
		t.Errorf("%d of %d articles from the cache; %d people, %d orgs", cached, len(cold.Articles), len(cold.People), len(cold.Orgs))
	}
	sameCorpus(t, cold, warm)
}

// ageFiles sets the modification time of every file under dir an hour back, as if the
// folder had been there for a while.
func ageFiles(tb testing.TB, dir string) {
	tb.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// TestCacheLeftovers checks that the temporary file of a dispatch killed while writing the
// cache is removed later, but not that of one still writing.
func TestCacheLeftovers(t *testing.T) {
	dir, cacheDir := seedFolder(t), t.TempDir()
	opt := Options{CacheDir: cacheDir}
	loadCounting(t, dir, opt)
	files, _ := filepath.Glob(filepath.Join(cacheDir, "*.cache"))
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	killed, writing := files[0]+".123.tmp", files[0]+".456.tmp"
	for _, f := range []string{killed, writing} {
		if err := os.WriteFile(f, []byte("dispatch"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(killed, old, old)
	loadCounting(t, dir, opt)
	if _, err := os.Stat(killed); err == nil {
		t.Error("old temporary file left in the cache folder")
	}
	if _, err := os.Stat(writing); err != nil {
		t.Errorf("recent temporary file removed: %v", err)
	}
}

// TestCacheForgetsRemovedFiles checks that the entry of a file no longer in the folder is
// dropped from the cache file.
func TestCacheForgetsRemovedFiles(t *testing.T) {
	dir, cacheDir := seedFolder(t), t.TempDir()
	opt := Options{CacheDir: cacheDir}
	cold, _ := loadCounting(t, dir, opt)
	files, _ := filepath.Glob(filepath.Join(cacheDir, "*.cache"))
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	before, _ := os.Stat(files[0])
	if err := os.Remove(filepath.Join(dir, "news", "004_5dadb2c23144b262.txt")); err != nil {
		t.Fatal(err)
	}
	c, cached := loadCounting(t, dir, opt)
	if want := len(cold.Articles) - 1; cached != want || len(c.Articles) != want {
		t.Errorf("%d articles, %d from the cache, want %d", len(c.Articles), cached, want)
	}
	if after, _ := os.Stat(files[0]); after == nil || after.Size() >= before.Size() {
		t.Errorf("cache file not rewritten without the removed file: %v then %v bytes", before.Size(), after)
	}
}

// TestCacheKeepsRecentFolders checks that the cache folder keeps the caches of the most
// recently loaded folders only.
func TestCacheKeepsRecentFolders(t *testing.T) {
	cacheDir := t.TempDir()
	opt := Options{CacheDir: cacheDir}
	first := seedFolder(t)
	loadCounting(t, first, opt)
	for range keptCaches {
		loadCounting(t, seedFolder(t), opt)
	}
	if files, _ := filepath.Glob(filepath.Join(cacheDir, "*.cache")); len(files) != keptCaches {
		t.Errorf("%d cache files, want %d", len(files), keptCaches)
	}
	if _, cached := loadCounting(t, first, opt); cached != 0 {
		t.Errorf("the least recently loaded folder's cache was kept: %d files from it", cached)
	}
}

// A cache file cut short by another program while a load reads it (mapped into memory, its
// missing pages fault) costs cache misses, not a crash: every article still loads, as parsed
// from its file, and the cache is written again whole.
func TestCacheCutShortWhileLoading(t *testing.T) {
	dir := t.TempDir()
	for i := range 300 {
		if err := writeOld(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(sampleArticle)); err != nil {
			t.Fatal(err)
		}
	}
	opt := Options{CacheDir: t.TempDir()}
	cold, _ := loadCounting(t, dir, opt)
	afterCacheOpened = func(path string) {
		if err := os.Truncate(path, 4096); err != nil {
			t.Error(err)
		}
	}
	cut, cached := loadCounting(t, dir, opt)
	afterCacheOpened = nil
	if cached >= len(cold.Articles)/2 {
		t.Errorf("%d of %d files served by a cache file cut to one page", cached, len(cold.Articles))
	}
	sameCorpus(t, cold, cut)
	warm, cached := loadCounting(t, dir, opt)
	if cached != len(cold.Articles) {
		t.Errorf("the load after read %d of %d files from the cache", cached, len(cold.Articles))
	}
	sameCorpus(t, cold, warm)
}
