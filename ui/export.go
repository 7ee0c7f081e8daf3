package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/export"
	"github.com/dispatch-news/dispatch/model/sanitize"
	"github.com/dispatch-news/dispatch/model/search"
)

// exportPrompt is an export waiting for its format: the next key chooses it.
type exportPrompt struct {
	title    string
	articles []*model.Article
}

// exportedMsg reports a finished export.
type exportedMsg struct {
	path string
	n    int
	home bool // the working folder is inside the corpus: the file went to the home folder
	err  error
}

func (m exportedMsg) status() string {
	if m.err != nil {
		return sanitize.Line("export failed: " + m.err.Error())
	}
	// The file is in the working folder or, when that is inside the corpus, the home folder.
	s := fmt.Sprintf("exported %s to %s", quantity(m.n, "article"), filepath.Base(m.path))
	if m.home {
		s = fmt.Sprintf("exported %s to ~/%s (not inside the corpus)", quantity(m.n, "article"), filepath.Base(m.path))
	}
	return sanitize.Line(s)
}

// askExport asks for the format to export the articles of list p in, as filtered and sorted.
func (b *browseScreen) askExport(p *listPane) tea.Cmd {
	var articles []*model.Article
	for i := range p.len(b.pool) {
		if r := p.at(i); r.kind == search.Article {
			articles = append(articles, b.pool.articles[r.i])
		}
	}
	if len(articles) == 0 {
		b.s.notice = "nothing to export: this list has no articles"
		return nil
	}
	title := b.title
	if p.query != "" {
		title += " · " + p.query
	}
	b.s.export = &exportPrompt{title: clean(title), articles: articles}
	b.s.notice = fmt.Sprintf("export %s as: m Markdown · c CSV · j JSON · esc cancel", quantity(len(articles), "article"))
	return nil
}

// exportKey answers the format prompt: the export runs in a command, off the UI goroutine.
func (s *session) exportKey(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	formats := map[string]export.Format{"m": export.MarkdownFormat, "c": export.CSVFormat, "j": export.JSONFormat}
	f, ok := formats[msg.String()]
	if !ok {
		if msg.String() == "esc" {
			s.export = nil
			return nil
		}
		s.notice = "export as: m Markdown · c CSV · j JSON · esc cancel"
		return nil
	}
	e := s.export
	s.export = nil
	s.notice = "exporting…"
	paths := s.paths
	return func() tea.Msg { return writeExport(paths, f, e.title, e.articles, time.Now()) }
}

// writeExport writes articles to a new file named after the time in the working folder, or in
// the home folder when the working folder is inside one of the corpus paths.
func writeExport(corpus []string, f export.Format, title string, articles []*model.Article, now time.Time) exportedMsg {
	msg := exportedMsg{n: len(articles)}
	dir, err := os.Getwd()
	if err != nil {
		msg.err = err
		return msg
	}
	if insideAny(dir, corpus) {
		if dir, err = os.UserHomeDir(); err != nil {
			msg.err = err
			return msg
		}
		msg.home = true
	}
	msg.path, msg.err = writeAtomic(dir, "dispatch-export-"+now.Format("20060102-150405"), f.Ext(),
		func(fh *os.File) error { return export.Write(fh, f, title, articles) })
	return msg
}

// writeAtomic writes a new file dir/base+ext (base-2+ext and so on if it exists) through a
// temporary file renamed into place, so a failed export leaves no half-written file.
func writeAtomic(dir, base, ext string, write func(*os.File) error) (string, error) {
	tmp, err := os.CreateTemp(dir, ".dispatch-export-*.tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	path := filepath.Join(dir, base+ext)
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, i, ext))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", err
	}
	return path, nil
}

// insideAny reports whether dir is one of the corpus paths or inside one; a file's folder
// counts as part of the corpus.
func insideAny(dir string, corpus []string) bool {
	dir = resolve(dir)
	for _, p := range corpus {
		p = resolve(p)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			p = filepath.Dir(p)
		}
		if rel, err := filepath.Rel(p, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// resolve is p absolute with its symbolic links followed, as far as they can be.
func resolve(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		p = real
	}
	return p
}
