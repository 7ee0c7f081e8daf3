package extract

import "math/bits"

// Both finders read most of a Russian text, letters а..я of two bytes each, eight bytes at a
// time: а..п are D0 B0..BF, р..я D1 80..8F.

// load64 reads text[i:i+8] as a little-endian number (the compiler makes it one load).
func load64(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// otherLanes takes eight bytes of text read by load64 from a character boundary, four
// two-byte lanes, and returns them with bits set in the lanes that hold another rune than а..я
// (ё is another).
func otherLanes(x uint64) uint64 {
	const (
		mask     = 0xF0FE_F0FE_F0FE_F0FE // a lane's lead byte but its last bit, the high nibble of the other
		leadBits = 0x0001_0001_0001_0001 // the last bit of each lead byte: 0 for D0, 1 for D1
		loLetter = 0xB0D0_B0D0_B0D0_B0D0 // the lanes of а..п under mask; р..я are 0x3000 less
	)
	return x&mask ^ (loLetter - x&leadBits*0x3000)
}

// lowerLetters returns how many of the four lanes of x (see otherLanes) hold letters а..я,
// counted from the first up to the first that does not: 4 when all do.
func lowerLetters(x uint64) int { return bits.TrailingZeros64(otherLanes(x)) / 16 }

// isLowerLetter reports whether two bytes encode one of а..я. Less D0 B0, the pair is below
// 0x10 for а..п and in D0..DF for р..я: bits 0 and 13 of 0x2001, read without a branch.
func isLowerLetter(b0, b1 byte) bool {
	k := (uint(b0)<<8 | uint(b1)) - 0xD0B0
	return k < 0xE0 && 0x2001>>(k>>4)&1 != 0
}

// lowerTailEnd returns the end of the run of letters а..я that starts at text[i], reading
// them one at a time: for the last bytes of a text, fewer than eight.
func lowerTailEnd(text string, i int) int {
	for i+1 < len(text) && isLowerLetter(text[i], text[i+1]) {
		i += 2
	}
	return i
}
