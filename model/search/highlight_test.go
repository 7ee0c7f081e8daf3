package search

import (
	"slices"
	"testing"
)

func span(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

func TestHighlightRuneIndexes(t *testing.T) {
	for _, tc := range []struct {
		q, label string
		want     []int
	}{
		{"кош", "Ермек Кошербаев", span(6, 9)},
		{"Кошербаевым", "Ермек Кошербаев", span(6, 15)},                     // by the stem
		{"ермек кош", "Ермек Кошербаев", append(span(0, 5), span(6, 9)...)}, // every word
		{"kosh", "Ермек Кошербаев", span(6, 9)},                             // Latin on Cyrillic
		{"Kosherbayev", "Ермек Кошербаев", span(6, 15)},
		{"кошербаев", "Yermek Kosherbayev", span(7, 18)}, // Cyrillic on Latin
		{"ёмкий", "Емкий обзор", span(0, 5)},
		{"кшрб", "Ермек Кошербаев", []int{6, 8, 10, 11}}, // letters in order
		{"France", "France", span(0, 6)},
		{"Франции", "Посол Франции", span(6, 13)},
		{`person:"Ермек Кошербаев" since:2025`, "Ермек Кошербаев", append(span(0, 5), span(6, 15)...)},
		{"zzzq", "Ермек Кошербаев", nil},
		{"", "Ермек", nil},
	} {
		got := Highlight(tc.q, tc.label)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Highlight(%q, %q) = %v, want %v", tc.q, tc.label, got, tc.want)
		}
	}
}
