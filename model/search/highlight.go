package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"github.com/dispatch-news/dispatch/model/ru"
)

// Highlight returns the rune indexes of label's characters that match q, ascending, for
// display. Every plain word and qualifier value of q is looked for: as a word start, a stem,
// a substring, then as letters in order inside a word. A Latin query on a Cyrillic label (or
// the other way round) is shown through the transliteration: "kosh" lights up "Кош" in
// "Кошербаев", "кошербаев" lights up "Kosherbayev".
func Highlight(q, label string) []int {
	pq := ParseQuery(q)
	words := pq.Words
	for _, t := range pq.Terms {
		if t.Qualifier != "" && t.Qualifier != QualSince && t.Qualifier != QualUntil && t.Problem == "" {
			words = append(words, splitWords(t.Value)...)
		}
	}
	if len(words) == 0 || label == "" {
		return nil
	}
	runes := []rune(label)
	marked := make([]bool, len(runes))
	folded, runeAt := foldRunes(runes)
	var lat string
	var latAt []int
	seen := map[string]bool{} // a pasted query may say one word many times
	for _, w := range words {
		if seen[w] {
			continue
		}
		seen[w] = true
		wd := newWord(w)
		if !wd.latin && markMatch(marked, folded, runeAt, string(wd.cyr), string(wd.stem)) {
			continue
		}
		// Through the transliteration: a Latin query, or a Cyrillic one on a Latin label.
		if latAt == nil {
			key, runeOf := ru.LatinKeyRunes(label)
			lat = key
			latAt = make([]int, len(runeOf))
			for i, r := range runeOf {
				latAt[i] = int(r)
			}
		}
		q := wd.lat
		if !wd.latin {
			q = appendLatinKey(nil, w)
		}
		markMatch(marked, lat, latAt, string(q), "")
	}
	var out []int
	for i, m := range marked {
		if m {
			out = append(out, i)
		}
	}
	return out
}

// foldRunes lower-cases runes with ё as е and returns the text with, for each of its bytes,
// the index of the rune it came from.
func foldRunes(runes []rune) (string, []int) {
	var b strings.Builder
	at := make([]int, 0, len(runes)*2)
	for i, r := range runes {
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		n, _ := b.WriteRune(r)
		for range n {
			at = append(at, i)
		}
	}
	return b.String(), at
}

// markMatch marks the runes of text (whose bytes map to runes through at) that q matches:
// the first occurrence at a word start, else the stem at a word start, else any occurrence,
// else q's letters in order inside one word (positions from sahilm/fuzzy, whose byte offsets
// at converts to runes).
func markMatch(marked []bool, text string, at []int, q, stem string) bool {
	// mark marks the runes from the one byte start came from to the one of its last byte, so
	// letters the Latin key dropped inside a match (the y of "bayev") are marked too.
	mark := func(start, n int) {
		if n <= 0 || start >= len(at) {
			return
		}
		for r := at[start]; r <= at[min(start+n, len(at))-1]; r++ {
			marked[r] = true
		}
	}
	if q == "" {
		return false
	}
	if i := wordStart(text, q); i >= 0 {
		mark(i, len(q))
		return true
	}
	if stem != "" {
		if i := wordStart(text, stem); i >= 0 {
			mark(i, len(stem))
			return true
		}
	}
	if i := strings.Index(text, q); i >= 0 {
		mark(i, len(q))
		return true
	}
	// Letters in order inside one word that starts with q's first letter, as search matches.
	first, _ := utf8.DecodeRuneInString(q)
	for start := 0; start < len(text); {
		end := start
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			end += n
		}
		if r, _ := utf8.DecodeRuneInString(text[start:]); r == first && end > start {
			if m := fuzzy.Find(q, []string{text[start:end]}); len(m) > 0 {
				for _, b := range m[0].MatchedIndexes {
					_, n := utf8.DecodeRuneInString(text[start+b:])
					mark(start+b, n)
				}
				return true
			}
		}
		_, n := utf8.DecodeRuneInString(text[end:])
		start = end + max(n, 1)
	}
	// Else the longest start of q that starts a word ("france" shows "fran" of "frantsia").
	for n := len(q) - 1; n >= 3; n-- {
		if i := wordStart(text, q[:n]); i >= 0 {
			mark(i, n)
			return true
		}
	}
	return false
}

// wordStart returns the byte offset of the first occurrence of q in text that starts a word,
// or -1.
func wordStart(text, q string) int {
	for off := 0; ; {
		i := strings.Index(text[off:], q)
		if i < 0 {
			return -1
		}
		i += off
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if i == 0 || !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			return i
		}
		off = i + 1
	}
}
