package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/dispatch-news/dispatch/model"
)

// dated makes n articles per "YYYY-MM" month, plus undated ones under "".
func datedArticles(counts map[string]int) []*model.Article {
	var as []*model.Article
	for month, n := range counts {
		for i := range n {
			a := &model.Article{ID: fmt.Sprintf("%s-%02d", month, i), Title: "Статья " + month}
			if month != "" {
				d, err := time.Parse("2006-01", month)
				if err != nil {
					panic(err)
				}
				a.Date = d.AddDate(0, 0, i%28)
			}
			as = append(as, a)
		}
	}
	slices.SortFunc(as, model.NewestFirst)
	return as
}

func sizedTimeline(as []*model.Article, w, h int) timeline {
	t := newTimeline("Ермек Кошербаев", as, newTheme(true, true))
	t.setSize(w, h)
	return t
}

func timelineLabels(t timeline) []string {
	var got []string
	for i := range t.rowCount() {
		got = append(got, fmt.Sprintf("%s:%d", t.rowLabel(i), len(t.rowArticles(i))))
	}
	return got
}

func TestTimelineMonths(t *testing.T) {
	tl := sizedTimeline(datedArticles(map[string]int{"2025-10": 2, "2026-02": 3, "2025-12": 1, "": 2}), 60, 12)
	want := []string{"2026-02:3", "2026-01:0", "2025-12:1", "2025-11:0", "2025-10:2", "undated:2"}
	if got := timelineLabels(tl); !slices.Equal(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	view := ansi.Strip(tl.view())
	for _, s := range []string{"Ермек Кошербаев", "8 articles", "2026-01", "undated"} {
		if !strings.Contains(view, s) {
			t.Errorf("view lacks %q:\n%s", s, view)
		}
	}
	// The busiest month's bar is the longest; empty months have none.
	lines := strings.Split(view, "\n")
	bar := func(label string) int {
		for _, l := range lines {
			if strings.Contains(l, label) {
				return strings.Count(l, "█")
			}
		}
		t.Fatalf("no row %s", label)
		return 0
	}
	if bar("2026-02") <= bar("2025-10") || bar("2025-10") <= bar("2025-12") || bar("2025-11") != 0 {
		t.Errorf("bars not proportional:\n%s", view)
	}
	checkFrame(t, tl.view(), 60, 12)
}

func TestTimelineReverseKeepsSelection(t *testing.T) {
	tl := sizedTimeline(datedArticles(map[string]int{"2025-10": 2, "2026-02": 3, "": 1}), 60, 12)
	tl, _ = tl.update(keyPress("j")) // 2026-01
	tl, _ = tl.update(keyPress("r"))
	if got := tl.rowLabel(tl.cursor); got != "2026-01" {
		t.Fatalf("after r the cursor is on %s, want 2026-01", got)
	}
	if got := timelineLabels(tl); got[0] != "2025-10:2" || got[len(got)-1] != "undated:1" {
		t.Fatalf("oldest first: %v", got)
	}
	if !strings.Contains(ansi.Strip(tl.view()), "oldest first") {
		t.Error("header does not say the order")
	}
}

func TestTimelineOpensMonth(t *testing.T) {
	as := datedArticles(map[string]int{"2025-10": 2, "2025-11": 12, "": 1})
	tl := sizedTimeline(as, 60, 12)
	if _, cmd := tl.update(keyPress("enter")); cmd == nil {
		t.Fatal("enter on 2025-11 sends nothing")
	} else {
		msg := cmd().(openArticlesMsg)
		if msg.title != "2025-11 · 12 articles" || len(msg.articles) != 12 {
			t.Fatalf("got %q with %d articles", msg.title, len(msg.articles))
		}
		if !slices.IsSortedFunc(msg.articles, model.NewestFirst) {
			t.Error("month's articles are not newest first")
		}
		for _, a := range msg.articles {
			if a.Date.Month() != time.November {
				t.Fatalf("%s is not from November", a.ID)
			}
		}
	}
	tl, _ = tl.update(keyPress("G"))
	_, cmd := tl.update(keyPress("enter"))
	if msg := cmd().(openArticlesMsg); msg.title != "undated · 1 article" {
		t.Fatalf("undated row sends %q", msg.title)
	}
}

func TestTimelineEmptyMonthSendsNothing(t *testing.T) {
	tl := sizedTimeline(datedArticles(map[string]int{"2025-10": 1, "2025-12": 1}), 60, 12)
	tl, _ = tl.update(keyPress("j"))
	if _, cmd := tl.update(keyPress("enter")); cmd != nil {
		t.Fatal("an empty month should not open an empty list")
	}
}

func TestTimelineScrollsLongRanges(t *testing.T) {
	// Twenty years of monthly articles: 240 rows in a 10-line pane.
	counts := map[string]int{}
	for y := 2006; y < 2026; y++ {
		for m := 1; m <= 12; m++ {
			counts[fmt.Sprintf("%d-%02d", y, m)] = (y + m) % 5
		}
	}
	tl := sizedTimeline(datedArticles(counts), 50, 10)
	for range 100 {
		tl, _ = tl.update(keyPress("j"))
	}
	if tl.cursor != 100 || tl.cursor < tl.top || tl.cursor >= tl.top+tl.visibleRows() {
		t.Fatalf("cursor %d, top %d", tl.cursor, tl.top)
	}
	if !strings.Contains(ansi.Strip(tl.view()), tl.rowLabel(100)) {
		t.Fatal("selected month not on screen")
	}
	tl, _ = tl.update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tl.cursor != 101 {
		t.Fatalf("wheel down: cursor %d, want 101", tl.cursor)
	}
	tl, _ = tl.update(keyPress("G"))
	if tl.rowLabel(tl.cursor) != "2006-01" {
		t.Fatalf("G goes to %s", tl.rowLabel(tl.cursor))
	}
	checkFrame(t, tl.view(), 50, 10)
}

func TestTimelineTinySizesAndEmpty(t *testing.T) {
	sets := [][]*model.Article{nil, datedArticles(map[string]int{"": 3}), datedArticles(map[string]int{"2025-01": 1, "2030-12": 4})}
	for _, as := range sets {
		for w := 0; w <= 5; w++ {
			for h := 0; h <= 3; h++ {
				tl := sizedTimeline(as, w, h)
				for _, k := range []string{"j", "G", "r", "k", "enter", "g", "space"} {
					tl, _ = tl.update(keyPress(k))
					checkFrame(t, tl.view(), w, h)
				}
			}
		}
	}
}

func TestTimelineGolden(t *testing.T) {
	tl := sizedTimeline(datedArticles(map[string]int{"2025-06": 1, "2025-09": 4, "2025-10": 7, "2025-11": 12, "2026-01": 3, "": 2}), 80, 24)
	tl, _ = tl.update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	golden.RequireEqual(t, []byte(ansi.Strip(tl.view())))
}

func BenchmarkTimelineView(b *testing.B) {
	counts := map[string]int{}
	for y := 1980; y < 2026; y++ {
		for m := 1; m <= 12; m++ {
			counts[fmt.Sprintf("%d-%02d", y, m)] = (y*m)%40 + 1
		}
	}
	tl := sizedTimeline(datedArticles(counts), 120, 40)
	for b.Loop() {
		tl, _ = tl.update(keyPress("j"))
		_ = tl.view()
	}
}
