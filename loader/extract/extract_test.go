package extract

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/dispatch-news/dispatch/model"
)

// TestInTextOrder checks that the runs the finders append (people, then countries, then
// organisations, each in text order) come out in text order, as a sort would put them, and
// that a mention of no ref is dropped.
func TestInTextOrder(t *testing.T) {
	at := func(kind model.EntityKind, ref, block, start int) mention {
		return mention{Kind: kind, Ref: ref, span: span{Block: block, Start: start, End: start + 5}}
	}
	mentions := []mention{
		at(model.KindPerson, 0, -1, 10), at(model.KindPerson, 1, 0, 40), at(model.KindPerson, 0, 2, 0),
		at(model.KindCountry, 0, -1, 0), at(model.KindCountry, 1, 0, 12), at(model.KindCountry, -1, 1, 3),
		at(model.KindCountry, 0, 2, 30),
		at(model.KindOrg, 0, 0, 20), at(model.KindOrg, 0, 1, 0),
	}
	sorted := slices.Clone(mentions)
	slices.SortFunc(sorted, compareSpans)
	var want []model.Mention
	for _, m := range sorted {
		want = appendMention(want, m)
	}
	if got := inTextOrder(mentions, ownLists{}); !slices.Equal(got, want) {
		t.Errorf("inTextOrder:\n got %v\nwant %v", got, want)
	}
	if len(want) != len(mentions)-1 {
		t.Errorf("kept %d of %d mentions, want all but the one of no ref", len(want), len(mentions))
	}
}

// TestInTextOrderUnsorted checks the fall-backs: mentions that are not a few sorted runs, and
// two mentions at one place, are sorted.
func TestInTextOrderUnsorted(t *testing.T) {
	var mentions []mention
	for i := range 40 {
		start := (i * 17) % 40 // 40 distinct places, out of order
		mentions = append(mentions, mention{Kind: model.KindCountry, span: span{Start: start, End: start + 1}})
	}
	mentions = append(mentions, mention{Kind: model.KindOrg, span: span{Start: 3, End: 9}})
	got := inTextOrder(mentions, ownLists{})
	if len(got) != len(mentions) {
		t.Fatalf("kept %d of %d mentions", len(got), len(mentions))
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].Start > got[i].Start {
			t.Fatalf("out of order at %d: %v", i, got)
		}
	}
}

// TestPointAtPeople checks that a mention points at the ref with its key, the last of two with
// one key, or at none, whether the people are few (searched) or many (indexed).
func TestPointAtPeople(t *testing.T) {
	for _, n := range []int{3, searchedPeople + 8} {
		var people []model.PersonRef
		for i := range n {
			people = append(people, model.PersonRef{Person: &model.Person{Key: fmt.Sprintf("person %d", i)}})
		}
		people[n-1].Person = &model.Person{Key: "person 1"} // a second ref with one key
		mentions := []mention{{Kind: model.KindPerson, Key: "person 0"}, {Kind: model.KindPerson, Key: "person 1"},
			{Kind: model.KindPerson, Key: "nobody"}, {Kind: model.KindCountry, Key: "person 0", Ref: 7}}
		pointAtPeople(people, mentions)
		got := []int{mentions[0].Ref, mentions[1].Ref, mentions[2].Ref, mentions[3].Ref}
		if want := []int{0, n - 1, -1, 7}; !slices.Equal(got, want) {
			t.Errorf("%d people: refs %v, want %v", n, got, want)
		}
	}
}

// TestAnnotateReuse checks that what Annotate reuses from one article to the next (its
// scratch buffers, the finders' pools) carries nothing over: the seed articles annotated after
// one another, in both orders, get the mentions each gets alone.
func TestAnnotateReuse(t *testing.T) {
	texts := seedTexts(t)
	names := slices.Sorted(maps.Keys(texts))
	annotate := func(name string) []model.Mention {
		tt := texts[name]
		a := &model.Article{ID: name, Title: tt[0]}
		for _, text := range tt[1:] {
			a.Blocks = append(a.Blocks, model.Block{Kind: model.Paragraph, Text: text})
		}
		Annotate(a)
		return a.Mentions
	}
	alone := map[string][]model.Mention{}
	for _, name := range names {
		alone[name] = annotate(name)
		if len(alone[name]) == 0 {
			t.Errorf("%s: no mention", name)
		}
	}
	for range 2 {
		for _, name := range names {
			if got := annotate(name); !slices.Equal(got, alone[name]) {
				t.Errorf("%s annotated after others: %d mentions, alone %d", name, len(got), len(alone[name]))
			}
		}
		slices.Reverse(names)
	}
}
