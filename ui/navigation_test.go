package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/model/search"
)

func topScreen(a app) screen { return a.s.stack[len(a.s.stack)-1] }

func mainScreen(t *testing.T, a app) *browseScreen {
	t.Helper()
	b, ok := a.s.stack[0].(*browseScreen)
	if !ok {
		t.Fatalf("bottom screen is %T", a.s.stack[0])
	}
	return b
}

func TestHistoryArticlePersonArticleBackLandsWhereItStarted(t *testing.T) {
	c := testCorpus(t, 200)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("jjj")...)
	m := mainScreen(t, a)
	if m.cur().l.cursor != 3 {
		t.Fatalf("cursor %d after jjj, want 3", m.cur().l.cursor)
	}
	first := c.Articles[3]
	a = feed(t, a, keyMsgs("enter")...)
	ps, ok := topScreen(a).(*pagerScreen)
	if !ok || ps.p.article() != first {
		t.Fatalf("enter opened %T, want the pager on %q", topScreen(a), first.Title)
	}
	// The pager's entity focus asks for the article's first person.
	if len(first.People) == 0 {
		t.Fatal("corpus article has no people")
	}
	person := first.People[0].Person
	a = feed(t, a, openEntityMsg{kind: model.KindPerson, key: person.Key})
	es, ok := topScreen(a).(*browseScreen)
	if !ok || es.profile == nil || es.profile.key != person.Key {
		t.Fatalf("openEntityMsg opened %T, want %s's screen", topScreen(a), person.Name)
	}
	if !strings.Contains(screenText(a), person.Name) {
		t.Errorf("entity screen does not name %s", person.Name)
	}
	a = feed(t, a, keyMsgs("j", "enter")...)
	ps, ok = topScreen(a).(*pagerScreen)
	want := person.Articles[min(1, len(person.Articles)-1)]
	if !ok || ps.p.article() != want {
		t.Fatalf("enter on the person's second article opened %T", topScreen(a))
	}
	if len(a.s.stack) != 4 {
		t.Fatalf("history holds %d screens, want 4", len(a.s.stack))
	}
	a = feed(t, a, keyMsgs("esc", "backspace", "esc")...)
	if len(a.s.stack) != 1 {
		t.Fatalf("after three backs the history holds %d screens, want 1", len(a.s.stack))
	}
	if m := mainScreen(t, a); m.cur().l.cursor != 3 || m.focus != paneList {
		t.Errorf("back at the start: cursor %d focus %d, want row 3 of the list", m.cur().l.cursor, m.focus)
	}
}

func TestBackKeepsTheFilter(t *testing.T) {
	c := testCorpus(t, 200)
	a := withSearcher(loadedApp(t, c, 120, 40), substringSearcher{c})
	a = feed(t, a, keyMsgs("/", "Казахстан", "enter", "j")...)
	m := mainScreen(t, a)
	n, cursor := m.cur().len(m.pool), m.cur().l.cursor
	if n == 0 || n == len(c.Articles) {
		t.Fatalf("filter kept %d of %d articles", n, len(c.Articles))
	}
	a = feed(t, a, keyMsgs("enter")...)
	if _, ok := topScreen(a).(*pagerScreen); !ok {
		t.Fatalf("enter opened %T, want the pager", topScreen(a))
	}
	a = feed(t, a, keyMsgs("q")...)
	if len(a.s.stack) != 1 || m.cur().query != "Казахстан" || m.cur().len(m.pool) != n || m.cur().l.cursor != cursor {
		t.Fatalf("back: %d screens, query %q, %d rows, cursor %d", len(a.s.stack), m.cur().query, m.cur().len(m.pool), m.cur().l.cursor)
	}
	// esc now clears the kept filter, and q at the top quits.
	a = feed(t, a, keyMsgs("esc")...)
	if m.cur().query != "" || m.cur().len(m.pool) != len(c.Articles) {
		t.Errorf("esc left filter %q with %d rows", m.cur().query, m.cur().len(m.pool))
	}
	_, cmd := a.Update(keyMsgs("q")[0])
	if cmd == nil || cmd() != tea.Quit() {
		t.Error("q at the top did not quit")
	}
}

func TestFilterNarrowsAsYouType(t *testing.T) {
	c := testCorpus(t, 300)
	a := withSearcher(loadedApp(t, c, 120, 40), substringSearcher{c})
	a = feed(t, a, keyMsgs("2", "/")...)
	m := mainScreen(t, a)
	prev := len(c.People)
	for _, r := range "Ерм" {
		a = feed(t, a, keyMsgs(string(r))...)
		p := m.cur()
		n := p.len(m.pool)
		if n > prev {
			t.Errorf("after %q: %d rows, more than %d before", p.query, n, prev)
		}
		for i := range n {
			if name := refLabel(m.pool, p.at(i)); !strings.Contains(ru.Fold(name), ru.Fold(p.query)) {
				t.Errorf("after %q: row %q does not match", p.query, name)
			}
		}
		prev = n
	}
	if prev == 0 || prev == len(c.People) {
		t.Fatalf("query Ерм kept %d of %d people", prev, len(c.People))
	}
	// The screen shows the count and highlights nothing outside the list.
	if !strings.Contains(screenText(a), "found") {
		t.Errorf("filter line does not say how many were found:\n%s", screenText(a))
	}
	a = feed(t, a, keyMsgs("esc")...)
	if p := m.cur(); p.query != "" || p.typing || p.len(m.pool) != len(c.People) {
		t.Errorf("esc: query %q typing %v rows %d", p.query, p.typing, p.len(m.pool))
	}
}

func TestStaleSearchResultsAreDropped(t *testing.T) {
	c := testCorpus(t, 300)
	a := withSearcher(loadedApp(t, c, 120, 40), substringSearcher{c})
	a = feed(t, a, keyMsgs("2", "/")...)
	m := mainScreen(t, a)
	// Type two letters without letting the first search finish.
	var cmds []tea.Cmd
	var model tea.Model = a
	for _, k := range keyMsgs("Ер") {
		var cmd tea.Cmd
		model, cmd = model.Update(k)
		cmds = append(cmds, cmd)
	}
	a = model.(app)
	results := make([]tea.Msg, len(cmds))
	for i, cmd := range cmds {
		results[i] = findListMsg(cmd)
	}
	// The newest answer arrives first, then the stale one.
	a = feed(t, a, results[1])
	want := m.cur().len(m.pool)
	a = feed(t, a, results[0])
	if got := m.cur().len(m.pool); got != want || m.cur().query != "Ер" {
		t.Errorf("stale result applied: %d rows for %q, want %d", got, m.cur().query, want)
	}
}

// findListMsg runs cmd (and the batches it holds) and returns the listMsg it produces.
func findListMsg(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case listMsg:
		return msg
	case tea.BatchMsg:
		for _, c := range msg {
			if m := findListMsg(c); m != nil {
				return m
			}
		}
	}
	return nil
}

func TestSortCycles(t *testing.T) {
	c := testCorpus(t, 300)
	a := loadedApp(t, c, 120, 40)
	m := mainScreen(t, a)
	labels := func() []string {
		p := m.cur()
		var out []string
		for i := range p.len(m.pool) {
			out = append(out, ru.Fold(refLabel(m.pool, p.at(i))))
		}
		return out
	}
	a = feed(t, a, keyMsgs("s")...)
	if !strings.Contains(screenText(a), "sort: title") || !slices.IsSorted(labels()) {
		t.Errorf("first s: not sorted by title")
	}
	a = feed(t, a, keyMsgs("s")...)
	p := m.cur()
	for i := 1; i < p.len(m.pool); i++ {
		if len(m.pool.articles[p.at(i-1).i].Mentions) < len(m.pool.articles[p.at(i).i].Mentions) {
			t.Fatalf("second s: row %d has fewer mentions than row %d", i-1, i)
		}
	}
	if !strings.Contains(screenText(a), "sort: mentions") {
		t.Errorf("header does not show the mentions sort")
	}
	a = feed(t, a, keyMsgs("s")...)
	if !strings.Contains(screenText(a), "sort: date") || m.cur().at(0).i != 0 || m.cur().items != nil {
		t.Errorf("third s: not back to newest first")
	}
}

func TestSortKeepsTheSelectedRow(t *testing.T) {
	c := testCorpus(t, 100)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("jjjjj", "s")...)
	m := mainScreen(t, a)
	r, _ := m.cur().selected(m.pool)
	if m.pool.articles[r.i] != c.Articles[5] {
		t.Errorf("sorting moved the cursor off the selected article")
	}
}

func TestTabCyclesFocus(t *testing.T) {
	a := loadedApp(t, testCorpus(t, 50), 120, 40)
	m := mainScreen(t, a)
	var got []pane
	for range 3 {
		a = feed(t, a, keyMsgs("tab")...)
		got = append(got, m.focus)
	}
	if want := []pane{paneDetail, paneSidebar, paneList}; !slices.Equal(got, want) {
		t.Errorf("tab focus %v, want %v", got, want)
	}
	// In the sidebar, j moves to the next view.
	a = feed(t, a, keyMsgs("tab", "tab", "j")...)
	if m.curView() != viewPeople {
		t.Errorf("j in the sidebar shows %v, want People", m.curView())
	}
}

func TestDetailFollowsAnEntity(t *testing.T) {
	c := testCorpus(t, 100)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("tab")...)
	m := mainScreen(t, a)
	tg := m.det.selected()
	if tg == nil || tg.kind == search.Article {
		t.Fatalf("first selectable detail line is %+v, want an entity", tg)
	}
	a = feed(t, a, keyMsgs("enter")...)
	es, ok := topScreen(a).(*browseScreen)
	if !ok || es.profile == nil || es.profile.key != tg.key {
		t.Fatalf("enter in the detail opened %T", topScreen(a))
	}
}

func TestNarrowTerminalOpensTheDetailFullScreen(t *testing.T) {
	c := testCorpus(t, 100)
	a := loadedApp(t, c, 60, 20)
	if strings.Contains(screenText(a), "Source") {
		t.Error("the detail pane shows on a 60-column terminal")
	}
	a = feed(t, a, keyMsgs("enter")...)
	out := screenText(a)
	if !strings.Contains(out, "Read the article") || !strings.Contains(out, "Source") {
		t.Fatalf("enter on a narrow terminal did not open the detail:\n%s", out)
	}
	a = feed(t, a, keyMsgs("enter")...)
	if ps, ok := topScreen(a).(*pagerScreen); !ok || ps.p.article() != c.Articles[0] {
		t.Fatalf("read opened %T", topScreen(a))
	}
	a = feed(t, a, keyMsgs("esc", "esc")...)
	if len(a.s.stack) != 1 || mainScreen(t, a).focus != paneList {
		t.Errorf("two backs did not return to the list")
	}
}

func TestGlobalSearchMarksKinds(t *testing.T) {
	c := testCorpus(t, 200)
	a := withSearcher(loadedApp(t, c, 120, 40), substringSearcher{c})
	a = feed(t, a, keyMsgs("ctrl+k", "Казах")...)
	if out := screenText(a); !strings.Contains(out, "[article]") {
		t.Errorf("global search for Казах shows no [article]:\n%s", out)
	}
	a = feed(t, a, keyMsgs("enter", "G")...)
	if out := screenText(a); !strings.Contains(out, "[country]") {
		t.Errorf("the end of the results shows no [country]:\n%s", out)
	}
	a = feed(t, a, keyMsgs("/")...)
	a = feed(t, a, keyMsgs("zzzz")...)
	if out := screenText(a); !strings.Contains(out, "No matches") || !strings.Contains(out, "fewer letters") {
		t.Errorf("an empty result does not say so:\n%s", out)
	}
}

func TestStepThroughTheOriginList(t *testing.T) {
	c := testCorpus(t, 50)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("j", "enter")...)
	a = feed(t, a, stepArticleMsg{delta: 1})
	if ps := topScreen(a).(*pagerScreen); ps.p.article() != c.Articles[2] {
		t.Errorf("] shows %q, want the next article", ps.p.article().Title)
	}
	a = feed(t, a, stepArticleMsg{delta: -1}, stepArticleMsg{delta: -1}, stepArticleMsg{delta: -1})
	if ps := topScreen(a).(*pagerScreen); ps.p.article() != c.Articles[0] {
		t.Errorf("[ past the start shows %q, want the first article", ps.p.article().Title)
	}
	a = feed(t, a, keyMsgs("esc")...)
	if m := mainScreen(t, a); m.cur().l.cursor != 0 {
		t.Errorf("the list's cursor did not follow the pager: %d", m.cur().l.cursor)
	}
}

func TestMouseClickSelectsAndToggles(t *testing.T) {
	a := loadedApp(t, testCorpus(t, 50), 120, 40)
	m := mainScreen(t, a)
	line := slices.IndexFunc(m.rowLines(m.cur()), func(l listLine) bool { return l.row == 4 })
	a = feed(t, a, tea.MouseClickMsg{X: m.listX + 5, Y: m.rowsTop + line, Button: tea.MouseLeft})
	if m.cur().l.cursor != 4 {
		t.Errorf("click on the fifth row: cursor %d", m.cur().l.cursor)
	}
	a = feed(t, a, tea.MouseWheelMsg{X: m.listX + 5, Y: 10, Button: tea.MouseWheelDown})
	if m.cur().l.offset != 3 {
		t.Errorf("wheel down: offset %d, want 3", m.cur().l.offset)
	}
	if a.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("mouse capture is off at start")
	}
	a = feed(t, a, keyMsgs("M")...)
	if a.View().MouseMode != tea.MouseModeNone || !strings.Contains(screenText(a), "mouse off") {
		t.Error("M did not turn mouse capture off")
	}
}

func TestHelpListsTheScreensKeys(t *testing.T) {
	a := loadedApp(t, testCorpus(t, 50), 120, 40)
	a = feed(t, a, keyMsgs("?")...)
	out := screenText(a)
	for _, want := range []string{"sort", "filter", "search all", "mouse on/off", "next pane"} {
		if !strings.Contains(out, want) {
			t.Errorf("help does not mention %q", want)
		}
	}
	a = feed(t, a, keyMsgs("?")...)
	if strings.Contains(screenText(a), "Everywhere") {
		t.Error("? did not close the help")
	}
}

func TestTinyAndHugeSizesNeverPanic(t *testing.T) {
	c := testCorpus(t, 100)
	sizes := [][2]int{{1, 1}, {2, 2}, {10, 3}, {20, 4}, {40, 10}, {59, 12}, {89, 20}, {90, 20}, {400, 100}}
	scripts := [][]tea.Msg{
		nil,
		keyMsgs("2"),
		keyMsgs("enter"),
		keyMsgs("?"),
		keyMsgs("ctrl+k", "Каз"),
		keyMsgs("5"),
		keyMsgs("tab", "enter"),
		keyMsgs("S"),
	}
	for _, sz := range sizes {
		for _, script := range scripts {
			a := withSearcher(loadedApp(t, c, sz[0], sz[1]), substringSearcher{c})
			a = feed(t, a, append([]tea.Msg{dark()}, script...)...)
			assertFits(t, a, sz[0], sz[1])
			// Resizing keeps the place.
			a = feed(t, a, tea.WindowSizeMsg{Width: sz[1], Height: sz[0]})
			assertFits(t, a, sz[1], sz[0])
		}
	}
}

func TestDateListIsGroupedByMonth(t *testing.T) {
	c := testCorpus(t, 200)
	a := loadedApp(t, c, 120, 30)
	out := screenText(a)
	first := "── " + c.Articles[0].Date.Format("January 2006")
	if !strings.Contains(out, first) {
		t.Fatalf("no rule for %s:\n%s", first, out)
	}
	// The cursor stays in view when rules take lines: walk to the bottom of the window and past.
	m := mainScreen(t, a)
	for range 40 {
		a = feed(t, a, keyMsgs("j")...)
		lines := m.rowLines(m.cur())
		if !slices.ContainsFunc(lines, func(l listLine) bool { return l.row == m.cur().l.cursor }) {
			t.Fatalf("cursor row %d is not drawn", m.cur().l.cursor)
		}
	}
	// Sorted by title there are no month rules.
	a = feed(t, a, keyMsgs("s")...)
	if strings.Contains(screenText(a), "── ") {
		t.Error("month rules in a list sorted by title")
	}
}

func TestResizeKeepsThePlace(t *testing.T) {
	c := testCorpus(t, 200)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("2", "/", "а", "enter", "jjjjjjj")...)
	m := mainScreen(t, a)
	want, _ := m.cur().selected(m.pool)
	for _, sz := range [][2]int{{40, 10}, {1, 1}, {200, 60}, {80, 24}} {
		a = feed(t, a, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		if got, _ := m.cur().selected(m.pool); got != want || m.cur().query != "а" {
			t.Fatalf("at %dx%d the cursor is on %v with filter %q, want %v", sz[0], sz[1], got, m.cur().query, want)
		}
	}
}

func TestUnknownEntityIsIgnored(t *testing.T) {
	a := loadedApp(t, testCorpus(t, 20), 80, 24)
	a = feed(t, a, openEntityMsg{kind: model.KindOrg, key: "no such org"})
	if len(a.s.stack) != 1 {
		t.Errorf("an unknown entity opened a screen")
	}
}

func TestPasteIntoTheFilterSearches(t *testing.T) {
	c := testCorpus(t, 100)
	a := withSearcher(loadedApp(t, c, 120, 40), substringSearcher{c})
	a = feed(t, a, keyMsgs("2", "/")...)
	a = feed(t, a, tea.PasteMsg{Content: "Ермек"})
	m := mainScreen(t, a)
	if p := m.cur(); p.query != "Ермек" || p.len(m.pool) == 0 || p.len(m.pool) == len(c.People) {
		t.Errorf("paste: query %q, %d rows", p.query, p.len(m.pool))
	}
}

func TestEntityTimelineCountsOnlyItsArticles(t *testing.T) {
	c := testCorpus(t, 200)
	a := loadedApp(t, c, 120, 40)
	person := c.People[0]
	a = feed(t, a, openEntityMsg{kind: model.KindPerson, key: person.Key})
	a = feed(t, a, keyMsgs("t")...)
	out := screenText(a)
	want := "Timeline · " + person.Name
	if !strings.Contains(out, want) {
		t.Fatalf("t on %s's screen does not show %q:\n%s", person.Name, want, out)
	}
	if n := fmt.Sprintf("%d articles", len(person.Articles)); len(person.Articles) > 1 && !strings.Contains(out, n) {
		t.Errorf("the timeline does not count the person's %s:\n%s", n, out)
	}
}
