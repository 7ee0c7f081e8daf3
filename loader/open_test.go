package loader

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenFileActsAsOS checks openFile against os.Open: the same bytes, the same size, time
// and kind of file, and errors that tell the same story.
func TestOpenFileActsAsOS(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, "news.txt", []byte(sampleArticle))
	old := time.Date(2024, 3, 5, 10, 0, 0, 123456789, time.UTC)
	if err := os.Chtimes(file, old, old); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, dir} {
		f, err := openFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got.Size() != want.Size() || !got.ModTime().Equal(want.ModTime()) || got.Mode() != want.Mode() ||
			got.IsDir() != want.IsDir() || got.Name() != want.Name() {
			t.Errorf("Stat(%s) = %v %v %v %v %q, os says %v %v %v %v %q", p, got.Size(), got.ModTime(), got.Mode(),
				got.IsDir(), got.Name(), want.Size(), want.ModTime(), want.Mode(), want.IsDir(), want.Name())
		}
		if p == file {
			data, err := io.ReadAll(f)
			if err != nil || string(data) != sampleArticle {
				t.Errorf("read %q, %v; want the file", data, err)
			}
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	}
	_, err := openFile(filepath.Join(dir, "missing.txt"))
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || reason(err) != "file vanished while loading" {
		t.Errorf("opening a missing file: %v", err)
	}
}
