package search

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// matchKeyBefore is matchKey as it was, looking for word starts, substrings and subsequences
// in turn: the reference the one-pass matchKey must agree with.
func matchKeyBefore(key []byte, qp, sq pattern, atStart bool) uint8 {
	q := qp.b
	if len(q) == 0 {
		return tierNone
	}
	if !atStart {
		if qp.index(key) >= 0 {
			return tierSubstr
		}
		return tierNone
	}
	best := uint8(tierNone)
	if bytes.HasPrefix(key, q) {
		if len(q) == len(key) || isSep(key[len(q)]) {
			return tierExact
		}
		best = tierPrefix
	}
	for off := 0; ; {
		i := sq.index(key[off:])
		if i < 0 {
			break
		}
		start := off + i + 1
		if end := start + len(q); end == len(key) || isSep(key[end]) {
			return tierExact
		}
		best = tierPrefix
		off = start
	}
	switch {
	case best != tierNone:
		return best
	case qp.index(key) >= 0:
		return tierSubstr
	case subsequenceBefore(key, q):
		return tierSubseq
	}
	return tierNone
}

// subsequenceBefore is subsequence as it was, the reference for matchKeyBefore.
func subsequenceBefore(key, q []byte) bool {
	_, n := utf8.DecodeRune(q)
	if n == len(q) {
		return false
	}
	first, rest := q[:n], q[n:]
	var sfirst [8]byte
	sfirst[0] = ' '
	copy(sfirst[1:], first)
	for start := 0; start < len(key); {
		if bytes.HasPrefix(key[start:], first) && inOrder(key[start+n:start+wordLenBefore(key[start:])], rest) {
			return true
		}
		i := bytes.Index(key[start+1:], sfirst[:n+1])
		if i < 0 {
			return false
		}
		start += 1 + i + 1
	}
	return false
}

func wordLenBefore(key []byte) int {
	for i, c := range key {
		if isSep(c) {
			return i
		}
	}
	return len(key)
}

// TestMatchKeyAgreesWithBefore compares matchKey with matchKeyBefore on the titles and
// entity names of generated articles, Cyrillic and Latin, for queries cut from them (word
// starts, word middles, whole words, letters left out) and random letters.
func TestMatchKeyAgreesWithBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	var keys [][]byte
	for _, a := range corpusgen.Articles(300, 3) {
		fields := []string{a.Title, a.Source}
		for _, p := range a.People {
			fields = append(fields, p.Name, p.Latin)
		}
		for _, c := range a.Countries {
			fields = append(fields, c.Name, c.NameEn)
		}
		var cyr []byte
		for i, f := range fields {
			if i > 0 {
				cyr = append(cyr, fieldSep)
			}
			cyr = appendKey(cyr, f)
		}
		keys = append(keys, cyr, appendLatinKey(nil, a.Title))
	}
	letters := []rune("оеаинтскрвлмдпуяыьгзбчйхжшюцщэф abcdefgikmnoprstuvyz")
	query := func(key []byte) []byte {
		runes := []rune(string(key))
		switch rng.IntN(4) {
		case 0, 1: // a piece of the key, maybe across a word boundary
			from := rng.IntN(len(runes))
			to := min(len(runes), from+1+rng.IntN(8))
			return []byte(string(runes[from:to]))
		case 2: // letters of the key in order, some left out
			var q []rune
			for _, r := range runes[rng.IntN(len(runes)):] {
				if r != ' ' && rng.IntN(3) == 0 {
					q = append(q, r)
				}
				if len(q) == 4 {
					break
				}
			}
			return []byte(string(q))
		}
		q := make([]rune, 1+rng.IntN(3))
		for i := range q {
			q[i] = letters[rng.IntN(len(letters))]
		}
		return []byte(string(q))
	}
	checked := 0
	for _, key := range keys {
		if len(key) == 0 {
			continue
		}
		for range 40 {
			q := query(key)
			if len(q) == 0 || bytes.ContainsRune(q, ' ') {
				continue
			}
			qp, sq := newPattern(q), newPattern(append([]byte{' '}, q...))
			for _, atStart := range []bool{true, false} {
				got, want := matchKey(key, qp, atStart), matchKeyBefore(key, qp, sq, atStart)
				if got != want {
					t.Fatalf("matchKey(%q, %q, %v) = %d, want %d", key, q, atStart, got, want)
				}
				checked++
			}
		}
	}
	t.Logf("%d cases", checked)
	if checked < 10_000 {
		t.Fatalf("only %d cases checked", checked)
	}
}

// BenchmarkMatchKey matches typed queries against the title keys of 10,000 generated
// articles on one goroutine: the work of a title scan without the rest of a search.
func BenchmarkMatchKey(b *testing.B) {
	var keys [][]byte
	for _, a := range corpusgen.Articles(10_000, 1) {
		keys = append(keys, appendKey(nil, a.Title))
	}
	for _, q := range []string{"ко", "кош", "франция", "ko", "kosh", "zzzq"} {
		w := newWord(q)
		p := w.cyrP
		if w.latin {
			p = w.latP
		}
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				for _, key := range keys {
					matchKey(key, p, true)
				}
			}
		})
	}
}

// A query of one Russian letter takes its tier from the masks alone; it must be the tier
// matchKey finds in the key: a word of its own ("к" in "визит к соседям"), a word's start,
// or inside a word.
func TestOneLetterTierFromMasks(t *testing.T) {
	var table keyTable
	titles := []string{"Визит к соседям", "Ёлка и ель", "В Астане", "А. Иванов и Б. Петров",
		"Әлем және Қазақстан", "NATO в Европе", "я", "Премьер-министр о визите", "Мир 2026 г."}
	for _, a := range corpusgen.Articles(300, 5) {
		titles = append(titles, a.Title)
		table.add([]string{a.Title, a.Source}, []string{a.Title})
		for _, p := range a.People {
			table.add([]string{p.Name, p.Role}, []string{p.Latin})
		}
	}
	for _, title := range titles {
		table.add([]string{title}, []string{title})
	}
	checked := 0
	for r := 'а'; r <= 'я'; r++ {
		w := newWord(string(r))
		if w.letter == 0 {
			t.Fatalf("%c: not taken as one letter", r)
		}
		for i := range table.len() {
			want := matchKey(table.cyrKey(i), w.cyrP, true)
			if got := table.match(i, w); got != want {
				t.Fatalf("%c in %q: tier %d, matchKey says %d", r, table.cyrKey(i), got, want)
			}
			if want > tierSubstr {
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d word starts and whole words checked", checked)
	}
}
