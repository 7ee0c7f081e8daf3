package ui

import (
	"context"
	"image/color"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/model/search"
)

// testCorpus is a deterministic synthetic corpus shaped like the seeds.
func testCorpus(t testing.TB, n int) *model.Corpus {
	t.Helper()
	return corpusgen.Corpus(n, 7)
}

// loadedApp returns the browser showing c at w×h, past the loading screen.
func loadedApp(t testing.TB, c *model.Corpus, w, h int) app {
	t.Helper()
	return loadedAppWith(t, c, search.New(c), w, h)
}

// loadedAppWith is loadedApp with a given index.
func loadedAppWith(t testing.TB, c *model.Corpus, ix searcher, w, h int) app {
	t.Helper()
	a := newApp(context.Background(), RunOptions{Corpus: c})
	m, _ := a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = m.Update(loadedMsg{corpus: c, ix: ix})
	return m.(app)
}

// send delivers msgs one by one, running the commands they return (searches included) until
// they settle, as the Bubble Tea loop would.
func feed(t testing.TB, a app, msgs ...tea.Msg) app {
	t.Helper()
	var m tea.Model = a
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = settle(t, m, cmd, 0)
	}
	return m.(app)
}

func settle(t testing.TB, m tea.Model, cmd tea.Cmd, depth int) tea.Model {
	if cmd == nil || depth > 8 {
		return m
	}
	// Ticks (the input's cursor blink) would sleep: give a command a moment, then drop it.
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(200 * time.Millisecond):
		return m
	}
	switch msg := msg.(type) {
	case nil:
		return m
	case tea.BatchMsg:
		for _, c := range msg {
			m = settle(t, m, c, depth+1)
		}
		return m
	case tea.QuitMsg:
		return m
	case listMsg, openEntityMsg, openArticlesMsg, stepArticleMsg, relatedMsg:
		var next tea.Cmd
		m, next = m.Update(msg)
		return settle(t, m, next, depth+1)
	}
	return m // blink and other ticks: not needed here
}

func keyMsgs(keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		switch k {
		case "enter":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyEnter})
		case "esc":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyEscape})
		case "backspace":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyBackspace})
		case "tab":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyTab})
		case "down":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyDown})
		case "up":
			out = append(out, tea.KeyPressMsg{Code: tea.KeyUp})
		case "ctrl+k":
			out = append(out, tea.KeyPressMsg{Code: 'k', Mod: tea.ModCtrl})
		case "ctrl+c":
			out = append(out, tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
		default:
			for _, r := range k {
				out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		}
	}
	return out
}

func screenText(a app) string { return ansi.Strip(a.View().Content) }

func dark() tea.Msg  { return tea.BackgroundColorMsg{Color: color.Black} }
func light() tea.Msg { return tea.BackgroundColorMsg{Color: color.White} }

// substringSearcher finds items whose label contains the query (folded): a stand-in index
// whose answers the tests can predict, so they exercise the UI's mechanics, not ranking.
type substringSearcher struct{ c *model.Corpus }

func (s substringSearcher) Corpus() *model.Corpus { return s.c }

func (s substringSearcher) Search(ctx context.Context, q string, opt search.Options) (*search.Results, error) {
	res := &search.Results{Query: q}
	q = ru.Fold(q)
	pl := corpusPool(s.c)
	kinds := []search.Kind{search.Article, search.Person, search.Country, search.Org}
	if opt.Scope != search.All {
		kinds = []search.Kind{search.Kind(opt.Scope - 1)}
	}
	for _, k := range kinds {
		for i := range pl.size(k) {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if strings.Contains(ru.Fold(refLabel(pl, ref{k, int32(i)})), q) {
				res.Hits = append(res.Hits, search.Hit{Kind: k, Index: i})
			}
		}
	}
	res.Total = len(res.Hits)
	return res, nil
}

// withSearcher replaces the app's index.
func withSearcher(a app, s searcher) app {
	a.s.ix = s
	return a
}

// assertFits checks that a view never draws outside the terminal.
func assertFits(t *testing.T, a app, w, h int) {
	t.Helper()
	out := screenText(a)
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("%dx%d: line %d is not UTF-8", w, h, i)
		}
	}
}
