package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
)

// pagerScreen reads one article; [ and ] (stepArticleMsg) step through the list it was opened
// from.
type pagerScreen struct {
	s      *session
	p      pager
	row    int
	rows   func() int
	at     func(int) *model.Article // nil for rows that are not articles
	onStep func(row int)            // keeps the origin list's cursor on the article shown
	w, h   int
}

func newPagerScreen(s *session, a *model.Article, row int, rows func() int, at func(int) *model.Article, onStep func(int)) *pagerScreen {
	ps := &pagerScreen{s: s, p: newPager(a, s.th), row: row, rows: rows, at: at, onStep: onStep}
	ps.p.keys = s.pagerKeys
	s.markRead(a) // opened in the pager: read
	return ps
}

func (ps *pagerScreen) update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(stepArticleMsg); ok {
		ps.step(m.delta)
		return nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && !ps.p.capturing() && key.Matches(m, ps.s.keys.ToggleRead) {
		ps.s.toggleRead(ps.p.article())
		return nil
	}
	if m, ok := msg.(tea.KeyPressMsg); ok && !ps.p.capturing() && key.Matches(m, ps.s.keys.Copy) {
		return ps.s.copyArticle(ps.p.article())
	}
	var cmd tea.Cmd
	ps.p, cmd = ps.p.update(msg)
	return cmd
}

// step moves to the next article row in direction delta, if there is one.
func (ps *pagerScreen) step(delta int) {
	if delta == 0 {
		return
	}
	dir := 1
	if delta < 0 {
		dir = -1
	}
	n := ps.rows()
	for r := ps.row + delta; r >= 0 && r < n; r += dir {
		if a := ps.at(r); a != nil {
			ps.row = r
			ps.p = newPager(a, ps.s.th)
			ps.p.keys = ps.s.pagerKeys
			ps.p.setSize(ps.w, ps.h)
			ps.s.markRead(a)
			if ps.onStep != nil {
				ps.onStep(r)
			}
			return
		}
	}
}

func (ps *pagerScreen) view() string { return fitBlock(splitLines(ps.p.view()), ps.w, ps.h) }

func (ps *pagerScreen) setSize(w, h int) {
	ps.w, ps.h = w, h
	ps.p.setSize(w, h)
}

// warning says what the search input left out, for the status line.
func (ps *pagerScreen) warning() string { return ps.p.notice }

func (ps *pagerScreen) restyle()                { ps.p.setTheme(ps.s.th) }
func (ps *pagerScreen) capturing() bool         { return ps.p.capturing() }
func (ps *pagerScreen) back() (bool, tea.Cmd)   { return false, nil }
func (ps *pagerScreen) helpKeys() []key.Binding { return append(ps.p.helpKeys(), ps.s.keys.Copy) }

func (ps *pagerScreen) hints() []key.Binding {
	return append(ps.p.helpKeys(), ps.s.keys.ToggleRead, ps.s.keys.Back, ps.s.keys.Help)
}

// skippedScreen lists the files that could not be loaded, with the reasons.
type skippedScreen struct {
	s    *session
	l    list
	w, h int
}

func newSkippedScreen(s *session) *skippedScreen {
	sc := &skippedScreen{s: s}
	sc.l.setLen(len(s.corpus.Skipped))
	return sc
}

func (sc *skippedScreen) update(msg tea.Msg) tea.Cmd {
	k := sc.s.keys
	if m, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(m, k.Up):
			sc.l.move(-1)
		case key.Matches(m, k.Down):
			sc.l.move(1)
		case key.Matches(m, k.PageUp):
			sc.l.page(-1)
		case key.Matches(m, k.PageDown):
			sc.l.page(1)
		case key.Matches(m, k.Top):
			sc.l.moveTo(0)
		case key.Matches(m, k.Bottom):
			sc.l.moveTo(sc.l.n - 1)
		}
	}
	return nil
}

func (sc *skippedScreen) view() string {
	st := &sc.s.st
	skipped := sc.s.corpus.Skipped
	lines := []string{st.title.Render("Skipped files") + st.dim.Render(" · "+quantity(len(skipped), "file"))}
	if len(skipped) == 0 {
		lines = append(lines, "", st.dim.Render("  Every file loaded."))
	}
	widths := layoutColumns([]column{{flex: true}, {width: max(sc.w/3, 10)}}, sc.w)
	start, end := sc.l.window()
	for i := start; i < end; i++ {
		cells := []cell{{text: keepEnd(clean(skipped[i].Path), widths[0]), ink: st.inkText},
			{text: clean(skipped[i].Reason), ink: st.inkWarn}}
		lines = append(lines, renderRow(st, cells, widths, sc.w, i == sc.l.cursor))
	}
	return fitBlock(lines, sc.w, sc.h)
}

func (sc *skippedScreen) setSize(w, h int) {
	sc.w, sc.h = w, h
	sc.l.setHeight(h - 1)
}

func (sc *skippedScreen) restyle()              {}
func (sc *skippedScreen) capturing() bool       { return false }
func (sc *skippedScreen) back() (bool, tea.Cmd) { return false, nil }

func (sc *skippedScreen) helpKeys() []key.Binding {
	k := sc.s.keys
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}
}

func (sc *skippedScreen) hints() []key.Binding {
	k := sc.s.keys
	return []key.Binding{k.Up, k.Down, k.Back, k.Help}
}

// keepEnd shortens a path to width cells from the left, "…/news/file.txt": the file's name is
// what tells skipped files apart.
func keepEnd(path string, width int) string {
	if w := ansi.StringWidth(path); w > width && width > 1 {
		return ansi.TruncateLeft(path, w-width+1, "…")
	}
	return path
}
