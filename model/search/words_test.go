package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/model"
)

func TestBodyWordsAreFoldedLikeKeys(t *testing.T) {
	text := "Ёлка, ЁЖИК и Kazakhstan-2050: МАГАТЭ «Қазақстан» ёж ёж"
	d := newDict()
	ids, _ := d.addWords(nil, nil, text, 0)
	var got []string
	for _, id := range ids {
		got = append(got, string(d.word(id)))
	}
	want := strings.Fields(string(appendKey(nil, text)))
	want = slices.Compact(want[:len(want)-1]) // the repeated "еж" is counted once
	if !slices.Equal(got, want) {
		t.Errorf("words %q, want %q", got, want)
	}
}

func TestWordIndexFindsCaseForms(t *testing.T) {
	arts := []*model.Article{
		{ID: "a", Blocks: []model.Block{{Text: "Посол Франции встретился с министром."}}},
		{ID: "b", Blocks: []model.Block{{Text: "Французская делегация прибыла."}}},
		{ID: "c", Blocks: []model.Block{{Text: "Ничего о Европе."}}},
	}
	w := buildWords(arts)
	for prefix, want := range map[string]int{"франц": 2, "францией": 0, "министр": 1, "о": 1, "ничто": 0} {
		got := 0
		if set := w.lookup(prefix, false, len(arts)); set != nil {
			got = set.count()
		}
		if got != want {
			t.Errorf("lookup(%q) found %d articles, want %d", prefix, got, want)
		}
	}
	if set := w.lookup("о", true, len(arts)); set == nil || !set.has(2) || set.count() != 1 {
		t.Errorf("exact lookup of о should find article c only")
	}
}
