package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// Match tiers, weakest first. An article's score for a word is its best tier in any field.
const (
	tierNone   = iota
	tierText   // the word is in the body (word index), nowhere else
	tierSubseq // the letters appear in order inside one field, from a word start
	tierSubstr // inside a word
	tierStem   // the query word's stem starts a word (Франции → франц…)
	tierPrefix // starts a word
	tierExact  // a whole word
)

// fieldSep separates the fields of one key (an entity's name, Latin name, role ...). Matches
// never cross a word, so a space does.
const fieldSep = ' '

// appendKey appends the search form of s to dst: letters and digits lower-cased with ё as е,
// every run of other characters one space.
func appendKey(dst []byte, s string) []byte {
	space := len(dst) == 0 || dst[len(dst)-1] == ' ' || dst[len(dst)-1] == fieldSep
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
			if r == 'ё' {
				r = 'е'
			}
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		dst = utf8.AppendRune(dst, r)
		space = false
	}
	return dst
}

// appendLatinKey appends the loose Latin search form of s (see ru.LatinKey).
func appendLatinKey(dst []byte, s string) []byte {
	return appendKey(dst, ru.LatinKey(s))
}

// keyTable holds the keys of a list of items in two arenas (Cyrillic and loose Latin forms)
// with a letter mask per item, so a scan touches no pointers.
type keyTable struct {
	cyr, lat       []byte
	cyrEnd, latEnd []uint32 // item i's key is arena[end[i-1]:end[i]]
	mask           []uint64 // letters of both keys
	starts         []uint64 // letters that start a word, in either key
	whole          []uint64 // letters that are a word of their own, in either key
}

// add appends an item whose fields are given in Cyrillic (cyr) and Latin-key (lat) order.
func (t *keyTable) add(cyr, lat []string) {
	start := len(t.cyr)
	for i, f := range cyr {
		if i > 0 {
			t.cyr = append(t.cyr, fieldSep)
		}
		t.cyr = appendKey(t.cyr, f)
	}
	lstart := len(t.lat)
	for i, f := range lat {
		if i > 0 {
			t.lat = append(t.lat, fieldSep)
		}
		t.lat = appendLatinKey(t.lat, f)
	}
	t.cyrEnd = append(t.cyrEnd, uint32(len(t.cyr)))
	t.latEnd = append(t.latEnd, uint32(len(t.lat)))
	t.mask = append(t.mask, letterMask(t.cyr[start:])|letterMask(t.lat[lstart:]))
	t.starts = append(t.starts, startMask(t.cyr[start:])|startMask(t.lat[lstart:]))
	t.whole = append(t.whole, wholeMask(t.cyr[start:])|wholeMask(t.lat[lstart:]))
}

// appendTable appends the items of u.
func (t *keyTable) appendTable(u *keyTable) {
	cb, lb := uint32(len(t.cyr)), uint32(len(t.lat))
	t.cyr = append(t.cyr, u.cyr...)
	t.lat = append(t.lat, u.lat...)
	for _, e := range u.cyrEnd {
		t.cyrEnd = append(t.cyrEnd, cb+e)
	}
	for _, e := range u.latEnd {
		t.latEnd = append(t.latEnd, lb+e)
	}
	t.mask = append(t.mask, u.mask...)
	t.starts = append(t.starts, u.starts...)
	t.whole = append(t.whole, u.whole...)
}

func (t *keyTable) len() int { return len(t.mask) }

func (t *keyTable) cyrKey(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = t.cyrEnd[i-1]
	}
	return t.cyr[start:t.cyrEnd[i]]
}

func (t *keyTable) latKey(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = t.latEnd[i-1]
	}
	return t.lat[start:t.latEnd[i]]
}

// match returns the best tier at which w matches item i.
func (t *keyTable) match(i int, w *word) uint8 {
	if t.mask[i]&w.mask != w.mask {
		return tierNone
	}
	if w.letter != 0 {
		// One Russian letter, found by the mask: its tier is in the masks too, as matchKey
		// would find it (no Latin key holds a Russian letter).
		switch {
		case t.whole[i]&w.letter != 0:
			return tierExact
		case t.starts[i]&w.letter != 0:
			return tierPrefix
		}
		return tierSubstr
	}
	// Every tier but a substring needs a word that starts with the word's first letter.
	atStart := w.first == 0 || t.starts[i]&w.first != 0
	if w.latin {
		return matchKey(t.latKey(i), w.latP, atStart)
	}
	key := t.cyrKey(i)
	tier := uint8(tierNone)
	if t.mask[i]&w.cyrMask == w.cyrMask {
		tier = matchKey(key, w.cyrP, atStart)
	}
	if w.stem != nil && tier < tierExact && atStart {
		tier = max(tier, stemTier(key, w.stemP, w.stemSp))
	}
	return tier
}

// startMask is letterMask of the first letters of the words of key.
func startMask(key []byte) uint64 {
	var m uint64
	for i := 0; i < len(key); i++ {
		if i == 0 || isSep(key[i-1]) {
			m |= firstLetterBit(key[i:])
		}
	}
	return m
}

// wholeMask is letterMask of the words of key that are one letter long.
func wholeMask(key []byte) uint64 {
	var m uint64
	for start := 0; start < len(key); {
		end := start + wordLen(key[start:])
		if _, n := utf8.DecodeRune(key[start:end]); n == end-start {
			m |= firstLetterBit(key[start:end])
		}
		start = end + 1
	}
	return m
}

// firstLetterBit is the letterMask bit of the first letter of s.
func firstLetterBit(s []byte) uint64 {
	if len(s) == 0 {
		return 0
	}
	if s[0] < utf8.RuneSelf {
		return letterMask(s[:1])
	}
	r, _ := utf8.DecodeRune(s)
	return runeBit(r)
}

// letterMask sets one bit per letter or digit class in key: Russian letters 0–31, Latin
// letters 32–57, digits 58, any other letter 59–63.
func letterMask(key []byte) uint64 {
	var m uint64
	for i := 0; i < len(key); {
		c := key[i]
		switch {
		case 'a' <= c && c <= 'z':
			m |= 1 << (32 + c - 'a')
			i++
		case '0' <= c && c <= '9':
			m |= 1 << 58
			i++
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(key[i:])
			m |= runeBit(r)
			i += n
		}
	}
	return m
}

func runeBit(r rune) uint64 {
	switch {
	case 'а' <= r && r <= 'я':
		return 1 << (r - 'а')
	case r == 'ё':
		return 1 << ('е' - 'а')
	case unicode.IsLetter(r):
		return 1 << (59 + uint(r)%5)
	}
	return 0
}

func isSep(c byte) bool { return c == ' ' }

// matchKey returns the best tier at which q matches key: a whole word, a word prefix, a
// substring, or its letters in order inside a word from its start; when atStart is false
// (no word of key starts with q's first letter) only a substring can. It walks the
// occurrences of q once, judging each by the bytes around it.
func matchKey(key []byte, qp pattern, atStart bool) uint8 {
	q := qp.b
	if len(q) == 0 {
		return tierNone
	}
	best := uint8(tierNone)
	for off := 0; ; {
		i := qp.index(key[off:])
		if i < 0 {
			break
		}
		start := off + i
		if !atStart {
			return tierSubstr
		}
		if start == 0 || isSep(key[start-1]) {
			if end := start + len(q); end == len(key) || isSep(key[end]) {
				return tierExact
			}
			best = tierPrefix
		} else {
			best = max(best, tierSubstr)
		}
		off = start + 1
	}
	if best == tierNone && atStart && subsequence(key, q) {
		return tierSubseq
	}
	return best
}

// maxEnding is the longest Russian case ending, in bytes (three Cyrillic letters: -ами, -ого).
const maxEnding = 6

// stemTier returns tierExact when a word of key is stem plus at most a case ending (the same
// word in another case: Франции finds Франция), tierStem when a longer word starts with stem,
// and tierNone otherwise. ssp is " "+stem.
func stemTier(key []byte, sp, ssp pattern) uint8 {
	stem := sp.b
	best := uint8(tierNone)
	at := func(start int) uint8 {
		if wordLen(key[start:])-len(stem) <= maxEnding {
			return tierExact
		}
		return tierStem
	}
	if bytes.HasPrefix(key, stem) {
		if best = at(0); best == tierExact {
			return best
		}
	}
	for off := 0; ; {
		i := ssp.index(key[off:])
		if i < 0 {
			return best
		}
		start := off + i + 1
		if best = max(best, at(start)); best == tierExact {
			return best
		}
		off = start
	}
}

// subsequence reports whether q's letters appear in order inside one word of key, the
// first letter starting the word: "кшрб" finds "кошербаев", "zzzq" finds nothing.
func subsequence(key, q []byte) bool {
	_, n := utf8.DecodeRune(q)
	if n == len(q) {
		return false // one letter: substring already said no
	}
	first, rest := q[:n], q[n:]
	var buf [8]byte
	buf[0] = ' '
	wordStart := newPattern(append(buf[:1], first...)) // a word starting with first
	start := 0
	if !bytes.HasPrefix(key, first) {
		i := wordStart.index(key)
		if i < 0 {
			return false
		}
		start = i + 1
	}
	for {
		end := start + n + wordLen(key[start+n:])
		if inOrder(key[start+n:end], rest) {
			return true
		}
		i := wordStart.index(key[end:])
		if i < 0 {
			return false
		}
		start = end + i + 1
	}
}

// wordLen returns the length of the word key starts with.
func wordLen(key []byte) int {
	if i := bytes.IndexByte(key, ' '); i >= 0 {
		return i
	}
	return len(key)
}

// inOrder reports whether q's runes appear in s in order.
func inOrder(s, q []byte) bool {
	for len(q) > 0 {
		var i, n int
		if q[0] < utf8.RuneSelf {
			i, n = bytes.IndexByte(s, q[0]), 1
		} else {
			_, n = utf8.DecodeRune(q)
			i = bytes.Index(s, q[:n])
		}
		if i < 0 {
			return false
		}
		s, q = s[i+n:], q[n:]
	}
	return true
}
