package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestRapidResizesEndOnAFreshScreen sends two hundred sizes in a row, tiny and huge in turn (a
// window being dragged, a tiling manager relayouting), then a normal size: the screen must be
// exactly what a fresh start at that size draws, styling included.
func TestRapidResizesEndOnAFreshScreen(t *testing.T) {
	c := seedCorpus(t)
	scripts := map[string][]tea.Msg{
		"main":            nil,
		"detail focused":  keyMsgs("tab", "j"),
		"people":          keyMsgs("2", "j", "j"),
		"filter typing":   keyMsgs("/", "каз"),
		"filter kept":     keyMsgs("/", "каз", "enter"),
		"global search":   keyMsgs("ctrl+k", "Kosherbayev"),
		"entity":          keyMsgs("2", "enter"),
		"pager":           keyMsgs("enter"),
		"pager hits":      keyMsgs("enter", "/", "казахстан", "enter", "n"),
		"pager entity":    keyMsgs("enter", "e", "e"),
		"timeline":        keyMsgs("5", "j"),
		"skipped":         keyMsgs("S"),
		"help":            keyMsgs("?"),
		"hostile pager":   keyMsgs("enter", "e"),
		"hostile skipped": keyMsgs("S"),
	}
	var storm []tea.Msg
	for i := range 200 {
		// It ends on a window two rows high: the list had to scroll for its cursor.
		sizes := [][2]int{{1, 1}, {400, 120}, {0, 0}, {2, 60}, {41, 11}, {89, 3}, {90, 200}, {300, 2}}
		sz := sizes[i%len(sizes)]
		storm = append(storm, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
	}
	for name, script := range scripts {
		corpus := c
		if name == "hostile pager" || name == "hostile skipped" {
			corpus = hostileArticleCorpus()
		}
		// A wide dark terminal, and a narrow light one where the detail pane folds away.
		for i, sz := range [][2]int{{100, 30}, {60, 15}} {
			start := append([]tea.Msg{[]tea.Msg{dark(), light()}[i]}, script...)
			fresh := feed(t, loadedApp(t, corpus, sz[0], sz[1]), start...)
			var m tea.Model = feed(t, loadedApp(t, corpus, sz[0], sz[1]), start...)
			for i, msg := range storm {
				m, _ = m.Update(msg)
				if i%5 == 0 { // the program draws at most once a frame, not once a message
					_ = m.View()
				}
			}
			m, _ = m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			if got, want := m.(app).View().Content, fresh.View().Content; got != want {
				t.Errorf("%s at %dx%d: after the resizes the screen differs from a fresh one:\n%s\nfresh:\n%s",
					name, sz[0], sz[1], screenText(m.(app)), screenText(fresh))
			}
		}
	}
}

func TestTinySizesDrawEveryScreen(t *testing.T) {
	// Every size from 1x1 up: never a panic, never a line too wide or too many lines.
	c := hostileArticleCorpus()
	for _, script := range [][]tea.Msg{nil, keyMsgs("enter"), keyMsgs("enter", "/", "ермек", "enter", "e"), keyMsgs("ctrl+k", "ермек"), keyMsgs("S"), keyMsgs("5"), keyMsgs("?"), keyMsgs("2", "enter")} {
		for w := 1; w <= 24; w += 3 {
			for h := 1; h <= 8; h++ {
				a := feed(t, loadedApp(t, c, w, h), append([]tea.Msg{dark()}, script...)...)
				assertFits(t, a, w, h)
				if msg := terminalUnsafe(a.View().Content); msg != "" {
					t.Errorf("%dx%d: %s", w, h, msg)
				}
			}
		}
	}
}

func TestBusyEntityIsCountedOffTheUIGoroutine(t *testing.T) {
	c := testCorpus(t, 4*relatedSyncMax)
	busiest := c.Countries[0]
	if len(busiest.Articles) <= relatedSyncMax {
		t.Fatalf("the busiest country has only %d articles", len(busiest.Articles))
	}
	a := loadedApp(t, c, 120, 40)
	m, cmd := a.Update(keyMsgs("3")[0])
	a = m.(app)
	if out := screenText(a); !strings.Contains(out, "counting across") || cmd == nil {
		t.Fatalf("the country's detail does not say it is counting (command %v):\n%s", cmd != nil, out)
	}
	a = feed(t, a, keyMsgs("tab", "j")...) // the detail keeps working meanwhile
	picked := mainScreen(t, a).det.selected()
	var mm tea.Model = a
	mm = settle(t, mm, cmd, 0)
	out := screenText(mm.(app))
	if strings.Contains(out, "counting across") || !strings.Contains(out, "Often with") {
		t.Errorf("the count did not arrive:\n%s", out)
	}
	if now := mainScreen(t, mm.(app)).det.selected(); picked == nil || now == nil || now.article != picked.article {
		t.Errorf("the detail's cursor left its article when the count arrived")
	}
	// Cached: opening it again costs nothing and asks for nothing.
	mm, _ = mm.Update(keyMsgs("2")[0])
	if _, cmd := mm.Update(keyMsgs("3")[0]); cmd != nil {
		t.Error("the count was asked for again")
	}
}
