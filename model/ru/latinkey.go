package ru

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LatinKey returns the loose Latin search key of s: lower case, Cyrillic transliterated, and
// the spellings that English-language media vary on made equal, so that "Kosherbayev",
// "Kosherbaev" and "Кошербаев" all give "kosherbaev", and "Tokayev", "Toqaev" and "Токаев"
// give "tokaev". Characters other than letters and digits are kept as they are.
//
// The loosening rules: y before a vowel is dropped (ya, ye, yo, yu → a, e, o, u), any other
// y is i; kh is h; dzh and zh are j; q is k, w is v, x is ks, c is k (ch is kept); doubled
// letters are single.
func LatinKey(s string) string {
	key, _ := latinKey(s, false)
	return key
}

// LatinKeyRunes is LatinKey that also returns, for every byte of the key, the index of the
// rune of s it came from, so a match in the key can be shown on s.
func LatinKeyRunes(s string) (key string, runeOf []int32) {
	return latinKey(s, true)
}

func latinKey(s string, track bool) (string, []int32) {
	// First pass: lower-case Latin letters, each byte tagged with its source rune.
	plain := make([]byte, 0, len(s)+len(s)/4)
	var from []int32
	ri := int32(0)
	for _, r := range s {
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		var t string
		if lat, ok := latin[r]; ok {
			t = lat
		} else if r < utf8.RuneSelf {
			t = string(byte(r))
		} else {
			t = string(r)
		}
		plain = append(plain, t...)
		if track {
			for range len(t) {
				from = append(from, ri)
			}
		}
		ri++
	}

	// Second pass: loosen.
	var b strings.Builder
	b.Grow(len(plain))
	var out []int32
	if track {
		out = make([]int32, 0, len(plain))
	}
	var last byte
	emit := func(c byte, src int32) {
		if c == last && isASCIILetter(c) {
			return // doubled letter
		}
		b.WriteByte(c)
		last = c
		if track {
			out = append(out, src)
		}
	}
	at := func(i int) byte {
		if i < len(plain) {
			return plain[i]
		}
		return 0
	}
	for i := 0; i < len(plain); i++ {
		c := plain[i]
		src := int32(0)
		if track {
			src = from[i]
		}
		switch {
		case c == 'y' && isLatinVowel(at(i+1)):
			continue
		case c == 'y':
			emit('i', src)
		case c == 'k' && at(i+1) == 'h':
			emit('h', src)
			i++
		case c == 'd' && at(i+1) == 'z' && at(i+2) == 'h':
			emit('j', src)
			i += 2
		case c == 'z' && at(i+1) == 'h':
			emit('j', src)
			i++
		case c == 'c' && at(i+1) == 'h':
			emit('c', src)
			emit('h', src)
			i++
		case c == 'c' || c == 'q':
			emit('k', src)
		case c == 'w':
			emit('v', src)
		case c == 'x':
			emit('k', src)
			emit('s', src)
		default:
			if c >= utf8.RuneSelf {
				last = 0
				b.WriteByte(c)
				if track {
					out = append(out, src)
				}
				continue
			}
			emit(c, src)
		}
	}
	return b.String(), out
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' }

func isLatinVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
