package extract

import (
	"fmt"
	"testing"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// TestLinkCorpusManyArticles links a corpus big enough to be shared out between goroutines:
// every article naming a surname alone gets the full name, whichever share it falls in.
func TestLinkCorpusManyArticles(t *testing.T) {
	ref := func(name, role string) model.PersonRef {
		return model.PersonRef{Person: &model.Person{Key: ru.Fold(name), Name: name}, Role: role, Mentions: 1}
	}
	var articles []*model.Article
	for i := range 5000 {
		a := &model.Article{ID: fmt.Sprint(i)}
		switch i % 3 {
		case 0:
			a.People = []model.PersonRef{ref("Сергей Лавров", "")}
		case 1:
			a.People = []model.PersonRef{ref("Лавров", "министр"), ref("Блинкен", "")}
		default:
			a.People = []model.PersonRef{ref("Лавров", ""), ref("Сергей Лавров", "")}
			a.Mentions = []model.Mention{{Kind: model.KindPerson, Ref: 0}, {Kind: model.KindPerson, Ref: 1}}
		}
		articles = append(articles, a)
	}
	LinkCorpus(articles)
	for i, a := range articles {
		if a.People[0].Name != "Сергей Лавров" {
			t.Fatalf("article %d: %q not linked", i, a.People[0].Name)
		}
		switch i % 3 {
		case 1:
			if a.People[0].Person.Role != "министр" || a.People[1].Name != "Блинкен" {
				t.Fatalf("article %d: %+v %+v", i, a.People[0].Person, a.People[1])
			}
		case 2:
			if len(a.People) != 1 || a.People[0].Mentions != 2 || a.Mentions[0].Ref != 0 || a.Mentions[1].Ref != 0 {
				t.Fatalf("article %d: not merged: %+v, mentions %+v", i, a.People, a.Mentions)
			}
		}
	}
}
