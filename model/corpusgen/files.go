package corpusgen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dispatch-news/dispatch/model"
)

// filesPerDir is the most files WriteFiles puts in one folder.
const filesPerDir = 1000

// The two layouts of the seed files.
const (
	withHeader = iota // " date YYYY-MM-DD Title", a blank line, paragraphs between blank lines
	bare              // title line, then one paragraph a line; the date is in the dateline
)

func formatOf(a *model.Article) int {
	if len(a.ID) > 0 && a.ID[len(a.ID)-1]%2 == 0 {
		return withHeader
	}
	return bare
}

// render writes a as the text of a seed file in the given layout.
func render(a *model.Article, format int) string {
	var b strings.Builder
	sep := "\n"
	if format == withHeader {
		fmt.Fprintf(&b, " date %s %s\n\n", a.Date.Format("2006-01-02"), a.Title)
		sep = "\n\n"
	} else {
		b.WriteString(a.Title + "\n")
	}
	for _, bl := range a.Blocks {
		b.WriteString(bl.Text)
		b.WriteString(sep)
	}
	return b.String()
}

// renderedSize is len(render(a, format)) without building the text.
func renderedSize(a *model.Article, format int) int64 {
	n := len(a.Title) + 1
	sep := 1
	if format == withHeader {
		n = len(" date 2006-01-02 ") + len(a.Title) + 2
		sep = 2
	}
	for _, bl := range a.Blocks {
		n += len(bl.Text) + sep
	}
	return int64(n)
}

// WriteFiles writes the same n articles Articles(n, seed) returns as text files in the seed
// layouts under dir, in subfolders of at most 1000 files ("0000", "0001", ...), and returns
// the bytes written.
func WriteFiles(dir string, n int, seed int64) (bytes int64, err error) {
	e := newEntities()
	var total atomic.Int64
	var once sync.Once
	var firstErr error
	for d := 0; d*filesPerDir < n; d++ {
		if err := os.MkdirAll(filepath.Join(dir, fmt.Sprintf("%04d", d)), 0o755); err != nil {
			return 0, err
		}
	}
	parallel(n, func(i int) {
		a := generate(e, i, seed)
		text := render(a, formatOf(a))
		path := filepath.Join(dir, fmt.Sprintf("%04d", i/filesPerDir), a.ID+".txt")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			once.Do(func() { firstErr = err })
			return
		}
		total.Add(int64(len(text)))
	})
	return total.Load(), firstErr
}
