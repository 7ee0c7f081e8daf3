package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// sharedEntities counts the people, countries and organisations a and b both mention,
// straight from their references.
func sharedEntities(a, b *model.Article) int {
	keys := map[string]bool{}
	for _, r := range a.People {
		keys["p:"+r.Key] = true
	}
	for _, r := range a.Countries {
		keys["c:"+r.Code] = true
	}
	for _, r := range a.Orgs {
		keys["o:"+r.Key] = true
	}
	n := 0
	for _, r := range b.People {
		if keys["p:"+r.Key] {
			n++
		}
	}
	for _, r := range b.Countries {
		if keys["c:"+r.Code] {
			n++
		}
	}
	for _, r := range b.Orgs {
		if keys["o:"+r.Key] {
			n++
		}
	}
	return n
}

func TestRelatedArticlesListsSharersBestFirstAndOpens(t *testing.T) {
	c := testCorpus(t, 300)
	a := loadedApp(t, c, 140, 60)
	m := mainScreen(t, a)
	r, _ := m.cur().selected(m.pool)
	art := m.pool.articles[r.i]

	best := 0
	for _, o := range c.Articles {
		if o != art {
			best = max(best, sharedEntities(art, o))
		}
	}
	if best == 0 {
		t.Fatal("the selected article shares nothing with any other: a useless corpus for this test")
	}
	// The detail's Related lines, in order.
	var rel []*target
	inRelated := false
	for i, l := range m.det.lines {
		if strings.Contains(l.text, "Related") && l.target == nil {
			inRelated = true
			continue
		}
		if inRelated && l.target != nil {
			rel = append(rel, l.target)
			// Under the title, what it shares: "2 people · 1 country" adds up to the count.
			said := 0
			for _, part := range strings.Split(ansi.Strip(m.det.lines[i+1].text), "·") {
				n, _ := strconv.Atoi(strings.Fields(part)[0])
				said += n
			}
			if want := sharedEntities(art, l.target.article); said != want {
				t.Errorf("%q is said to share %d entities, it shares %d", l.target.title, said, want)
			}
		}
	}
	if len(rel) == 0 || len(rel) > relatedArticlesTop {
		t.Fatalf("Related lists %d articles, want 1..%d", len(rel), relatedArticlesTop)
	}
	if got := sharedEntities(art, rel[0].article); got != best {
		t.Errorf("first related article shares %d entities, the best shares %d", got, best)
	}
	for i := 1; i < len(rel); i++ {
		if sharedEntities(art, rel[i].article) > sharedEntities(art, rel[i-1].article) {
			t.Errorf("related article %d shares more than the one before it", i)
		}
		if rel[i].article == art {
			t.Error("an article is listed as related to itself")
		}
	}
	if !strings.Contains(screenText(a), "Related") {
		t.Error("the detail pane does not show the Related section")
	}

	// Tab to the detail, down to the second related article, enter: the pager opens it.
	want := rel[min(1, len(rel)-1)].article
	a = feed(t, a, keyMsgs("tab")...)
	m = mainScreen(t, a)
	for m.det.selected() != nil && m.det.selected().article != want {
		before := m.det.cursor
		a = feed(t, a, keyMsgs("j")...)
		m = mainScreen(t, a)
		if m.det.cursor == before {
			t.Fatal("the cursor never reached the related article")
		}
	}
	a = feed(t, a, keyMsgs("enter")...)
	ps, ok := topScreen(a).(*pagerScreen)
	if !ok || ps.p.article() != want {
		t.Fatalf("enter on a related article opened %T, want the pager on %q", topScreen(a), want.Title)
	}
}

func TestSharedTextNamesKinds(t *testing.T) {
	got := sharedText(relatedArticle{people: 2, countries: 1})
	if got != "2 people · 1 country" {
		t.Errorf("sharedText = %q", got)
	}
}

// BenchmarkRelatedArticles scores the articles related to one article of a million, as moving
// the cursor does inside Update.
func BenchmarkRelatedArticles(b *testing.B) {
	c := corpusgen.Corpus(1_000_000, 7)
	b.ResetTimer()
	for i := range b.N {
		relatedArticles(c.Articles[i%len(c.Articles)])
	}
}
