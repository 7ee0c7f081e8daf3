package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// timelineKeyMap is the timeline's key bindings.
type timelineKeyMap struct {
	Down, Up, PageDown, PageUp, Top, Bottom, Reverse, Open key.Binding
}

func defaultTimelineKeyMap() timelineKeyMap {
	return timelineKeyMap{
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/k", "move")),
		Up:       key.NewBinding(key.WithKeys("k", "up")),
		PageDown: key.NewBinding(key.WithKeys("space", "f", "pgdown"), key.WithHelp("space/b", "page")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/G", "first/last")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end")),
		Reverse:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reverse order")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "list month")),
	}
}

// timeline counts articles per month and draws a bar for each month from the first to the last
// (empty months included), newest first until r reverses it, with undated articles in a row of
// their own at the end. Counts are made once, in newTimeline; view draws only the visible rows.
type timeline struct {
	title    string
	total    int
	first    int                // first month as year*12 + month-1
	months   [][]*model.Article // per month from first on, each newest first
	undated  []*model.Article
	maxCount int

	oldestFirst   bool
	cursor, top   int // in display order
	width, height int

	th   theme
	st   timelineStyles
	keys timelineKeyMap
}

// timelineStyles are the timeline's styles as escape codes, made once per theme.
type timelineStyles struct {
	title, dim, bar, selected sgr
}

func newTimelineStyles(th theme) timelineStyles {
	return timelineStyles{
		title:    styleCodes(th.fg(th.accent).Bold(true)),
		dim:      styleCodes(th.fg(th.dim)),
		bar:      styleCodes(th.fg(th.accent)),
		selected: styleCodes(th.selected()),
	}
}

// newTimeline counts articles (nil entries are ignored) per month, once.
func newTimeline(title string, articles []*model.Article, th theme) timeline {
	t := timeline{title: sanitize.Line(title), total: len(articles), keys: defaultTimelineKeyMap()}
	t.setTheme(th)
	lo, hi := 0, -1
	for _, a := range articles {
		if a == nil || a.Date.IsZero() {
			continue
		}
		m := monthIndex(a)
		if hi < lo {
			lo, hi = m, m
		}
		lo, hi = min(lo, m), max(hi, m)
	}
	if hi >= lo {
		t.first = lo
		t.months = make([][]*model.Article, hi-lo+1)
	}
	for _, a := range articles {
		switch {
		case a == nil:
			t.total--
		case a.Date.IsZero():
			t.undated = append(t.undated, a)
		default:
			i := monthIndex(a) - lo
			t.months[i] = append(t.months[i], a)
		}
	}
	for _, m := range t.months {
		slices.SortStableFunc(m, model.NewestFirst)
		t.maxCount = max(t.maxCount, len(m))
	}
	slices.SortStableFunc(t.undated, model.NewestFirst)
	t.maxCount = max(t.maxCount, len(t.undated))
	return t
}

func monthIndex(a *model.Article) int { return a.Date.Year()*12 + int(a.Date.Month()) - 1 }

func (t *timeline) setSize(width, height int) {
	t.width, t.height = max(width, 0), max(height, 0)
	t.scrollToCursor()
}

func (t *timeline) setTheme(th theme) { t.th, t.st = th, newTimelineStyles(th) }

func (t timeline) capturing() bool { return false }

func (t timeline) helpKeys() []key.Binding {
	k := t.keys
	return []key.Binding{k.Down, k.PageDown, k.Top, k.Reverse, k.Open}
}

func (t timeline) rowCount() int {
	n := len(t.months)
	if len(t.undated) > 0 {
		n++
	}
	return n
}

// month returns the index into t.months of display row i, or -1 for the undated row.
func (t timeline) month(i int) int {
	switch {
	case i >= len(t.months):
		return -1
	case t.oldestFirst:
		return i
	}
	return len(t.months) - 1 - i
}

func (t timeline) rowArticles(i int) []*model.Article {
	if i < 0 || i >= t.rowCount() {
		return nil
	}
	if m := t.month(i); m >= 0 {
		return t.months[m]
	}
	return t.undated
}

func (t timeline) rowLabel(i int) string {
	m := t.month(i)
	if m < 0 {
		return "undated"
	}
	ym := t.first + m
	return fmt.Sprintf("%04d-%02d", ym/12, ym%12+1)
}

func (t timeline) visibleRows() int { return max(t.height-1, 0) }

func (t *timeline) scrollToCursor() {
	t.cursor = min(max(t.cursor, 0), max(t.rowCount()-1, 0))
	rows := t.visibleRows()
	switch {
	case t.cursor < t.top:
		t.top = t.cursor
	case rows > 0 && t.cursor >= t.top+rows:
		t.top = t.cursor - rows + 1
	}
	t.top = min(max(t.top, 0), max(t.rowCount()-rows, 0))
}

// update moves the selection (keys and wheel), reverses the order on r, and on enter asks the
// root to list the selected month's articles.
func (t timeline) update(msg tea.Msg) (timeline, tea.Cmd) {
	if w, ok := msg.(tea.MouseWheelMsg); ok {
		switch w.Mouse().Button {
		case tea.MouseWheelDown:
			t.cursor++
		case tea.MouseWheelUp:
			t.cursor--
		}
		t.scrollToCursor()
		return t, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return t, nil
	}
	page := max(t.visibleRows()-1, 1)
	switch {
	case key.Matches(k, t.keys.Down):
		t.cursor++
	case key.Matches(k, t.keys.Up):
		t.cursor--
	case key.Matches(k, t.keys.PageDown):
		t.cursor += page
	case key.Matches(k, t.keys.PageUp):
		t.cursor -= page
	case key.Matches(k, t.keys.Top):
		t.cursor = 0
	case key.Matches(k, t.keys.Bottom):
		t.cursor = t.rowCount() - 1
	case key.Matches(k, t.keys.Reverse):
		// Keep the same month selected; the undated row stays last.
		if t.cursor < len(t.months) {
			t.cursor = len(t.months) - 1 - t.cursor
		}
		t.oldestFirst = !t.oldestFirst
	case key.Matches(k, t.keys.Open):
		as := t.rowArticles(t.cursor)
		if len(as) == 0 {
			return t, nil
		}
		msg := openArticlesMsg{title: t.rowLabel(t.cursor) + " · " + countArticles(len(as)), articles: as}
		return t, func() tea.Msg { return msg }
	}
	t.scrollToCursor()
	return t, nil
}

func countArticles(n int) string { return plural(n, "article") }

// plural is "1 article", "12 articles": UI chrome is English.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// view draws exactly height lines: a header, then the visible rows.
func (t timeline) view() string {
	if t.height <= 0 {
		return ""
	}
	rows := make([]string, 0, t.height)
	rows = append(rows, t.header())
	for i := t.top; i < t.top+t.visibleRows(); i++ {
		if i < t.rowCount() {
			rows = append(rows, t.row(i))
		} else {
			rows = append(rows, "")
		}
	}
	return strings.Join(rows, "\n")
}

func (t timeline) header() string {
	info := countArticles(t.total)
	if len(t.months) > 0 {
		order := "newest first"
		if t.oldestFirst {
			order = "oldest first"
		}
		info += " · " + plural(len(t.months), "month") + " · " + order
	}
	return ansi.Truncate(t.st.title.apply(t.title)+t.st.dim.apply("  "+info), t.width, "…")
}

// row draws "2025-11 ███████▌ 12": the bar scaled so the busiest month fills the width.
func (t timeline) row(i int) string {
	n := len(t.rowArticles(i))
	label := fmt.Sprintf("%-7s", t.rowLabel(i))
	count := strconv.Itoa(n)
	barWidth := t.width - len(label) - len(strconv.Itoa(t.maxCount)) - 3
	bar := ""
	if barWidth > 0 && t.maxCount > 0 {
		bar = barOf(n, t.maxCount, barWidth)
	}
	var line string
	if i == t.cursor {
		plain := " " + label + " " + bar + " " + count
		plain += strings.Repeat(" ", max(t.width-ansi.StringWidth(plain), 0))
		line = t.st.selected.apply(plain)
	} else {
		if n == 0 {
			label = t.st.dim.apply(label)
		}
		line = " " + label + " " + t.st.bar.apply(bar) + " " + t.st.dim.apply(count)
	}
	if barWidth <= 0 {
		return ansi.Truncate(line, t.width, "")
	}
	return line
}

// barOf draws n of most as a bar of at most width cells, in eighths of a cell; any n > 0
// shows at least a sliver.
func barOf(n, most, width int) string {
	eighths := n * width * 8 / most
	if n > 0 && eighths == 0 {
		eighths = 1
	}
	const parts = " ▏▎▍▌▋▊▉"
	bar := strings.Repeat("█", eighths/8)
	if r := eighths % 8; r > 0 {
		bar += string([]rune(parts)[r])
	}
	return bar
}
