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

// The block scans below look at eight bytes at once, one lane a byte, and answer with a mask
// that has the high bit of each lane (0x80) set where the lane is of the kind asked for. A
// second load one byte further on gives each byte's successor.

// lanes is each byte's high bit.
const lanes = 0x8080_8080_8080_8080

// nonzeroLanes marks the bytes of x that are not 0: (b&0x7F)+0x7F reaches the high bit of its
// own byte, and never the next, unless b&0x7F is 0.
func nonzeroLanes(x uint64) uint64 {
	const low7 = 0x7F7F_7F7F_7F7F_7F7F
	return (x&low7 + low7 | x) & lanes
}

// notLetterLeads marks the bytes of x, eight bytes of text, that do not begin a letter а..я
// (D0 followed by B0..BF, or D1 followed by 80..8F). next holds the eight bytes after each of
// them (the text loaded one byte further on).
func notLetterLeads(x, next uint64) uint64 {
	const ones = 0x0101_0101_0101_0101
	// Less what a letter's pair should be, zero in every lane that leads one: the lead but
	// its last bit against D0, the successor's high nibble against B (for D0) or 8 (for D1).
	off := (x&(0xFE*ones) ^ 0xD0*ones) | (next&(0xF0*ones) ^ (0xB0*ones - x&ones*0x30))
	return nonzeroLanes(off)
}
