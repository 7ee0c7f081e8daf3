package loader

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/dispatch-news/dispatch/model"
)

// Hostile input: whatever a folder holds, Load skips what it cannot read with a one-line reason
// and loads the rest. These tests put the bad files next to a good one and check both.

// checkSkips fails unless every file named in want is skipped with that reason, the good
// articles listed in loaded are there, and every reason is one line.
func checkSkips(t *testing.T, c *model.Corpus, want map[string]string, loaded ...string) {
	t.Helper()
	for file, reason := range want {
		if got := skipReason(c, file); got != reason {
			t.Errorf("%s: skipped for %q, want %q", file, got, reason)
		}
	}
	for _, s := range c.Skipped {
		if s.Reason == "" || strings.ContainsAny(s.Reason+s.Path, "\n\r\x1b") {
			t.Errorf("skip reason is not one clean line: %q: %q", s.Path, s.Reason)
		}
	}
	for _, id := range loaded {
		if c.Article(id) == nil {
			t.Errorf("article %s was not loaded next to the bad files; skipped: %v", id, c.Skipped)
		}
	}
}

func TestLoadHostileBytes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", []byte(sampleArticle))
	write(t, dir, "empty.txt", nil)
	write(t, dir, "nul-inside.txt", []byte(strings.Replace(sampleArticle, "Стороны", "Сто\x00роны", 1)))
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(0x80 + rng.IntN(0x80)) // high bytes only: neither UTF-8 nor a code page
	}
	write(t, dir, "noise.txt", noise)
	// A few broken bytes in otherwise good UTF-8 become U+FFFD; the article still loads.
	write(t, dir, "broken-bytes.txt", []byte(strings.Replace(sampleArticle, "атомной", "атом\xff\xfeной", 1)))
	// UTF-16 with a BOM and an unpaired surrogate: decoded with U+FFFD in its place.
	utf16 := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), sampleArticle)
	utf16 = append(utf16, 0x00, 0xd8, '\n', 0) // a high surrogate alone, then a newline
	write(t, dir, "utf16-surrogate.txt", utf16)
	write(t, dir, "utf16-odd.txt", append(encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), sampleArticle), 'x'))
	write(t, dir, "bom-only.txt", []byte("\xef\xbb\xbf\r\n"))
	write(t, dir, "utf16-bom-only.txt", []byte{0xff, 0xfe})

	c := loadDir(t, Options{}, dir)
	checkSkips(t, c, map[string]string{
		"empty.txt":          "empty file",
		"nul-inside.txt":     "binary file (NUL bytes)",
		"noise.txt":          "not valid text in any supported encoding",
		"bom-only.txt":       "empty file",
		"utf16-bom-only.txt": "empty file",
	}, "good", "broken-bytes", "utf16-surrogate", "utf16-odd")
	if a := c.Article("broken-bytes"); a != nil && !strings.Contains(a.Blocks[1].Text, "атом\uFFFDной") {
		t.Errorf("bad bytes not replaced by U+FFFD: %q", a.Blocks[1].Text)
	}
	if len(c.Skipped) != 5 {
		t.Errorf("Skipped = %v, want the 5 files above", c.Skipped)
	}
}

func TestLoadWindows1251AmongUTF8(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "utf8.txt", []byte(sampleArticle))
	cp1251 := encode(t, charmap.Windows1251, sampleArticle)
	write(t, dir, "cp1251.txt", cp1251)
	c := loadDir(t, Options{}, dir)
	a, b := c.Article("utf8"), c.Article("cp1251")
	if a == nil || b == nil || a.Title != b.Title || a.Blocks[0].Text != b.Blocks[0].Text {
		t.Errorf("Windows-1251 file reads differently from the UTF-8 one: %+v / %+v", a, b)
	}
}

// TestLoadHugeFileIsSkippedUnread gives Load a 200 MB file (sparse, so it costs no disk): it is
// skipped by its size, without reading it, while the article next to it loads.
func TestLoadHugeFileIsSkippedUnread(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", []byte(sampleArticle))
	huge, err := os.Create(filepath.Join(dir, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := huge.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	huge.Close()

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	c := loadDir(t, Options{}, dir)
	runtime.ReadMemStats(&after)
	checkSkips(t, c, map[string]string{"huge.txt": "larger than the 64 MiB limit"}, "good")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("loading allocated %d MiB: the huge file was read", alloc>>20)
	}
}

// TestLoadReadsNoMoreThanTheCap loads a file whose size says 0 but which holds more than the
// cap (a /proc file): reading stops one byte past the cap.
func TestLoadReadsNoMoreThanTheCap(t *testing.T) {
	const proc = "/proc/self/maps"
	if info, err := os.Stat(proc); err != nil || info.Size() != 0 {
		t.Skip("no /proc here")
	}
	c := loadDir(t, Options{maxFileSize: 512}, proc)
	if got := skipReason(c, "maps"); got != "larger than the 512 bytes limit" {
		t.Errorf("reason %q, want the cap", got)
	}
}

// TestLoadLongParagraph loads an article whose one paragraph runs over 100,000 lines, once as
// lines broken mid-sentence (joined into one paragraph) and once as 100,000 sentences on lines
// of their own: nothing is lost.
func TestLoadLongParagraph(t *testing.T) {
	const lines = 100_000
	var broken, sentences strings.Builder
	broken.WriteString(" date 2025-11-03 Очень длинная статья\n\n")
	sentences.WriteString(broken.String())
	for i := range lines {
		fmt.Fprintf(&broken, "и строка %d продолжается\n", i)
		fmt.Fprintf(&sentences, "Строка %d.\n", i)
	}
	dir := t.TempDir()
	write(t, dir, "broken.txt", []byte(broken.String()))
	write(t, dir, "sentences.txt", []byte(sentences.String()))
	c := loadDir(t, Options{}, dir)
	for id, wantBlocks := range map[string]int{"broken": 1, "sentences": lines} {
		a := c.Article(id)
		if a == nil {
			t.Fatalf("%s not loaded: %v", id, c.Skipped)
		}
		var text strings.Builder
		for _, b := range a.Blocks {
			text.WriteString(b.Text + " ")
		}
		if len(a.Blocks) != wantBlocks || !strings.Contains(text.String(), fmt.Sprint(lines-1)) {
			t.Errorf("%s: %d blocks, want %d, ending %q", id, len(a.Blocks), wantBlocks, a.Blocks[len(a.Blocks)-1].Text)
		}
	}
}

// smallArticle is the i-th of many generated small articles.
func smallArticle(i int) []byte {
	return fmt.Appendf(nil, " date 2025-11-%02d Переговоры %d\n\nМОСКВА, %d ноября. /ТАСС/. Текст %d.\n", i%28+1, i, i%28+1, i)
}

// TestLoadManySmallFiles loads 10,000 small files from 100 folders on disk.
func TestLoadManySmallFiles(t *testing.T) {
	const n = 10_000
	dir := t.TempDir()
	for f := range 100 {
		if err := os.Mkdir(filepath.Join(dir, fmt.Sprint(f)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprint(i%100), fmt.Sprintf("a%d.txt", i)), smallArticle(i), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := loadDir(t, Options{}, dir)
	if len(c.Articles) != n || len(c.Skipped) != 0 {
		t.Fatalf("%d articles, %d skipped, want %d and none", len(c.Articles), len(c.Skipped), n)
	}
	if a := c.Article("a1234"); a == nil || a.Title != "Переговоры 1234" || a.File != filepath.Join(dir, "34", "a1234.txt") {
		t.Errorf("a1234 = %+v", a)
	}
}

// TestLoadHundredThousandFiles loads 100,000 small files, from memory: what it measures is
// the loader (walk, workers, parse, extract, final pass), not how fast the disk makes files.
func TestLoadHundredThousandFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 files: not in -short mode")
	}
	const n = 100_000
	fsys := make(fstest.MapFS, n)
	for i := range n {
		fsys[fmt.Sprintf("a%d.txt", i)] = &fstest.MapFile{Data: smallArticle(i)}
	}
	start := time.Now()
	c, err := LoadFS(context.Background(), fsys, "mem", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files loaded in %v", n, time.Since(start))
	if len(c.Articles) != n || len(c.Skipped) != 0 {
		t.Fatalf("%d articles, %d skipped, want %d and none", len(c.Articles), len(c.Skipped), n)
	}
	if a := c.Article("a99999"); a == nil || a.Title != "Переговоры 99999" || a.Place != "Москва" {
		t.Errorf("a99999 = %+v", a)
	}
}

func TestLoadSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/good.txt", []byte(sampleArticle))
	if err := os.Mkdir(filepath.Join(dir, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"a/to-b":    "../b", // a/to-b/to-a/to-b/... : two folders linking to each other
		"b/to-a":    "../a",
		"a/one.txt": "two.txt", // two files linking to each other
		"a/two.txt": "one.txt",
	} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	c := loadDir(t, Options{}, dir)
	checkSkips(t, c, map[string]string{
		"a/one.txt":   "symlink loop",
		"a/two.txt":   "symlink loop",
		"a/to-b/to-a": "symlink loop (leads back to a folder it is in)",
		"b/to-a/to-b": "symlink loop (leads back to a folder it is in)",
	}, "good")
	if len(c.Articles) != 1 {
		t.Errorf("%d articles, want good.txt once", len(c.Articles))
	}
}

// TestLoadFolderVanishes removes folders while Load walks them, once a has been walked and
// before b is read: b is skipped as a vanished folder, the files of a not yet read as vanished
// files, and the rest loads.
func TestLoadFolderVanishes(t *testing.T) {
	dir := t.TempDir()
	const perFolder = 200
	for _, folder := range []string{"a", "b"} {
		for i := range perFolder {
			write(t, dir, fmt.Sprintf("%s/%02d.txt", folder, i), []byte(sampleArticle))
		}
	}
	beforeReadDir = func(folder string) {
		if folder != filepath.Join(dir, "b") {
			return
		}
		for _, folder := range []string{"a", "b"} {
			if err := os.RemoveAll(filepath.Join(dir, folder)); err != nil {
				t.Error(err)
			}
		}
	}
	defer func() { beforeReadDir = nil }()
	c := loadDir(t, Options{Workers: 1}, dir)
	checkSkips(t, c, map[string]string{"b": "folder vanished while loading"})
	vanished := 0
	for _, s := range c.Skipped {
		if strings.HasPrefix(s.Path, filepath.Join(dir, "a")) {
			if s.Reason != "file vanished while loading" {
				t.Errorf("%s: %q", s.Path, s.Reason)
			}
			vanished++
		}
	}
	if vanished == 0 || len(c.Articles)+vanished != perFolder {
		t.Errorf("of folder a, %d loaded and %d vanished, want %d in all and some vanished", len(c.Articles), vanished, perFolder)
	}
}

// TestLoadFileChangesWhileRead rewrites files between their reading and the check after it:
// a file that changed is skipped rather than loaded half old, half new.
func TestLoadFileChangesWhileRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "stable.txt", []byte(sampleArticle))
	grows := write(t, dir, "grows.txt", []byte(sampleArticle))
	rewritten := write(t, dir, "rewritten.txt", []byte(sampleArticle))
	deleted := write(t, dir, "deleted.txt", []byte(sampleArticle))
	afterRead = func(file string) {
		var err error
		switch file {
		case grows:
			var f *os.File
			if f, err = os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0); err == nil {
				_, err = f.WriteString("Новый абзац.\n")
				f.Close()
			}
		case rewritten: // same size, new text, new time
			if err = os.WriteFile(file, []byte(strings.Replace(sampleArticle, "ПАРИЖ", "ЛОНДОН", 1)[:len(sampleArticle)]), 0o644); err == nil {
				err = os.Chtimes(file, time.Time{}, time.Now().Add(time.Hour))
			}
		case deleted: // what was read is whole: it loads
			err = os.Remove(file)
		}
		if err != nil {
			t.Error(err)
		}
	}
	defer func() { afterRead = nil }()
	c := loadDir(t, Options{}, dir)
	changed := "changed while loading (size or modification time differ after reading)"
	checkSkips(t, c, map[string]string{"grows.txt": changed, "rewritten.txt": changed}, "stable", "deleted")
	if len(c.Skipped) != 2 {
		t.Errorf("Skipped = %v", c.Skipped)
	}
}

// BenchmarkLoadBigFile loads one 16 MiB article of dense news text (every sentence names
// people and countries): the cost of a file near the size cap, in time and memory (B/op).
func BenchmarkLoadBigFile(b *testing.B) {
	var text strings.Builder
	text.WriteString(" date 2025-11-03 Большая статья\n\n")
	para := strings.Repeat("Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом "+
		"Франции Эммануэлем Макроном. ", 8) + "\n\n"
	for text.Len() < 16<<20 {
		text.WriteString(para)
	}
	dir := b.TempDir()
	p := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(p, []byte(text.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(text.Len()))
	b.ReportAllocs()
	for b.Loop() {
		c, err := Load(context.Background(), []string{p}, Options{NoCache: true})
		if err != nil || len(c.Articles) != 1 {
			b.Fatal(err, c.Skipped)
		}
	}
}
