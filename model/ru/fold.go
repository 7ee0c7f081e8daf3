package ru

import (
	"strings"
	"unicode"
)

// Fold lower-cases s and folds ё to е, the form every comparison and search key uses.
// ASCII and Russian letters are folded byte by byte, with no allocation for a word already
// folded; other scripts go through the Unicode tables.
func Fold(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || c == 0xD0 && i+1 < len(s) && s[i+1] <= 0xAF ||
			c == 0xD1 && i+1 < len(s) && s[i+1] == 0x91 {
			break
		}
		if c >= 0xC0 && c != 0xD0 && c != 0xD1 {
			return foldRunes(s)
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == 0xD0 && i+1 < len(b):
			switch n := b[i+1]; {
			case n == 0x81: // Ё → е
				b[i+1] = 0xB5
			case n <= 0x8F: // Ѐ…Џ → ѐ…џ
				b[i], b[i+1] = 0xD1, n+0x10
			case n <= 0x9F: // А…П → а…п
				b[i+1] = n + 0x20
			case n <= 0xAF: // Р…Я → р…я
				b[i], b[i+1] = 0xD1, n-0x20
			}
			i++
		case c == 0xD1 && i+1 < len(b):
			if b[i+1] == 0x91 { // ё → е
				b[i], b[i+1] = 0xD0, 0xB5
			}
			i++
		case c >= 0xC0:
			return foldRunes(s)
		}
	}
	return string(b)
}

// foldRunes is Fold for any script.
func foldRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		b.WriteRune(r)
	}
	return b.String()
}
