package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// list is a windowed cursor over n rows: it knows which rows are visible and which one is
// selected, never the rows themselves, so moving and drawing cost O(visible rows) whatever n is.
type list struct {
	n, cursor, offset, height int
	// top is the first visible row as the user's moves left it. Resizing derives offset from
	// it without changing it, so a window shrunk to one row and grown back shows what it
	// showed before, as a fresh start at that size would.
	top int
}

// setLen changes the number of rows, keeping the cursor inside.
func (l *list) setLen(n int) {
	l.n = max(n, 0)
	l.place()
}

// setHeight changes the number of visible rows.
func (l *list) setHeight(h int) {
	l.height = max(h, 1)
	l.place()
}

// moveTo puts the cursor on row i (clamped) and scrolls it into view.
func (l *list) moveTo(i int) {
	l.cursor = i
	l.place()
	l.top = l.offset
}

// move moves the cursor by delta rows.
func (l *list) move(delta int) { l.moveTo(l.cursor + delta) }

// page moves the cursor by delta pages.
func (l *list) page(delta int) { l.moveTo(l.cursor + delta*max(l.height-1, 1)) }

// scroll moves the window by delta rows, dragging the cursor along when it would leave it.
func (l *list) scroll(delta int) {
	l.top = max(min(l.offset+delta, l.n-l.height), 0)
	l.cursor = max(min(l.cursor, l.top+l.height-1), l.top)
	l.place()
	l.top = l.offset
}

// place keeps the cursor inside the rows and derives the window from top: as close to it as
// the cursor allows, and never past the last row.
func (l *list) place() {
	l.height = max(l.height, 1)
	l.cursor = max(min(l.cursor, l.n-1), 0)
	l.offset = l.top
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	l.offset = max(min(l.offset, l.n-l.height), 0)
}

// window returns the visible rows [start, end).
func (l list) window() (start, end int) {
	return l.offset, min(l.offset+l.height, l.n)
}

// column describes one column of a list: a fixed width, or flex to take what is left.
type column struct {
	width int
	flex  bool
}

// cell is one column of one row: its text and the rune indexes of matched characters.
type cell struct {
	text  string
	match []int
	ink   ink
}

// layoutColumns gives every column its width in total cells, with one space between columns.
// Fixed columns shrink (last first) when there is not enough room for the flex column.
func layoutColumns(cols []column, total int) []int {
	widths := make([]int, len(cols))
	fixed, flex := 0, -1
	for i, c := range cols {
		if c.flex {
			flex = i
			continue
		}
		widths[i] = c.width
		fixed += c.width
	}
	gaps := len(cols) - 1
	room := total - fixed - gaps
	minFlex := min(12, total/2)
	for i := len(cols) - 1; i >= 0 && room < minFlex; i-- {
		if cols[i].flex {
			continue
		}
		cut := min(widths[i], minFlex-room)
		widths[i] -= cut
		room += cut
	}
	if flex >= 0 {
		widths[flex] = max(room, 0)
	}
	return widths
}

// renderRow draws cells into exactly width cells: each truncated with "…", padded, and with
// matched runes highlighted. base is the row's style (plain or selected).
func renderRow(st *styles, cells []cell, widths []int, width int, selected bool) string {
	var b strings.Builder
	used := 0
	for i, c := range cells {
		w := widths[i]
		if w <= 0 {
			continue
		}
		if used > 0 {
			b.WriteString(pad(" ", selected, st))
			used++
		}
		text := ansi.Truncate(c.text, w, "…")
		base, hl := c.ink, st.inkMatch
		if selected {
			base, hl = st.inkSel, st.inkSelMatch
		}
		b.WriteString(highlight(text, c.match, base, hl))
		if gap := w - ansi.StringWidth(text); gap > 0 {
			b.WriteString(pad(strings.Repeat(" ", gap), selected, st))
		}
		used += w
	}
	if used < width {
		b.WriteString(pad(strings.Repeat(" ", width-used), selected, st))
	}
	return b.String()
}

func pad(s string, selected bool, st *styles) string {
	if selected {
		return st.inkSel.paint(s)
	}
	return s
}

// highlight styles the runes of s whose indexes are in match (sorted) with hl, the rest with
// base, grouping runs so a row costs a few style calls.
func highlight(s string, match []int, base, hl ink) string {
	if len(match) == 0 {
		return base.paint(s)
	}
	var b, run strings.Builder
	inMatch, mi, ri := false, 0, 0
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if inMatch {
			b.WriteString(hl.paint(run.String()))
		} else {
			b.WriteString(base.paint(run.String()))
		}
		run.Reset()
	}
	for _, r := range s {
		for mi < len(match) && match[mi] < ri {
			mi++
		}
		m := mi < len(match) && match[mi] == ri
		if m != inMatch {
			flush()
			inMatch = m
		}
		run.WriteRune(r)
		ri++
	}
	flush()
	return b.String()
}

// fit truncates a styled line to width cells with "…" and pads it with spaces to exactly width.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = ansi.Truncate(s, width, "…")
	if w := ansi.StringWidth(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}
