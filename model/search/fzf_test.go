package search

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/model"
)

// TestWriteFzfLines writes, when DISPATCH_FZF_LINES names a file, one line per article of the
// 100k benchmark corpus (title, people, countries, organisations, source: the fields Search
// matches) for testdata/fzf-compare.sh to time fzf on.
func TestWriteFzfLines(t *testing.T) {
	path := os.Getenv("DISPATCH_FZF_LINES")
	if path == "" {
		t.Skip("set DISPATCH_FZF_LINES to a file to write the lines")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, a := range benchCorpus(100_000).Articles {
		w.WriteString(articleLine(a))
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// articleLine is the text of an article Search matches, on one line.
func articleLine(a *model.Article) string {
	parts := []string{a.Title}
	for _, p := range a.People {
		parts = append(parts, p.Name, p.Latin)
	}
	for _, c := range a.Countries {
		parts = append(parts, c.Name, c.NameEn, c.Code)
	}
	for _, o := range a.Orgs {
		parts = append(parts, o.Abbr, o.NameEn)
	}
	parts = append(parts, a.Source)
	return strings.Join(parts, " | ")
}
