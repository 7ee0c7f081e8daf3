package search

import (
	"context"
	"slices"
	"testing"

	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// Typing a query letter by letter through a Searcher must give, at every keystroke, exactly
// what a fresh search gives.
func TestSearcherNarrowsToTheSameResults(t *testing.T) {
	ix := ready(corpusgen.Corpus(8000, 9))
	for _, typed := range []string{"кошербаевым франции", "kosherbayev fr", "zakharova", "person:Kosherbayev атомн",
		"нейтральност", "к", "ёлк"} {
		s := ix.NewSearcher()
		for i := range len([]rune(typed)) {
			q := string([]rune(typed)[:i+1])
			got, err := s.Search(context.Background(), q, Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := search(t, ix, q, Options{})
			if got.Total != want.Total || !slices.Equal(got.Hits, want.Hits) {
				t.Fatalf("%q: Searcher found %d, a fresh search %d", q, got.Total, want.Total)
			}
		}
	}
}

func TestNarrowsOnlyWhenSafe(t *testing.T) {
	w := func(s ...string) []*word {
		var out []*word
		for _, x := range s {
			out = append(out, newWord(x))
		}
		return out
	}
	for _, tc := range []struct {
		prev, next []string
		want       bool
	}{
		{[]string{"кош"}, []string{"кошер"}, true},
		{[]string{"кош"}, []string{"кош", "аэс"}, true},
		{[]string{"кош"}, []string{"ко"}, false},
		{[]string{"к"}, []string{"ко"}, false}, // "к" matches bodies as a whole word only
		{[]string{"zak"}, []string{"zakh"}, false},
		{[]string{"кош", "аэс"}, []string{"кошер", "аэс"}, false},
	} {
		if got := narrows(w(tc.prev...), w(tc.next...)); got != tc.want {
			t.Errorf("narrows(%q, %q) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
}
