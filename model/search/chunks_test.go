package search

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestChunkTitlesKeepEveryMatch checks the chunk summaries never skip a title that matches:
// for words cut from real titles (whole, prefixes, inner parts, letters dropped, in Latin) and
// random letters, every title that matches lies in a chunk the summary lets through.
func TestChunkTitlesKeepEveryMatch(t *testing.T) {
	c := benchCorpus(3000)
	ix := New(c)
	rng := rand.New(rand.NewPCG(1, 2))
	var queries []string
	for range 300 {
		title := c.Articles[rng.IntN(len(c.Articles))].Title
		for _, w := range splitWords(title) {
			rs := []rune(w)
			if len(rs) < 2 {
				continue
			}
			from := rng.IntN(len(rs) - 1)
			to := from + 2 + rng.IntN(len(rs)-from-1)
			sub := rs[from:to]
			var dropped []rune // letters in order, some left out: the subsequence tier
			for i, r := range rs {
				if i == 0 || rng.IntN(3) > 0 {
					dropped = append(dropped, r)
				}
			}
			queries = append(queries, w, string(sub), string(dropped), strings.TrimSpace(string(appendLatinKey(nil, w))))
		}
	}
	letters := []rune("абвгдежзийклмнопрстуфхцчшщыьэюяzqxkosherbaev")
	for range 200 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteRune(letters[rng.IntN(len(letters))])
		}
		queries = append(queries, b.String())
	}
	skipped, matched := 0, 0
	for _, q := range queries {
		if !utf8.ValidString(q) || q == "" {
			continue
		}
		w := newWord(q)
		filters := [][]pairFilter{w.titleFilters()}
		for i := range c.Articles {
			may := chunkMayMatch(&ix.chunkTitles[i/chunk], filters)
			if ix.titles.match(i, w) > tierNone {
				matched++
				if !may {
					t.Fatalf("%q matches title %q, but its chunk is skipped", q, c.Articles[i].Title)
				}
			} else if !may {
				skipped++
			}
		}
	}
	if matched == 0 || skipped == 0 {
		t.Errorf("%d titles matched, %d skipped: the test checks nothing", matched, skipped)
	}
}
