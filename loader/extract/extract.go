// Package extract finds the people, countries and organisations an article mentions and
// normalises each to one canonical entry (Russian inflects names: "Ермеком Кошербаевым" is
// "Ермек Кошербаев"). It works on model values and uses the language rules in model/ru.
package extract

import (
	"cmp"
	"slices"

	"github.com/dispatch-news/dispatch/model"
)

// Annotate finds the entities in a's title and blocks and fills a.People, a.Countries, a.Orgs
// and a.Mentions. Each ref points at a fresh entity value owned by a; model.NewCorpus merges
// them across articles by key. A person named by surname alone in the whole article is kept
// with the surname as the name, for LinkCorpus to resolve.
func Annotate(a *model.Article) {
	texts := make([]string, 0, len(a.Blocks)+1)
	texts = append(texts, a.Title)
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	var mentions []model.Mention
	a.People, mentions = findPeople(texts, mentions)
	a.Countries, a.Orgs, mentions = findPlaces(texts, mentions)
	slices.SortFunc(mentions, func(x, y model.Mention) int {
		return cmp.Or(cmp.Compare(x.Block, y.Block), cmp.Compare(x.Start, y.Start))
	})
	a.Mentions = mentions
}

// blockOf converts an index into the texts slice Annotate builds to a model.Span block.
func blockOf(i int) int { return i - 1 }
