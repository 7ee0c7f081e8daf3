package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// The places scanner reads the bytes of a text itself: most of a Russian text is letters а..я,
// two bytes each, which it decides four at a time, and spaces; other runes are decoded where
// they come.

// otherScript reports whether a word starting with byte c is in a script other than ASCII and
// Cyrillic (U+0400..U+047F).
func otherScript(c byte) bool { return c >= 0xC0 && c != 0xD0 && c != 0xD1 }

// wordAt scans the word from text[i] like wordEnd. Most words are letters а..я, maybe after a
// capital А..Я, up to a space or punctuation: it decides those itself, wordEnd the others.
func wordAt(text string, i int) (end, foldFrom, foldTo int, hyphen bool) {
	foldFrom, foldTo = i, i
	if i+1 < len(text) && text[i] == 0xD0 && text[i+1]-0x90 < 0x20 { // А..Я
		foldTo = i + 2
		i += 2
	}
	if end = lowerRunEnd(text, i); end == len(text) || endsWord(text[end]) {
		return end, foldFrom, foldTo, false
	}
	end, from, to, hyphen := wordEnd(text, end)
	if from < to {
		if foldFrom == foldTo {
			foldFrom = from
		}
		foldTo = to
	}
	return end, foldFrom, foldTo, hyphen
}

// wordEnd scans the word, or the rest of one, from text[i], a rune other than а..я (the
// caller has passed those): runes up to one that is neither a letter, a digit nor an inner
// hyphen; end is i when text[i] is none of them. The runes that change when folded (capitals,
// ё) are all in text[foldFrom:foldTo], empty when there are none.
func wordEnd(text string, i int) (end, foldFrom, foldTo int, hyphen bool) {
	for ; i < len(text); i = lowerRunEnd(text, i) {
		c := text[i]
		size, folds := 1, false
		switch {
		case c < utf8.RuneSelf:
			if l := asciiFold[c]; l != 0 {
				folds = l != c
				break
			}
			if c == '-' && i+1 < len(text) && isWordRuneAt(text, i+1) {
				hyphen = true // "казахско-мексиканского"
				break
			}
			return i, foldFrom, foldTo, hyphen
		case (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			// The rest of U+0400..U+047F: А..Я, Ѐ..Џ and ё fold; like ru.Fold, the other
			// lower-case letters and the old ones (Ѡ..ѿ) are left as they are.
			size, folds = 2, c == 0xD0 || text[i+1] == 0x91
		case c == 0xE2 && i+1 < len(text) && text[i+1] == 0x80:
			// U+2000..U+203F, dashes, quotes and spaces: no letter, no digit.
			return i, foldFrom, foldTo, hyphen
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return i, foldFrom, foldTo, hyphen
			}
			l := unicode.ToLower(r)
			folds = l != r && utf8.RuneLen(l) == size
		}
		if folds {
			if foldFrom == foldTo {
				foldFrom = i
			}
			foldTo = i + size
		}
		i += size
	}
	return i, foldFrom, foldTo, hyphen
}

// endsWord reports whether a byte after a letter ends the word: ASCII that is neither a letter,
// a digit nor a hyphen.
func endsWord(c byte) bool { return c < utf8.RuneSelf && asciiFold[c] == 0 && c != '-' }

// lowerRunEnd returns the end of the run of letters а..я that starts at text[i], the bulk of
// Russian text: they are letters, folded as written. It tests four letters at a time while it
// can (see otherLanes).
func lowerRunEnd(text string, i int) int {
	for i+8 <= len(text) {
		if other := otherLanes(load64(text, i)); other != 0 {
			return i + bits.TrailingZeros64(other)/16*2 // the first lane with another rune
		}
		i += 8
	}
	return lowerTailEnd(text, i)
}

// appendFolded appends word folded like ru.Fold (lower case, ё as е), keeping its length: a
// copy of word whose runes in word[from:to] are folded.
func appendFolded(buf []byte, word string, from, to int) []byte {
	if from == 0 && to == 2 && word[0] == 0xD0 { // most often, one capital first: "Казахстан"
		b0, b1 := foldCyrillic(word[0], word[1])
		return append(append(buf, b0, b1), word[2:]...)
	}
	at := len(buf)
	buf = append(buf, word...)
	folded := buf[at+from : at+to]
	for i := 0; i < len(folded); {
		c := folded[i]
		switch {
		case c < utf8.RuneSelf:
			if l := asciiFold[c]; l != 0 {
				folded[i] = l
			}
			i++
		case (c == 0xD0 || c == 0xD1) && i+1 < len(folded) && folded[i+1]&0xC0 == 0x80:
			folded[i], folded[i+1] = foldCyrillic(c, folded[i+1])
			i += 2
		default:
			r, size := utf8.DecodeRune(folded[i:])
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
				utf8.EncodeRune(folded[i:], l)
			}
			i += size
		}
	}
	return buf
}

// asciiFold maps ASCII letters and digits to their folded form and everything else to 0.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// isWordRuneAt reports whether the rune at text[i] is a letter or digit.
func isWordRuneAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiFold[c] != 0
	} else if (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return true // U+0400..U+047F are all letters
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// foldCyrillic folds the two-byte encoding of a rune in U+0400..U+047F like ru.Fold: upper
// case to lower case, ё to е.
func foldCyrillic(b0, b1 byte) (byte, byte) {
	if b0 == 0xD0 {
		switch {
		case b1 == 0x81: // Ё → е
			return 0xD0, 0xB5
		case b1 <= 0x8F: // Ѐ..Џ → ѐ..џ
			return 0xD1, b1 + 0x10
		case b1 <= 0x9F: // А..П → а..п
			return 0xD0, b1 + 0x20
		case b1 <= 0xAF: // Р..Я → р..я
			return 0xD1, b1 - 0x20
		}
		return b0, b1
	}
	if b1 == 0x91 { // ё → е
		return 0xD0, 0xB5
	}
	return b0, b1
}

// startsUpper reports whether s begins with a capital letter.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c < utf8.RuneSelf:
		return 'A' <= c && c <= 'Z'
	case c == 0xD0 && len(s) > 1:
		return s[1] <= 0xAF // Ѐ..Я; а..п follow
	case c == 0xD1:
		return false // р..я, ѐ..џ
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
