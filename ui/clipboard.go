package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
	"github.com/dispatch-news/dispatch/model/search"
)

// copySelected copies what the focused pane points at to the clipboard (OSC 52): an article
// as its title, date, source and text; an entity as its name. The pager copies its article.
func (b *browseScreen) copySelected() tea.Cmd {
	var t *target
	if b.focus == paneDetail {
		t = b.det.selected()
	} else if p := b.cur(); p != nil {
		if r, ok := p.selected(b.pool); ok {
			if r.kind == search.Article {
				t = &target{kind: search.Article, article: b.pool.articles[r.i]}
			} else if e, ok := refInfo(b.pool, r); ok {
				t = &target{kind: r.kind, title: e.name}
			}
		}
	}
	switch {
	case t == nil:
		return nil
	case t.kind == search.Article && t.article != nil:
		return b.s.copyArticle(t.article)
	case t.title != "":
		b.s.notice = "copied " + clean(t.title)
		return tea.SetClipboard(sanitize.Line(t.title))
	}
	return nil
}

// copyArticle copies a to the clipboard and says so in the status line.
func (s *session) copyArticle(a *model.Article) tea.Cmd {
	s.notice = "copied “" + clean(a.Title) + "”"
	return tea.SetClipboard(articleText(a))
}

// articleText is an article as plain text for the clipboard, sanitised so that pasting it
// into a terminal runs nothing.
func articleText(a *model.Article) string {
	var sb strings.Builder
	sb.WriteString(sanitize.Line(a.Title) + "\n")
	for _, s := range []string{articleDate(a), a.Source} {
		if s != "" {
			sb.WriteString(sanitize.Line(s) + "\n")
		}
	}
	for _, bl := range a.Blocks {
		sb.WriteString("\n" + sanitize.Text(bl.Text) + "\n")
	}
	return sb.String()
}
