package model_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// TestNewCorpusOrder checks the corpus's order against a plain stable sort by NewestFirst on
// articles made to tie: few distinct dates, repeated IDs, undated ones.
func TestNewCorpusOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for round := range 50 {
		var articles []*model.Article
		for i := range rng.IntN(200) {
			a := &model.Article{ID: fmt.Sprintf("a%d", rng.IntN(40)), File: fmt.Sprint(i)}
			switch rng.IntN(4) {
			case 0: // undated
			case 1:
				a.Date = day.Add(time.Duration(rng.IntN(3)) * time.Nanosecond)
			default:
				a.Date = day.AddDate(rng.IntN(5)-2, 0, rng.IntN(20))
			}
			articles = append(articles, a)
		}
		want := slices.Clone(articles)
		slices.SortStableFunc(want, model.NewestFirst)
		got := model.NewCorpus(articles, nil).Articles
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: the order differs from a stable sort by NewestFirst", round)
		}
	}
}

// TestNewCorpusMerges gives two articles their own copies of one person, country and
// organisation, as the loader does, and checks that each is merged into one shared value.
func TestNewCorpusMerges(t *testing.T) {
	older := &model.Article{ID: "old", Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	newer := &model.Article{ID: "new", Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	third := &model.Article{ID: "undated"}
	for _, a := range []*model.Article{older, newer, third} {
		a.People = []model.PersonRef{{Person: &model.Person{Key: "ермек кошербаев", Name: "Ермек Кошербаев"}, Role: "министр"}}
		a.Countries = []model.CountryRef{{Country: &model.Country{Code: "KZ", Name: "Казахстан"}}}
		a.Orgs = []model.OrgRef{{Organisation: &model.Organisation{Key: "ООН"}}}
	}
	third.People[0].Role = "посол"
	c := model.NewCorpus([]*model.Article{older, third, newer}, nil)
	if len(c.People) != 1 || len(c.Countries) != 1 || len(c.Orgs) != 1 {
		t.Fatalf("%d people, %d countries, %d organisations; want one of each", len(c.People), len(c.Countries), len(c.Orgs))
	}
	p := c.Person("ермек кошербаев")
	if p == nil || p.Role != "министр" || !slices.Equal(p.Articles, []*model.Article{newer, older, third}) {
		t.Fatalf("person %+v", p)
	}
	for _, a := range c.Articles {
		if a.People[0].Person != p || a.Countries[0].Country != c.Country("KZ") || a.Orgs[0].Organisation != c.Org("ООН") {
			t.Errorf("%s: a ref is not the shared entity", a.ID)
		}
		if c.Article(a.ID) != a {
			t.Errorf("%s: not found by ID", a.ID)
		}
	}
}

// BenchmarkNewCorpus indexes 100k generated articles, each with its own copies of its
// entities, as the loader leaves them.
func BenchmarkNewCorpus(b *testing.B) {
	articles := corpusgen.Articles(100_000, 1)
	for b.Loop() {
		b.StopTimer()
		for _, a := range articles {
			for i, r := range a.People {
				a.People[i].Person = &model.Person{Key: r.Key, Name: r.Name, Latin: r.Latin}
			}
			for i, r := range a.Countries {
				a.Countries[i].Country = &model.Country{Code: r.Code, Name: r.Name, NameEn: r.NameEn}
			}
			for i, r := range a.Orgs {
				a.Orgs[i].Organisation = &model.Organisation{Key: r.Key, Abbr: r.Abbr, Name: r.Name}
			}
		}
		b.StartTimer()
		model.NewCorpus(articles, nil)
	}
}
