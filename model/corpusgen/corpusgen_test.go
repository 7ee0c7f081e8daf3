package corpusgen

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

func TestArticlesAreDeterministic(t *testing.T) {
	a, b := Articles(300, 7), Articles(300, 7)
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Title != b[i].Title || !reflect.DeepEqual(a[i].Blocks, b[i].Blocks) {
			t.Fatalf("article %d differs between two runs with the same seed", i)
		}
	}
	if c := Articles(1, 8); c[0].Title == a[0].Title && c[0].ID == a[0].ID {
		t.Errorf("seeds 7 and 8 gave the same first article %q", c[0].ID)
	}
}

// Every mention's span must hold an inflected form of the entity it names, and every entity
// listed must be mentioned, so search and UI see a consistent article.
func TestMentionsMatchRefs(t *testing.T) {
	c := Corpus(2000, 1)
	if len(c.People) < 500 || len(c.Countries) < 50 || len(c.Orgs) < 30 {
		t.Errorf("corpus of 2000 has %d people, %d countries, %d orgs; want a varied cast",
			len(c.People), len(c.Countries), len(c.Orgs))
	}
	for _, a := range c.Articles {
		counts := map[string]int{}
		for _, m := range a.Mentions {
			text := a.BlockText(int(m.Block))
			if m.Start < 0 || int(m.End) > len(text) || m.Start >= m.End {
				t.Fatalf("%s: mention %+v out of its block", a.ID, m)
			}
			surface := ru.Fold(text[m.Start:m.End])
			key := a.MentionKey(m)
			switch m.Kind {
			case model.KindPerson:
				p := c.Person(key)
				surname := ru.Fold(p.Name[strings.LastIndex(p.Name, " ")+1:])
				if !strings.HasPrefix(surface[strings.LastIndex(surface, " ")+1:], surname[:len(surname)-2]) {
					t.Errorf("%s: %q is not a form of %q", a.ID, surface, p.Name)
				}
			case model.KindCountry:
				k := c.Country(key)
				if k == nil {
					t.Fatalf("%s: mention of unknown country %q", a.ID, key)
				}
			case model.KindOrg:
				if surface != ru.Fold(c.Org(key).Abbr) {
					t.Errorf("%s: %q is not %q", a.ID, surface, key)
				}
			}
			counts[m.Kind.String()+key]++
		}
		for _, p := range a.People {
			if counts["person"+p.Key] != p.Mentions || p.Mentions == 0 {
				t.Errorf("%s: %s has %d mentions in its ref, %d spans", a.ID, p.Name, p.Mentions, counts["person"+p.Key])
			}
		}
	}
}

func TestKnownPeopleAreInThePool(t *testing.T) {
	c := Corpus(1000, 1)
	if p := c.Person(ru.Fold("Ермек Кошербаев")); p == nil || p.Latin != "Yermek Kosherbayev" || len(p.Articles) < 10 {
		t.Errorf("Ермек Кошербаев = %+v, want a frequent person with Latin Yermek Kosherbayev", p)
	}
	if fr := c.Country("FR"); fr == nil || fr.Name != "Франция" || fr.NameEn != "France" {
		t.Errorf("FR = %+v, want Франция / France", fr)
	}
}

func TestWriteFilesMatchesArticles(t *testing.T) {
	dir := t.TempDir()
	const n = 1500
	bytes, err := WriteFiles(dir, n, 3)
	if err != nil {
		t.Fatal(err)
	}
	if avg := bytes / n; avg < 3000 || avg > 8000 {
		t.Errorf("average file is %d bytes, want about 5 KB", avg)
	}
	arts := Articles(n, 3)
	var sum int64
	for _, a := range arts {
		sum += a.Size
	}
	if sum != bytes {
		t.Errorf("Articles sizes sum to %d, WriteFiles wrote %d", sum, bytes)
	}
	dirs, _ := os.ReadDir(dir)
	if len(dirs) != 2 {
		t.Errorf("%d folders for %d files, want 2", len(dirs), n)
	}
	a := arts[1234]
	data, err := os.ReadFile(filepath.Join(dir, "0001", a.ID+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), a.Title) || !strings.Contains(string(data), a.Blocks[0].Text) {
		t.Errorf("file of %s lacks its title or lead", a.ID)
	}
}

func BenchmarkArticles(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Articles(n, 1)
			}
		})
	}
}

func BenchmarkWriteFiles10k(b *testing.B) {
	for b.Loop() {
		bytes, err := WriteFiles(b.TempDir(), 10_000, 1)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(bytes)
	}
}
