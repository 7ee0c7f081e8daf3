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
	var mentions []mention
	a.People, mentions = findPeople(texts, mentions)
	a.Countries, a.Orgs, mentions = findPlaces(texts, mentions)
	slices.SortFunc(mentions, func(x, y mention) int {
		return cmp.Or(cmp.Compare(x.Block, y.Block), cmp.Compare(x.Start, y.Start))
	})
	a.Mentions = pointAtRefs(a, mentions)
}

// mention is a mention while extraction collects them, named by its entity's key; Annotate
// turns them into model.Mentions, which point at the article's refs.
type mention struct {
	Kind model.EntityKind
	Key  string
	span
}

// span is a model.Span while extraction works in ints.
type span struct{ Block, Start, End int }

// pointAtRefs returns mentions as model.Mentions of a's refs. A mention of an entity a does
// not list, or beyond model.MaxRefs of its kind, is dropped.
func pointAtRefs(a *model.Article, mentions []mention) []model.Mention {
	refs := map[refKey]int{}
	for i, r := range a.People {
		refs[refKey{model.KindPerson, r.Key}] = i
	}
	for i, r := range a.Countries {
		refs[refKey{model.KindCountry, r.Code}] = i
	}
	for i, r := range a.Orgs {
		refs[refKey{model.KindOrg, r.Key}] = i
	}
	out := make([]model.Mention, 0, len(mentions))
	for _, m := range mentions {
		i, ok := refs[refKey{m.Kind, m.Key}]
		if !ok || i >= model.MaxRefs {
			continue
		}
		out = append(out, model.Mention{Kind: m.Kind, Ref: uint16(i),
			Span: model.Span{Block: int32(m.Block), Start: int32(m.Start), End: int32(m.End)}})
	}
	return out
}

type refKey struct {
	kind model.EntityKind
	key  string
}

// blockOf converts an index into the texts slice Annotate builds to a model.Span block.
func blockOf(i int) int { return i - 1 }
