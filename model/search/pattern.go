package search

import (
	"bytes"
	"unicode/utf8"
)

// pattern is a byte string to find in keys, with the byte to look for first: the one of its
// rarest letter. Every Russian letter starts with the byte D0 or D1 and words with a space,
// so looking for the first byte, as bytes.Index does on long keys, stops at nearly every
// letter; IndexByte on the second byte of "ш" stops only at "ш".
type pattern struct {
	b     []byte
	pivot int
}

// Letters from most to least common in Russian and in Latin transliterations of it.
const (
	russianByFrequency = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё"
	latinByFrequency   = "aeoinrtslkvmdpuhbgzcyjfwqx"
)

// rarity ranks bytes: higher is rarer. Continuation bytes of Russian letters get the rank of
// their letter; lead bytes, spaces and ASCII digits rank lowest.
var rarity = func() (r [256]uint8) {
	for i, c := range []rune(russianByFrequency) {
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], c)
		r[buf[n-1]] = uint8(10 + i)
	}
	for i := range latinByFrequency {
		r[latinByFrequency[i]] = uint8(10 + i)
	}
	for c := 0; c < 256; c++ {
		if r[c] == 0 && c >= 0x80 && c < 0xC0 {
			r[c] = 40 // another continuation byte: a rarer letter
		}
	}
	return r
}()

func newPattern(b []byte) pattern {
	p := pattern{b: b, pivot: len(b) - 1}
	for i := range b {
		if rarity[b[i]] > rarity[b[p.pivot]] {
			p.pivot = i
		}
	}
	return p
}

// index returns the offset of the first occurrence of p in key, or -1.
func (p pattern) index(key []byte) int {
	n := len(p.b)
	if n == 0 || n > len(key) {
		return -1
	}
	c := p.b[p.pivot]
	for off := p.pivot; off <= len(key)-(n-p.pivot); {
		j := bytes.IndexByte(key[off:len(key)-(n-1-p.pivot)], c)
		if j < 0 {
			return -1
		}
		start := off + j - p.pivot
		if bytes.Equal(key[start:start+n], p.b) {
			return start
		}
		off += j + 1
	}
	return -1
}
