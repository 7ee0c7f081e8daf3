package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// configuredApp is loadedApp with the configuration file holding text.
func configuredApp(t *testing.T, c *model.Corpus, text string) app {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.json")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	a := newApp(t.Context(), RunOptions{Corpus: c, ConfigPath: path})
	m, _ := a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = m.Update(loadedMsg{corpus: c, ix: search.New(c)})
	return m.(app)
}

func TestConfiguredSortKey(t *testing.T) {
	c := seedCorpus(t)
	a := configuredApp(t, c, `{"keys": {"sort": ["o"]}}`)
	before := mainScreen(t, a).cur().sort
	a = feed(t, a, keyMsgs("s")...)
	if mainScreen(t, a).cur().sort != before {
		t.Error("s still sorts after sort was bound to o")
	}
	a = feed(t, a, keyMsgs("o")...)
	if mainScreen(t, a).cur().sort == before {
		t.Error("o does not sort after sort was bound to it")
	}
	if h := a.s.keys.Sort.Help(); h.Key != "o" {
		t.Errorf("help names the sort key %q, want o", h.Key)
	}
}

func TestConfiguredPagerKey(t *testing.T) {
	c := seedCorpus(t)
	a := configuredApp(t, c, `{"keys": {"pager.next-article": ["L"]}}`)
	a = feed(t, a, keyMsgs("enter")...)
	ps, ok := topScreen(a).(*pagerScreen)
	if !ok {
		t.Fatalf("enter opened %T", topScreen(a))
	}
	first := ps.p.article()
	a = feed(t, a, keyMsgs("L")...)
	if ps, _ = topScreen(a).(*pagerScreen); ps == nil || ps.p.article() == first {
		t.Error("L did not step to the next article after pager.next-article was bound to it")
	}
}

func TestBadConfigKeepsDefaults(t *testing.T) {
	c := seedCorpus(t)
	a := configuredApp(t, c, `{"keys": {"sort": ["o"]}, "theme": {"dark": {"person": "green"}}`)
	if !strings.Contains(screenText(a), "config") {
		t.Errorf("the status line does not show the configuration error:\n%s", screenText(a))
	}
	before := mainScreen(t, a).cur().sort
	a = feed(t, a, keyMsgs("s")...)
	if mainScreen(t, a).cur().sort == before {
		t.Error("s does not sort: a bad configuration did not fall back to the default keys")
	}
}

func TestConfiguredColours(t *testing.T) {
	c := seedCorpus(t)
	a := configuredApp(t, c, `{"theme": {"dark": {"person": "#ff0000"}, "light": {"country": "#00ff00"}}}`)
	a = feed(t, a, dark())
	if got := a.s.th.person; !sameColor(got, "#ff0000") {
		t.Errorf("dark person colour %v, want #ff0000", got)
	}
	a = feed(t, a, light())
	if got := a.s.th.country; !sameColor(got, "#00ff00") {
		t.Errorf("light country colour %v, want #00ff00", got)
	}
	if got, def := a.s.th.person, newTheme(false, true).person; !sameColor(got, hex(def)) {
		t.Errorf("light person colour %v changed, want the default %v", got, def)
	}
}

func hex(c interface{ RGBA() (r, g, b, a uint32) }) string {
	r, g, b, _ := c.RGBA()
	return "#" + hex2(r) + hex2(g) + hex2(b)
}

func hex2(v uint32) string {
	const digits = "0123456789abcdef"
	v >>= 8
	return string([]byte{digits[v>>4], digits[v&15]})
}

func sameColor(c interface{ RGBA() (r, g, b, a uint32) }, want string) bool {
	return c != nil && hex(c) == want
}
