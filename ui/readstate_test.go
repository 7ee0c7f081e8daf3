package ui

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
	"github.com/dispatch-news/dispatch/model/state"
)

// stateApp is the browser on c at 120×40, its reading state stored under the corpus paths
// (not loaded from them: c stands for what they hold).
func stateApp(t *testing.T, c *model.Corpus, opts RunOptions) app {
	t.Helper()
	opts.Corpus = c
	var m tea.Model = newApp(context.Background(), opts)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, cmd := m.Update(loadedMsg{corpus: c, ix: search.New(c)})
	return settle(t, m, cmd, 0).(app)
}

// stateDir is a fresh folder for state files inside the tests' own (TestMain). Saves run in
// commands that may outlive a test, so the folder is not removed with it.
func stateDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(os.Getenv("DISPATCH_STATE_DIR"), "case-")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// selectedArticle is the article under the main list's cursor.
func selectedOf(t *testing.T, a app) *model.Article {
	t.Helper()
	b, ok := a.top().(*browseScreen)
	if !ok {
		t.Fatalf("top screen is %T, not a list", a.top())
	}
	art := b.selectedArticle()
	if art == nil {
		t.Fatal("no article selected")
	}
	return art
}

func TestOpeningAnArticleMarksItRead(t *testing.T) {
	c := testCorpus(t, 20)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("down")...)
	art := selectedOf(t, a)
	before := strings.Count(screenText(a), unreadMark)
	if a.s.rs.st.IsRead(art.ID) {
		t.Fatal("an article nobody opened is read")
	}
	// The mouse wheel moves through the list and marks nothing.
	a = feed(t, a, tea.MouseWheelMsg{X: 40, Y: 5, Button: tea.MouseWheelDown})
	if n := a.s.rs.st.ReadCount(); n != 0 {
		t.Fatalf("scrolling marked %d articles read", n)
	}
	a = feed(t, a, keyMsgs("up", "down", "enter")...)
	if _, ok := a.top().(*pagerScreen); !ok {
		t.Fatalf("enter opened %T, not the pager", a.top())
	}
	if !a.s.rs.st.IsRead(art.ID) {
		t.Fatal("the article opened in the pager is not read")
	}
	// ] reads the next article of the list, which is read too.
	a = feed(t, a, keyMsgs("]")...)
	next := a.top().(*pagerScreen).p.article()
	if next == art || !a.s.rs.st.IsRead(next.ID) {
		t.Fatal("the article ] stepped to is not read")
	}
	a = feed(t, a, keyMsgs("esc")...)
	if after := strings.Count(screenText(a), unreadMark); after != before-2 {
		t.Errorf("unread markers on screen: %d before, %d after reading two articles", before, after)
	}
}

func TestMTogglesRead(t *testing.T) {
	a := loadedApp(t, testCorpus(t, 20), 120, 40)
	art := selectedOf(t, a)
	a = feed(t, a, keyMsgs("m")...)
	if !a.s.rs.st.IsRead(art.ID) {
		t.Fatal("m did not mark the selected article read")
	}
	a = feed(t, a, keyMsgs("m")...)
	if a.s.rs.st.IsRead(art.ID) {
		t.Fatal("a second m did not mark it unread")
	}
	// In the pager, m marks the article being read unread again.
	a = feed(t, a, keyMsgs("enter", "m")...)
	if a.s.rs.st.IsRead(art.ID) {
		t.Fatal("m in the pager did not mark the article unread")
	}
}

func TestUnreadOnlyHidesReadArticles(t *testing.T) {
	c := testCorpus(t, 20)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("m", "down", "m", "U")...)
	b := a.top().(*browseScreen)
	if n := b.cur().len(b.pool); n != len(c.Articles)-2 {
		t.Fatalf("unread only lists %d articles, want %d", n, len(c.Articles)-2)
	}
	if !strings.Contains(screenText(a), "unread only") {
		t.Errorf("the header does not say the list is unread only:\n%s", screenText(a))
	}
	a = feed(t, a, keyMsgs("U")...)
	if n := b.cur().len(b.pool); n != len(c.Articles) {
		t.Fatalf("U again lists %d articles, want all %d", n, len(c.Articles))
	}
}

func TestStarAndStarredScreen(t *testing.T) {
	c := testCorpus(t, 20)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("down", "down")...)
	art := selectedOf(t, a)
	a = feed(t, a, keyMsgs("f")...)
	if !a.s.rs.st.IsStarred(art.ID) {
		t.Fatal("f did not star the selected article")
	}
	if !strings.Contains(screenText(a), starMark) {
		t.Errorf("no %q marks the starred row:\n%s", starMark, screenText(a))
	}
	a = feed(t, a, keyMsgs("F")...)
	b, ok := a.top().(*browseScreen)
	if !ok || b.title != "Starred" {
		t.Fatalf("F opened %T, not the starred articles", a.top())
	}
	if len(b.pool.articles) != 1 || b.pool.articles[0] != art {
		t.Fatalf("the starred screen lists %d articles, want the one starred", len(b.pool.articles))
	}
	// Unstarring from the list removes the star.
	a = feed(t, a, keyMsgs("f")...)
	if a.s.rs.st.IsStarred(art.ID) {
		t.Fatal("f on a starred article did not unstar it")
	}
}

func TestNoteShowsInTheDetail(t *testing.T) {
	c := testCorpus(t, 20)
	a := loadedApp(t, c, 120, 40)
	art := selectedOf(t, a)
	a = feed(t, a, keyMsgs("n")...)
	a = feed(t, a, keyMsgs("сверить цифры с МИД")...)
	if !strings.Contains(screenText(a), "note:") {
		t.Fatalf("n shows no note input:\n%s", screenText(a))
	}
	a = feed(t, a, keyMsgs("enter")...)
	if got := a.s.rs.st.Note(art.ID); got != "сверить цифры с МИД" {
		t.Fatalf("note = %q", got)
	}
	if !strings.Contains(screenText(a), "Note: сверить цифры с МИД") {
		t.Errorf("the detail pane does not show the note:\n%s", screenText(a))
	}
	// esc leaves the note as it was; keys typed meanwhile went to the note, not the list.
	a = feed(t, a, keyMsgs("n", "fm", "esc")...)
	if got := a.s.rs.st.Note(art.ID); got != "сверить цифры с МИД" {
		t.Fatalf("esc changed the note to %q", got)
	}
	if a.s.rs.st.IsStarred(art.ID) || a.s.rs.st.IsRead(art.ID) {
		t.Error("keys typed into the note starred or marked the article")
	}
}

func TestStateRoundTrip(t *testing.T) {
	c := testCorpus(t, 30)
	opts := RunOptions{Paths: []string{t.TempDir()}, StateDir: stateDir(t)}
	a := stateApp(t, c, opts)
	a = feed(t, a, keyMsgs("down", "enter", "esc")...)
	read := selectedOf(t, a)
	a = feed(t, a, keyMsgs("down", "f", "n")...)
	a = feed(t, a, keyMsgs("позвонить в посольство", "enter")...)
	starred := selectedOf(t, a)

	// People, filtered by a surname, the second match selected.
	name := strings.Fields(c.People[0].Name)
	query := name[len(name)-1]
	a = feed(t, a, keyMsgs("2", "/")...)
	a = feed(t, a, keyMsgs(query, "enter", "down")...)
	b := a.top().(*browseScreen)
	r, ok := b.cur().selected(b.pool)
	if !ok {
		t.Fatalf("the filter %q lists nobody", query)
	}
	key := refKey(b.pool, r)
	if err := a.finish(); err != nil {
		t.Fatal(err)
	}

	a = stateApp(t, c, opts)
	st := a.s.rs.st
	if !st.IsRead(read.ID) || !st.IsStarred(starred.ID) || st.Note(starred.ID) != "позвонить в посольство" {
		t.Fatalf("after a restart: read %v, starred %v, note %q", st.IsRead(read.ID), st.IsStarred(starred.ID), st.Note(starred.ID))
	}
	b = a.top().(*browseScreen)
	if b.curView() != viewPeople || b.cur().query != query {
		t.Fatalf("restarted on %v filtered by %q, want People filtered by %q", b.curView(), b.cur().query, query)
	}
	if r, ok := b.cur().selected(b.pool); !ok || refKey(b.pool, r) != key {
		t.Fatalf("restarted on another row than %q", key)
	}
	if e, _ := refInfo(b.pool, r); !strings.Contains(screenText(a), e.latin) || b.detKey.r != r {
		t.Errorf("the detail pane does not show the restored row %s:\n%s", e.latin, screenText(a))
	}
	if !strings.Contains(screenText(a), query) {
		t.Errorf("the restored filter is not on screen:\n%s", screenText(a))
	}
}

func TestRestoredRowThatIsGoneFallsBackToTheTop(t *testing.T) {
	c := testCorpus(t, 30)
	opts := RunOptions{Paths: []string{t.TempDir()}, StateDir: stateDir(t)}
	a := stateApp(t, c, opts)
	a = feed(t, a, keyMsgs("down", "down", "down")...)
	if err := a.finish(); err != nil {
		t.Fatal(err)
	}
	// Unchanged: the same row, in the list and in the detail pane.
	a = stateApp(t, c, opts)
	b := a.top().(*browseScreen)
	if b.cur().l.cursor != 3 || !b.detValid || b.detKey.r != b.cur().at(3) {
		t.Fatalf("restarted on row %d (detail for %v), want row 3", b.cur().l.cursor, b.detKey.r)
	}
	// The same folder, the selected article deleted meanwhile: row 3 is another article now.
	fewer := testCorpus(t, 30)
	fewer.Articles = slices.Delete(fewer.Articles, 3, 4)
	a = stateApp(t, fewer, opts)
	if b := a.top().(*browseScreen); b.cur().l.cursor != 0 {
		t.Fatalf("cursor on row %d, want the top", b.cur().l.cursor)
	}
}

func TestNoStateWritesNothing(t *testing.T) {
	dir := stateDir(t)
	c := testCorpus(t, 20)
	a := stateApp(t, c, RunOptions{Paths: []string{t.TempDir()}, StateDir: dir, NoState: true})
	a = feed(t, a, keyMsgs("m", "f", "enter", "esc")...)
	if err := a.finish(); err != nil {
		t.Fatal(err)
	}
	if !a.s.rs.st.IsStarred(selectedOf(t, a).ID) {
		t.Error("without a store the state is still kept while the browser runs")
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 0 {
		t.Fatalf("NoState wrote %d files, the first %s", len(files), files[0].Name())
	}
}

func TestDamagedStateFileShowsInTheStatusLine(t *testing.T) {
	dir := stateDir(t)
	opts := RunOptions{Paths: []string{t.TempDir()}, StateDir: dir}
	st, err := state.Open(opts.Paths, state.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(st.Path(), []byte("not a state file\x1b[31m"), 0o600); err != nil {
		t.Fatal(err)
	}
	a := stateApp(t, testCorpus(t, 10), opts)
	lines := strings.Split(screenText(a), "\n")
	status := lines[len(lines)-2]
	if !strings.Contains(status, "⚠") || !strings.Contains(status, "damaged") {
		t.Fatalf("the status line does not say the state file was set aside: %q", status)
	}
	if strings.Contains(a.View().Content, "\x1b[31m") {
		t.Fatal("the damaged file's bytes reached the screen")
	}
}

func TestAChangeIsSavedByACommandNotInUpdate(t *testing.T) {
	dir := stateDir(t)
	a := stateApp(t, testCorpus(t, 10), RunOptions{Paths: []string{t.TempDir()}, StateDir: dir})
	m, cmd := a.Update(keyMsgs("f")[0])
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("Update wrote %d files itself", len(files))
	}
	var saved bool
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case savedMsg:
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			saved = true
			m, _ = m.Update(msg)
		}
	}
	run(cmd)
	if !saved || m.(app).s.rs.st.Unsaved() {
		t.Fatal("starring scheduled no save, or the save left changes unwritten")
	}
	if _, err := os.Stat(m.(app).s.rs.st.Path()); err != nil {
		t.Fatal(err)
	}
}
