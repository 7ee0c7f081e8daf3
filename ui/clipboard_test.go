package ui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// clipboardText runs cmd and returns the text it puts on the clipboard; ok is false when it
// is not tea.SetClipboard's message.
func clipboardText(t *testing.T, cmd tea.Cmd) (string, bool) {
	t.Helper()
	if cmd == nil {
		return "", false
	}
	msg := cmd()
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.String || reflect.TypeOf(msg).Name() != "setClipboardMsg" {
		return "", false
	}
	return v.String(), true
}

func TestCopyArticleIsSanitised(t *testing.T) {
	c := hostileArticleCorpus()
	a := hostileApp(t, c, 120, 40, false)
	m, cmd := a.Update(keyMsgs("y")[0])
	text, ok := clipboardText(t, cmd)
	if !ok {
		t.Fatal("y did not set the clipboard")
	}
	b := mainScreen(t, m.(app))
	r, _ := b.cur().selected(b.pool)
	art := b.pool.articles[r.i]
	if !strings.HasPrefix(text, clean(art.Title)+"\n") {
		t.Errorf("the copy does not start with the title: %q", text[:min(len(text), 80)])
	}
	if !strings.Contains(text, "Текст статьи о переговорах.") {
		t.Error("the copy lacks the article's text")
	}
	if strings.ContainsRune(text, 0x1b) {
		t.Error("the copied text holds an ESC")
	}
	if bad := terminalUnsafe(text); bad != "" {
		t.Errorf("the copied text can drive a terminal: %q", bad)
	}
	if !strings.Contains(screenText(m.(app)), "copied") {
		t.Error("the status line does not say what was copied")
	}
}

func TestCopyEntityName(t *testing.T) {
	c := seedCorpus(t)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("2")...) // people
	b := mainScreen(t, a)
	r, _ := b.cur().selected(b.pool)
	e, _ := refInfo(b.pool, r)
	_, cmd := a.Update(keyMsgs("y")[0])
	if text, ok := clipboardText(t, cmd); !ok || text != e.name {
		t.Errorf("y on %q copied %q", e.name, text)
	}
}

func TestCopyInPager(t *testing.T) {
	c := seedCorpus(t)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, keyMsgs("enter")...)
	ps, ok := topScreen(a).(*pagerScreen)
	if !ok {
		t.Fatalf("enter opened %T", topScreen(a))
	}
	_, cmd := a.Update(keyMsgs("y")[0])
	text, ok := clipboardText(t, cmd)
	if !ok || !strings.HasPrefix(text, clean(ps.p.article().Title)+"\n") {
		t.Errorf("y in the pager copied %q", text[:min(len(text), 80)])
	}
}
