package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestEntityListsCountWhatIsLeftUnread(t *testing.T) {
	c := testCorpus(t, 200)
	a := loadedApp(t, c, 160, 40)
	// The person in most articles leads the people view; read one of their articles.
	p := c.People[0]
	if len(p.Articles) < 2 {
		t.Fatalf("%s is in %d articles; the test needs two", p.Name, len(p.Articles))
	}
	a = feed(t, a, keyMsgs("2")...)
	if out := screenText(a); strings.Contains(out, "unread") {
		t.Fatalf("before anything is read the counts carry unread marks:\n%s", out)
	}
	a.s.markRead(p.Articles[0])
	a = feed(t, a, keyMsgs("j", "k")...)
	want := fmt.Sprintf("%d · %d unread", len(p.Articles), len(p.Articles)-1)
	if out := screenText(a); !strings.Contains(out, want) {
		t.Fatalf("the people view does not show %q for %s:\n%s", want, p.Name, out)
	}
	for _, art := range p.Articles {
		a.s.markRead(art)
	}
	a = feed(t, a, keyMsgs("j", "k")...)
	if out := screenText(a); !strings.Contains(out, fmt.Sprintf("%d · all read", len(p.Articles))) {
		t.Fatalf("the people view does not say %s is all read:\n%s", p.Name, out)
	}
}

func TestFilterFindsArticlesByTheirNote(t *testing.T) {
	c := testCorpus(t, 50)
	a := loadedApp(t, c, 120, 40)
	target := c.Articles[17]
	a.s.rs.st.SetNote(target.ID, "проверить цитату посла")
	a = feed(t, a, keyMsgs("/")...)
	a = feed(t, a, keyMsgs("ЦИТАТУ")...)
	b := mainScreen(t, a)
	p := b.cur()
	rows := make([]string, 0, len(p.items))
	for _, r := range p.items {
		rows = append(rows, b.pool.articles[r.i].ID)
	}
	if !slices.Contains(rows, target.ID) {
		t.Fatalf("filtering by a word of a note does not find its article; rows %v", rows)
	}
}
