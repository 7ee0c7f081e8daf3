package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/loader"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

func TestLatinQueryFindsCyrillicPersonInSeeds(t *testing.T) {
	c := seedCorpus(t)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("2", "/", "Kosherbayev", "enter")...)
	m := mainScreen(t, a)
	p := m.cur()
	if p.len(m.pool) == 0 {
		t.Fatalf("Kosherbayev found no one:\n%s", screenText(a))
	}
	if name := refLabel(m.pool, p.at(0)); !strings.Contains(name, "Кошербаев") {
		t.Errorf("best match for Kosherbayev is %q", name)
	}
	// The matched letters of the Latin form are styled apart from the rest of the row.
	if plain := screenText(a); !strings.Contains(plain, "Kosherbayev") {
		t.Errorf("row does not show the Latin form:\n%s", plain)
	}
	out, st := a.View().Content, &a.s.st
	if !strings.Contains(out, st.inkMatch.pre+"K") && !strings.Contains(out, st.inkSelMatch.pre+"K") {
		t.Error("no highlighted match in the rows")
	}
}

func TestFirstFrameIsTheLoadingScreen(t *testing.T) {
	a := newApp(context.Background(), RunOptions{})
	m, _ := a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if out := screenText(m.(app)); !strings.Contains(out, "loading") {
		t.Fatalf("first frame:\n%s", out)
	}
	m, _ = m.Update(loadProgressMsg{p: loader.Progress{Done: 3, Total: 12, Bytes: 2 << 20}})
	if out := screenText(m.(app)); !strings.Contains(out, "3 of 12 files found so far") || !strings.Contains(out, "█") {
		t.Errorf("progress while the folders are walked is not shown:\n%s", out)
	}
	m, _ = m.Update(loadProgressMsg{p: loader.Progress{Done: 4, Total: 12, Bytes: 2 << 20, Counted: true}})
	if out := screenText(m.(app)); !strings.Contains(out, "4 of 12 files ·") {
		t.Errorf("progress once every file is found is not shown:\n%s", out)
	}
	m, _ = m.Update(loadProgressMsg{p: loader.Progress{Done: 25, Total: 100, Counted: true}, elapsed: 2 * time.Second})
	if out := screenText(m.(app)); !strings.Contains(out, "about 6 s left") {
		t.Errorf("no time left after 2 s for a quarter of the files:\n%s", out)
	}
}

// TestTimeLeft: the pace so far, once every file is found and a second has passed.
func TestTimeLeft(t *testing.T) {
	for _, tc := range []struct {
		p       loader.Progress
		elapsed time.Duration
		want    string
	}{
		{loader.Progress{Done: 25, Total: 100, Counted: true}, 2 * time.Second, "about 6 s left"},
		{loader.Progress{Done: 10, Total: 1000, Counted: true}, 2 * time.Second, "about 3 min 18 s left"},
		{loader.Progress{Done: 25, Total: 100}, 2 * time.Second, ""},                       // still walking
		{loader.Progress{Done: 25, Total: 100, Counted: true}, 500 * time.Millisecond, ""}, // too early
		{loader.Progress{Done: 99, Total: 100, Counted: true}, 10 * time.Second, ""},       // the last 0.1 s
		{loader.Progress{Done: 0, Total: 100, Counted: true}, 2 * time.Second, ""},         // no pace yet
		{loader.Progress{Done: 100, Total: 100, Counted: true}, 2 * time.Second, ""},       // done
	} {
		if got := timeLeft(tc.p, tc.elapsed); got != tc.want {
			t.Errorf("timeLeft(%+v, %v) = %q, want %q", tc.p, tc.elapsed, got, tc.want)
		}
	}
}

func TestRunLoadsInTheBackground(t *testing.T) {
	a := newApp(context.Background(), RunOptions{})
	cmd := startLoad(context.Background(), RunOptions{}, a.load)
	deadline := time.After(30 * time.Second)
	for {
		done := make(chan tea.Msg, 1)
		go func() { done <- cmd() }()
		select {
		case <-deadline:
			t.Fatal("loading did not finish")
		case msg := <-done:
			if l, ok := msg.(loadedMsg); ok {
				if l.err != nil || len(l.corpus.Articles) == 0 || l.ix == nil {
					t.Fatalf("loaded %+v", l)
				}
				return
			}
			cmd = a.load.wait()
		}
	}
}

func TestLoadErrorQuitsWithIt(t *testing.T) {
	a := newApp(context.Background(), RunOptions{})
	m, cmd := a.Update(loadedMsg{err: context.Canceled})
	if m.(app).err == nil || cmd == nil {
		t.Fatal("a loading error did not stop the browser")
	}
}

// hostileCorpus has articles whose text tries to drive the terminal, and wide scripts.
func hostileCorpus() *model.Corpus {
	titles := []string{
		"Заголовок \x1b]0;pwned\x07 с OSC",
		"Clear \x1b[2J\x1b[H screen",
		"Қазақстан және Өзбекстан: ынтымақтастық",
		"中国与哈萨克斯坦 外交部长会晤 🇰🇿🤝🇨🇳",
		"Emoji 👩‍👩‍👧‍👦 family and combining e\u0301",
	}
	var arts []*model.Article
	for i, title := range titles {
		arts = append(arts, &model.Article{
			ID: string(rune('a' + i)), Title: title, Source: "Src\x1b[31m red",
			Date:   time.Date(2025, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC),
			Blocks: []model.Block{{Kind: model.Lead, Text: "Лид \x1b[5m мигает " + title}},
			People: []model.PersonRef{{Person: &model.Person{Key: "p", Name: "Имя \x1b[8m Фамилия"}, Mentions: 1}},
		})
	}
	return model.NewCorpus(arts, []model.Skip{{Path: "bad\x1b[2J.txt", Reason: "not \x07 text"}})
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	c := hostileCorpus()
	for _, script := range [][]tea.Msg{nil, keyMsgs("tab"), keyMsgs("jj", "enter"), keyMsgs("2"), keyMsgs("S"), keyMsgs("jjj", "tab", "enter")} {
		for _, w := range []int{40, 80, 120} {
			a := loadedApp(t, c, w, 20)
			a = feed(t, a, append([]tea.Msg{dark()}, script...)...)
			out := a.View().Content
			for _, bad := range []string{"\x1b]", "\x07", "\x1b[2J", "\x1b[H", "\x1b[5m", "\x1b[8m"} {
				if strings.Contains(out, bad) {
					t.Errorf("width %d: %q reached the terminal", w, bad)
				}
			}
			assertFits(t, a, w, 20)
		}
	}
}

func TestNoColorHasNoColours(t *testing.T) {
	c := testCorpus(t, 30)
	a := newApp(context.Background(), RunOptions{NoColor: true})
	m, _ := a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	m, _ = m.Update(loadedMsg{corpus: c, ix: search.New(c)})
	a = feed(t, m.(app), dark(), keyMsgs("tab")[0])
	out := a.View().Content
	for _, sgr := range []string{"[38;", "[48;", ";38;", ";48;"} {
		if strings.Contains(out, sgr) {
			t.Fatalf("colour %q with NoColor", sgr)
		}
	}
	if !strings.Contains(out, "\x1b[7m") && !strings.Contains(out, ";7m") {
		t.Error("without colour the selected row is not reversed")
	}
}

func TestEscOnAnEmptyGlobalSearchGoesBack(t *testing.T) {
	a := loadedApp(t, testCorpus(t, 30), 120, 30)
	a = feed(t, a, keyMsgs("ctrl+k")...)
	if len(a.s.stack) != 2 {
		t.Fatal("ctrl+k did not open global search")
	}
	a = feed(t, a, keyMsgs("esc")...)
	if len(a.s.stack) != 1 {
		t.Errorf("esc on an empty search left %d screens", len(a.s.stack))
	}
}

func TestTimelineMonthOpensItsArticles(t *testing.T) {
	c := testCorpus(t, 100)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("5")...)
	if !strings.Contains(screenText(a), "Timeline") {
		t.Fatalf("5 does not show the timeline:\n%s", screenText(a))
	}
	a = feed(t, a, openArticlesMsg{title: "November 2025", articles: c.Articles[:3]})
	b, ok := topScreen(a).(*browseScreen)
	if !ok || b.cur().len(b.pool) != 3 || !strings.Contains(screenText(a), "November 2025") {
		t.Fatalf("openArticlesMsg opened %T", topScreen(a))
	}
	a = feed(t, a, keyMsgs("esc")...)
	if mainScreen(t, a).curView() != viewTimeline || len(a.s.stack) != 1 {
		t.Error("back did not return to the timeline")
	}
}

// optionsSearcher records the options of every search.
type optionsSearcher struct {
	substringSearcher
	seen *[]search.Options
}

func (s optionsSearcher) Search(ctx context.Context, q string, opt search.Options) (*search.Results, error) {
	*s.seen = append(*s.seen, opt)
	res, err := s.substringSearcher.Search(ctx, q, opt)
	if err == nil && opt.FirstScreen && len(res.Hits) > opt.Limit {
		res.Hits, res.Partial = res.Hits[:opt.Limit], true
	}
	return res, err
}

func TestLargeCorpusShowsAFirstScreenThenTheFullAnswer(t *testing.T) {
	c := testCorpus(t, 300)
	var seen []search.Options
	a := withSearcher(loadedApp(t, c, 120, 40), optionsSearcher{substringSearcher{c}, &seen})
	a.s.firstScreenOver = 100
	a = feed(t, a, keyMsgs("/", "а")...)
	if len(seen) != 2 || !seen[0].FirstScreen || seen[1].FirstScreen {
		t.Fatalf("searches %+v, want a first screen then the full search", seen)
	}
	m := mainScreen(t, a)
	if p := m.cur(); p.pending || p.len(m.pool) <= 200 {
		t.Errorf("after the full answer: pending %v, %d rows", p.pending, p.len(m.pool))
	}
}

func TestQualifiersShowAsChipsWithProblems(t *testing.T) {
	c := seedCorpus(t)
	a := loadedApp(t, c, 160, 30)
	a = feed(t, a, keyMsgs("/", "person:Kosherbayev since:garbage", "enter")...)
	out := screenText(a)
	if !strings.Contains(out, " person:Kosherbayev ") {
		t.Errorf("no person chip:\n%s", out)
	}
	if !strings.Contains(out, "garbage is not a date") {
		t.Errorf("the query's problem is not shown:\n%s", out)
	}
	m := mainScreen(t, a)
	for i := range m.cur().len(m.pool) {
		art := m.pool.articles[m.cur().at(i).i]
		if !slices.ContainsFunc(art.People, func(r model.PersonRef) bool { return strings.Contains(r.Latin, "Kosherbayev") }) {
			t.Errorf("%q does not mention Kosherbayev", art.Title)
		}
	}
	if m.cur().len(m.pool) == 0 {
		t.Error("person:Kosherbayev found no article")
	}
}
