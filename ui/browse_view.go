package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model/search"
)

// view draws the header and the panes side by side, each exactly its width.
func (b *browseScreen) view() string {
	if b.tooSmall() {
		return fitBlock([]string{"dispatch: enlarge the window"}, b.w, b.h)
	}
	st := &b.s.st
	var lines []string
	lines = append(lines, b.header())
	body := make([][]string, 0, 3)
	sep := st.rule.Render("│")
	if b.showSide {
		body = append(body, sidebarView(st, b.views, b.viewIdx, b.pool, b.focus == paneSidebar, b.sideW, b.bodyH))
	}
	switch {
	case b.curView() == viewTimeline:
		body = append(body, blockLines(b.tl.view(), max(min(b.w, maxWidth)-b.listX, 1), b.bodyH))
	case b.narrow && b.focus == paneDetail:
		body = append(body, b.det.view(st, true))
	case b.narrow:
		body = append(body, b.listView())
	default:
		body = append(body, b.listView(), b.det.view(st, b.focus == paneDetail))
	}
	// Every pane's lines are exactly its width, so joining them needs no measuring; only the
	// margin right of a capped layout is left to fill.
	margin := strings.Repeat(" ", max(b.w-min(b.w, maxWidth), 0))
	parts := make([]string, len(body))
	for i := range b.bodyH {
		for j, col := range body {
			parts[j] = col[i]
		}
		lines = append(lines, strings.Join(parts, sep)+margin)
	}
	return strings.Join(lines, "\n")
}

// header names the screen and the view, with the sort and the filter in force.
func (b *browseScreen) header() string {
	st := &b.s.st
	if b.note != nil {
		return fit(b.note.in.View(), b.w)
	}
	h := st.title.Render(b.title)
	v := b.curView()
	if len(b.views) > 1 {
		h += st.dim.Render(" · ") + st.text.Render(v.String())
	}
	if p := b.cur(); p != nil {
		n := p.len(b.pool)
		h += st.dim.Render(fmt.Sprintf(" · %d", n))
		if !p.mixed {
			h += st.dim.Render(" · sort: ") + st.accent.Render(sortName(p.sort, p.kind))
		}
		h += b.stateHeader()
	}
	return fit(h, b.w)
}

// listView draws the filter line and the visible rows: O(visible rows) whatever the list's size.
func (b *browseScreen) listView() []string {
	st := &b.s.st
	p := b.cur()
	lines := make([]string, 0, b.bodyH)
	lines = append(lines, fit(b.filterLine(p), b.listW))
	n := p.len(b.pool)
	if n == 0 {
		for _, l := range emptyMessage(st, p, b.listW) {
			lines = append(lines, fit(l, b.listW))
		}
	}
	cols := rowColumns(p.kind, p.mixed)
	rowW := max(b.listW-gutterW, 0)
	widths := layoutColumns(cols, rowW)
	focused := b.focus == paneList || (p.typing && b.focus != paneDetail)
	for _, ll := range b.rowLines(p) {
		if ll.row < 0 {
			rule := "── " + ll.month + " "
			lines = append(lines, st.rule.Render(rule+strings.Repeat("─", max(b.listW-ansi.StringWidth(rule), 0))))
			continue
		}
		i := ll.row
		r := p.at(i)
		cells, unread := b.s.markArticle(r, b.pool, b.s.markEntity(r, b.pool, rowCells(st, b.pool, r, p.query, p.mixed)))
		if !p.mixed && len(cells) == 3 && r.kind != search.Article {
			cells[2].text = rightAlign(cells[2].text, widths[2])
		}
		// The gutter marks the cursor even without colour, and when the list is not focused.
		mark := "  "
		if i == p.l.cursor {
			mark = st.accent.Render("▌ ")
		}
		if unread {
			mark = unreadGutter(st, i == p.l.cursor)
		}
		lines = append(lines, mark+renderRow(st, cells, widths, rowW, i == p.l.cursor && focused))
	}
	for len(lines) < b.bodyH {
		lines = append(lines, strings.Repeat(" ", b.listW))
	}
	return lines[:b.bodyH]
}

// filterLine is the input while typing, the query's chips and count after. What the query
// got wrong is said in the status line (warning).
func (b *browseScreen) filterLine(p *listPane) string {
	st := &b.s.st
	switch {
	case p.typing && p.query != "" && !p.pending:
		return p.input.View() + st.dim.Render(fmt.Sprintf(" · %d found", p.total))
	case p.typing:
		return p.input.View()
	case p.query != "":
		s := st.accent.Render(p.input.Prompt) + chips(st, p.terms)
		if len(p.problems) > 0 {
			s += st.warn.Render(" ⚠")
		}
		if p.pending {
			s += st.dim.Render(" · searching…")
		} else {
			s += st.dim.Render(fmt.Sprintf(" · %d found", p.total))
		}
		return s
	case p.mixed:
		return st.dim.Render("type to search everything")
	}
	return st.dim.Render("/ filter · s sort")
}

// warning says what is wrong with the current list's query (parts ignored, characters left out,
// a paste cut), for the status line; "" when nothing is.
func (b *browseScreen) warning() string {
	p := b.cur()
	if p == nil {
		return ""
	}
	var parts []string
	if p.notice != "" {
		parts = append(parts, p.notice)
	}
	if p.query != "" {
		parts = append(parts, p.problems...)
	}
	return clean(strings.Join(parts, " · "))
}

// emptyMessage says a list is empty and suggests what to try.
func emptyMessage(st *styles, p *listPane, w int) []string {
	switch {
	case p.pending:
		return []string{st.dim.Render("  searching…")}
	case p.query == "" && p.mixed:
		return []string{"", st.dim.Render("  Words match titles, names and text, in Cyrillic or Latin."),
			st.dim.Render("  person:, country:, org:, source:, since:2025-11, until:2026-01 narrow it.")}
	case p.query == "":
		return []string{"", st.dim.Render("  Nothing here.")}
	}
	out := []string{"", st.text.Render(fmt.Sprintf("  No matches for “%s”.", clean(p.query))), "",
		st.dim.Render("  Try fewer letters, or the other alphabet"),
		st.dim.Render("  (Кошербаев / Kosherbayev, Франция / France).")}
	if strings.Contains(p.query, ":") {
		out = append(out, st.dim.Render("  Remove a qualifier (person:, since:, …) to widen it."))
	}
	for _, pr := range p.problems {
		out = append(out, st.warn.Render("  "+clean(pr)))
	}
	return out
}

// blockLines splits a pane's view into exactly h lines of w cells.
func blockLines(s string, w, h int) []string {
	return strings.Split(fitBlock(strings.Split(s, "\n"), w, h), "\n")
}

// wheel scrolls the pane under the pointer.
func (b *browseScreen) wheel(m tea.Mouse) {
	delta := 3
	if m.Button == tea.MouseWheelUp {
		delta = -3
	} else if m.Button != tea.MouseWheelDown {
		return
	}
	switch {
	case !b.narrow && m.X >= b.detX || b.narrow && b.focus == paneDetail:
		b.det.move(delta)
	case b.curView() == viewTimeline:
	default:
		if p := b.cur(); p != nil {
			p.l.scroll(delta)
		}
	}
}

// click selects what is under the pointer: a view, a row or a detail line.
func (b *browseScreen) click(m tea.Mouse) tea.Cmd {
	if m.Button != tea.MouseLeft || m.Y < headerHeight {
		return nil
	}
	y := m.Y - headerHeight
	switch {
	case b.showSide && m.X < b.sideW:
		b.focus = paneSidebar
		if i := y - 1; i >= 0 && i < len(b.views) {
			b.setView(i)
		}
	case b.curView() == viewTimeline:
		b.focus = paneList
	case !b.narrow && m.X >= b.detX || b.narrow && b.focus == paneDetail:
		b.focus = paneDetail
		line := b.det.offset + y
		for i, l := range b.det.sel {
			if l == line {
				b.det.cursor = i
			}
		}
	default:
		b.focus = paneList
		if p := b.cur(); p != nil && y >= listChromeH {
			if lines := b.rowLines(p); y-listChromeH < len(lines) && lines[y-listChromeH].row >= 0 {
				p.l.moveTo(lines[y-listChromeH].row)
			}
		}
	}
	return nil
}

// listLine is one line of a list pane below the filter line: a row, or (row < 0) a rule that
// starts a month.
type listLine struct {
	row   int
	month string
}

// rowLines lays out the visible part of the list. Sorted by date, each month starts with a rule;
// the window then starts late enough for the cursor's row to stay in view. It costs
// O(visible rows²) at worst, whatever the list's size, and View and clicks share it.
func (b *browseScreen) rowLines(p *listPane) []listLine {
	avail := b.bodyH - listChromeH
	n := p.len(b.pool)
	byMonth := p.kind == search.Article && !p.mixed && p.sort == sortNatural
	build := func(start int) []listLine {
		out := make([]listLine, 0, avail)
		for i := start; i < n && len(out) < avail; i++ {
			if byMonth {
				if m := b.monthOf(p, i); i == start || m != b.monthOf(p, i-1) {
					out = append(out, listLine{row: -1, month: m})
					if len(out) == avail {
						break
					}
				}
			}
			out = append(out, listLine{row: i})
		}
		return out
	}
	start, _ := p.l.window()
	for {
		lines := build(start)
		if !byMonth || start >= p.l.cursor || len(lines) == 0 || lines[len(lines)-1].row >= p.l.cursor {
			return lines
		}
		start++
	}
}

// monthOf is the month heading of row i of an article list.
func (b *browseScreen) monthOf(p *listPane, i int) string {
	a := b.pool.articles[p.at(i).i]
	if a.Date.IsZero() {
		return "undated"
	}
	return a.Date.Format("January 2006")
}

// chips shows a parsed query: plain words as typed, qualifiers as tags in their kind's style,
// and terms that were ignored struck through.
func chips(st *styles, terms []search.Term) string {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		text := clean(t.String())
		switch {
		case t.Problem != "":
			parts = append(parts, st.dim.Strikethrough(true).Render(text))
		case t.Qualifier == "":
			parts = append(parts, st.text.Render(text))
		default:
			style := st.accent
			switch t.Qualifier {
			case search.QualPerson:
				style = st.kinds[search.Person]
			case search.QualCountry:
				style = st.kinds[search.Country]
			case search.QualOrg:
				style = st.kinds[search.Org]
			}
			parts = append(parts, style.Reverse(true).Render(" "+text+" "))
		}
	}
	return strings.Join(parts, " ")
}
