package search

import (
	"math/bits"
	"unicode/utf8"
)

// chunkTitles sums up the title keys of one chunk of articles by letter pairs (letters as
// letterMask numbers them), so a word that only titles can match skips every chunk where no
// title can hold it: a miss ("zzzq") at a million articles looks at a thousand summaries, not
// a million titles. Every match tier needs the word's letters next to each other inside a
// word of the key (exact, prefix, stem, substring), or, for the subsequence tier, a word that
// starts with its first letter and holds the others after it; the summary keeps both.
type chunkTitles struct {
	next  [64]uint64 // next[b]: the letters a directly followed by b inside a word
	after [64]uint64 // after[a]: the letters that come later in a word starting with a
	twice [64]uint64 // twice[a]: those of them that come at least twice
}

// add sums up one key. Runes letterMask gives no bit are left out on both sides (keys and
// words), so the summary still holds whatever a match needs.
func (s *chunkTitles) add(key []byte) {
	prev, first := -1, -1
	var seen, seen2 uint64
	atStart := true
	endWord := func() {
		if first >= 0 {
			s.after[first] |= seen
			s.twice[first] |= seen2
		}
		prev, first, seen, seen2, atStart = -1, -1, 0, 0, true
	}
	for i := 0; i < len(key); {
		if isSep(key[i]) {
			endWord()
			i++
			continue
		}
		_, n := utf8.DecodeRune(key[i:])
		bit := letterMask(key[i : i+n])
		i += n
		if atStart {
			atStart = false
			if bit != 0 {
				first = bits.TrailingZeros64(bit)
			}
			prev = first
			continue
		}
		if bit == 0 {
			continue
		}
		b := bits.TrailingZeros64(bit)
		if prev >= 0 {
			s.next[b] |= 1 << prev
		}
		prev = b
		seen2 |= seen & bit
		seen |= bit
	}
	endWord()
}

// pairFilter is what a chunk's titles need for one form of a query word to match in them.
type pairFilter struct {
	pairs       [][2]uint8 // letters directly after one another in the form
	first       int        // its first letter; -1 when letterMask gives it no bit
	rest, rest2 uint64     // letters after the first, and those that come twice or more
	subseq      bool       // the form has two runes or more, so the subsequence tier applies
}

func newPairFilter(form []byte) pairFilter {
	f := pairFilter{first: -1}
	prev := -1
	var seen uint64
	for i, r := 0, 0; i < len(form); r++ {
		_, n := utf8.DecodeRune(form[i:])
		bit := letterMask(form[i : i+n])
		i += n
		if r == 0 {
			if bit != 0 {
				f.first = bits.TrailingZeros64(bit)
			}
			prev = f.first
			continue
		}
		f.subseq = true
		if bit == 0 {
			continue
		}
		b := bits.TrailingZeros64(bit)
		if prev >= 0 {
			f.pairs = append(f.pairs, [2]uint8{uint8(prev), uint8(b)})
		}
		prev = b
		f.rest2 |= seen & bit
		f.rest |= bit
		seen |= bit
	}
	return f
}

// mayMatch reports whether some title summed up in s may match the form.
func (f *pairFilter) mayMatch(s *chunkTitles) bool {
	adjacent := true
	for _, p := range f.pairs {
		if s.next[p[1]]&(1<<p[0]) == 0 {
			adjacent = false
			break
		}
	}
	if adjacent {
		return true
	}
	if !f.subseq {
		return false
	}
	if f.first < 0 {
		return true
	}
	return s.after[f.first]&f.rest == f.rest && s.twice[f.first]&f.rest2 == f.rest2
}

// titleFilters are the pair filters of the forms of w that titles are matched by: the Latin
// key of a Latin word; the word and its stem for a Cyrillic one.
func (w *word) titleFilters() []pairFilter {
	if w.latin {
		return []pairFilter{newPairFilter(w.lat)}
	}
	fs := []pairFilter{newPairFilter(w.cyr)}
	if w.stem != nil {
		fs = append(fs, newPairFilter(w.stem))
	}
	return fs
}

// chunkMayMatch reports whether any title summed up in s may match every one of words.
func chunkMayMatch(s *chunkTitles, words [][]pairFilter) bool {
	for _, forms := range words {
		ok := false
		for i := range forms {
			if forms[i].mayMatch(s) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
