package extract

import (
	"fmt"
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
	if got := inTextOrder(mentions); !slices.Equal(got, want) {
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
	got := inTextOrder(mentions)
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
