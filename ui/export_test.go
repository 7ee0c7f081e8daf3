package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model/search"
)

// exportKeys presses x and then format on a, runs the export command and delivers its result.
func exportKeys(t *testing.T, a app, format string) app {
	t.Helper()
	m, cmd := a.Update(keyMsgs("x")[0])
	if cmd != nil {
		t.Fatal("x alone started something: it should only ask for the format")
	}
	if !strings.Contains(screenText(m.(app)), "m Markdown") {
		t.Errorf("x does not ask for the format:\n%s", screenText(m.(app)))
	}
	m, cmd = m.Update(keyMsgs(format)[0])
	if cmd == nil {
		t.Fatalf("%s after x returned no command", format)
	}
	msg, ok := cmd().(exportedMsg)
	if !ok {
		t.Fatalf("the export command returned %T", msg)
	}
	m, _ = m.Update(msg)
	return m.(app)
}

// listTitles returns the titles of the articles the current list shows, in order.
func listTitles(b *browseScreen) []string {
	var out []string
	p := b.cur()
	for i := range p.len(b.pool) {
		if r := p.at(i); r.kind == search.Article {
			out = append(out, clean(b.pool.articles[r.i].Title))
		}
	}
	return out
}

func TestExportMarkdownWritesTheFilteredList(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	c := seedCorpus(t)
	a := loadedAppWith(t, c, substringSearcher{c}, 120, 40)
	// Filter on a word of the first article's title, then sort: the export follows the list.
	word := strings.Fields(c.Articles[0].Title)[0]
	a = feed(t, a, keyMsgs("/", word, "enter", "s")...)
	want := listTitles(mainScreen(t, a))
	if len(want) == 0 || len(want) == len(c.Articles) {
		t.Fatalf("filter %q kept %d of %d articles: not a filtered list", word, len(want), len(c.Articles))
	}

	a = exportKeys(t, a, "m")
	files, _ := filepath.Glob(filepath.Join(dir, "dispatch-export-*.md"))
	if len(files) != 1 {
		t.Fatalf("export wrote %v, want one dispatch-export-*.md", files)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".dispatch-export-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	out, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, title := range want {
		i := strings.Index(string(out), title)
		if i < 0 {
			t.Errorf("the export lacks %q", title)
		} else if i < last {
			t.Errorf("%q is out of the list's order", title)
		}
		last = max(last, i)
	}
	for _, art := range c.Articles {
		if !strings.Contains(strings.Join(want, "\n"), clean(art.Title)) && strings.Contains(string(out), clean(art.Title)) {
			t.Errorf("the export has %q, which the filter left out", art.Title)
		}
	}
	if status := screenText(a); !strings.Contains(status, "exported "+quantity(len(want), "article")) ||
		!strings.Contains(status, filepath.Base(files[0])) {
		t.Errorf("status line does not report the export:\n%s", status)
	}
}

func TestExportEscCancels(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	a := loadedApp(t, seedCorpus(t), 120, 40)
	m, _ := a.Update(keyMsgs("x")[0])
	m, cmd := m.Update(keyMsgs("esc")[0])
	if cmd != nil {
		t.Error("esc at the format prompt returned a command")
	}
	if m.(app).s.export != nil {
		t.Error("esc left the prompt open")
	}
	if files, _ := os.ReadDir(dir); len(files) > 0 {
		t.Errorf("esc wrote %v", files)
	}
	// The next key is the browser's again: j moves the cursor.
	m, _ = m.Update(keyMsgs("j")[0])
	if mainScreen(t, m.(app)).cur().l.cursor != 1 {
		t.Error("j after a cancelled export did not move the cursor")
	}
}

func TestExportNeverWritesInsideTheCorpus(t *testing.T) {
	corpus := t.TempDir()
	home := t.TempDir()
	t.Setenv("HOME", home)
	sub := filepath.Join(corpus, "2025")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	c := seedCorpus(t)
	a := newApp(t.Context(), RunOptions{Corpus: c, Paths: []string{corpus}})
	m, _ := a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = m.Update(loadedMsg{corpus: c, ix: search.New(c)})
	a = exportKeys(t, m.(app), "c")
	if files, _ := os.ReadDir(sub); len(files) > 0 {
		t.Errorf("export wrote inside the corpus: %v", files)
	}
	files, _ := filepath.Glob(filepath.Join(home, "dispatch-export-*.csv"))
	if len(files) != 1 {
		t.Fatalf("home has %v, want one dispatch-export-*.csv", files)
	}
	if !strings.Contains(screenText(a), "~/"+filepath.Base(files[0])+" (not inside the corpus)") {
		t.Errorf("status line does not say why the export went home:\n%s", screenText(a))
	}
}

func TestInsideAny(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "a.txt")
	os.WriteFile(file, nil, 0o644)
	for _, tc := range []struct {
		dir    string
		corpus []string
		want   bool
	}{
		{root, []string{root}, true},
		{filepath.Join(root, "x", "y"), []string{root}, true},
		{root, []string{file}, true},
		{filepath.Dir(root), []string{root}, false},
		{root + "-other", []string{root}, false},
		{root, nil, false},
	} {
		if got := insideAny(tc.dir, tc.corpus); got != tc.want {
			t.Errorf("insideAny(%q, %q) = %v", tc.dir, tc.corpus, got)
		}
	}
}
